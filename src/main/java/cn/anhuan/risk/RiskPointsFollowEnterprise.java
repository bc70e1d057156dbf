package cn.anhuan.risk;

import cn.anhuan.audit.AuditTrail;
import cn.anhuan.enterprise.EnterpriseMoved;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A moved enterprise's risk points go with it, in the transaction that moves the enterprise. */
@Component
class RiskPointsFollowEnterprise {

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    RiskPointsFollowEnterprise(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @EventListener
    void moved(EnterpriseMoved moved) {
        int n = moved.copyTo(jdbc, "risk.point", "enterprise_id = :enterprise");
        if (n > 0) {
            audit.record("risk.followedEnterprise", "enterprise", moved.enterpriseId(), moved.after().regionCode(),
                    moved.before().fields(), moved.moved("riskPoints", n));
        }
    }
}

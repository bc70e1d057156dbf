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
        moved.follow(jdbc, audit, "risk.point", "enterprise_id = :enterprise", "risk.followedEnterprise", "riskPoints");
    }
}

package cn.anhuan.hazard;

import cn.anhuan.audit.AuditTrail;
import cn.anhuan.enterprise.EnterpriseMoved;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A moved enterprise's hazards, open and closed, go with it to its new county, zone and industry (the records of
 * an enterprise belong to whoever supervises it now), in the transaction that moves the enterprise.
 */
@Component
class HazardsFollowEnterprise {

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    HazardsFollowEnterprise(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @EventListener
    void moved(EnterpriseMoved moved) {
        moved.follow(jdbc, audit, "hazard.hazard", "enterprise_id = :enterprise", "hazard.followedEnterprise", "hazards");
    }
}

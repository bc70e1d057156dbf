package cn.anhuan.monitoring;

import java.util.Map;

import cn.anhuan.audit.AuditTrail;
import cn.anhuan.enterprise.EnterpriseMoved;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A moved enterprise's monitoring devices and their alarms go with it, in the transaction that moves the
 * enterprise (new alarms copy the device's columns, so they follow from then on).
 */
@Component
class DevicesFollowEnterprise {

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    DevicesFollowEnterprise(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @EventListener
    void moved(EnterpriseMoved moved) {
        int devices = moved.copyTo(jdbc, "monitoring.device", "enterprise_id = :enterprise");
        if (devices == 0) {
            return;
        }
        int alarms = moved.copyTo(jdbc, "monitoring.alarm",
                "device_id in (select id from monitoring.device where enterprise_id = :enterprise)");
        Map<String, Object> after = moved.moved("devices", devices);
        after.put("alarms", alarms);
        audit.record("monitoring.followedEnterprise", "enterprise", moved.enterpriseId(), moved.after().regionCode(),
                moved.before().fields(), after);
    }
}

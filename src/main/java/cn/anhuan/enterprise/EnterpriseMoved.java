package cn.anhuan.enterprise;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.anhuan.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An enterprise's scope changed: its county, development zone, regulatory industry or credit code. Modules that
 * copy these columns into their own rows (hazards, risk points, monitoring devices and alarms) so that data scope
 * is one indexed predicate follow the enterprise: they listen to this event, which is published inside the
 * updating transaction, and update their rows in it. The new county sees the enterprise's records at once, the
 * old county no longer does, and a failure anywhere rolls the move back whole.
 */
public record EnterpriseMoved(long enterpriseId, Scope before, Scope after) {

    /** The columns a record copies from its enterprise for data scope. */
    public record Scope(String creditCode, String regionCode, String zoneCode, String industryCode) {

        /** The scope columns of an enterprise as it stands. */
        public static Scope of(EnterpriseView e) {
            return new Scope(e.creditCode(), e.regionCode(), e.zoneCode(), e.industryCode());
        }

        /** For the audit trail (a zone may be absent). */
        public Map<String, Object> fields() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("creditCode", creditCode);
            m.put("regionCode", regionCode);
            m.put("zoneCode", zoneCode);
            m.put("industryCode", industryCode);
            return m;
        }
    }

    /**
     * Writes the new scope into the rows of {@code table} that {@code rowsOfEnterprise} selects (an SQL condition
     * on {@code :enterprise}, the enterprise's id). Table and condition are the caller's constants.
     *
     * @return the number of rows updated
     */
    public int copyTo(JdbcClient jdbc, String table, String rowsOfEnterprise) {
        return jdbc.sql("update " + table + " set credit_code = :code, region_code = :region, zone_code = :zone, "
                        + "industry_code = :industry where " + rowsOfEnterprise)
                .param("code", after.creditCode()).param("region", after.regionCode()).param("zone", after.zoneCode())
                .param("industry", after.industryCode()).param("enterprise", enterpriseId).update();
    }

    /**
     * {@link #copyTo} and, when rows moved, one audit entry on the enterprise: the old scope, the new one and how
     * many rows followed.
     */
    public int follow(JdbcClient jdbc, AuditTrail audit, String table, String rowsOfEnterprise, String action,
                      String rows) {
        int n = copyTo(jdbc, table, rowsOfEnterprise);
        if (n > 0) {
            audit.record(action, "enterprise", enterpriseId, after.regionCode(), before.fields(), moved(rows, n));
        }
        return n;
    }

    /** The new scope's fields and how many rows of a kind followed, for the audit trail. */
    public Map<String, Object> moved(String rows, int count) {
        Map<String, Object> m = after.fields();
        m.put(rows, count);
        return m;
    }
}

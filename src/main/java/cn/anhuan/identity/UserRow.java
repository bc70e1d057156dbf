package cn.anhuan.identity;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** An account as stored. */
record UserRow(long id, String username, String displayName, String passwordHash, Role role, String regionCode,
               Long departmentId, String enterpriseCode, boolean enabled, int failedAttempts, Instant lockedUntil,
               Instant createdAt, int version) {

    UserRow withPassword(String hash) {
        return new UserRow(id, username, displayName, hash, role, regionCode, departmentId, enterpriseCode, enabled,
                0, null, createdAt, version);
    }

    UserRow withEnabled(boolean value) {
        return new UserRow(id, username, displayName, passwordHash, role, regionCode, departmentId, enterpriseCode,
                value, failedAttempts, lockedUntil, createdAt, version);
    }

    UserRow withProfile(String name, Role newRole, String region, Long department, String enterprise) {
        return new UserRow(id, username, name, passwordHash, newRole, region, department, enterprise, enabled,
                failedAttempts, lockedUntil, createdAt, version);
    }

    /** The audited fields: never the password hash. */
    Map<String, Object> auditFields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", username);
        m.put("displayName", displayName);
        m.put("role", role.name());
        m.put("regionCode", regionCode);
        m.put("departmentId", departmentId);
        m.put("enterpriseCode", enterpriseCode);
        m.put("enabled", enabled);
        return m;
    }
}

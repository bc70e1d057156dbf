package cn.anhuan.identity;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** An account as stored. */
record UserRow(long id, String username, String displayName, String passwordHash, Role role, String regionCode,
               Long departmentId, String enterpriseCode, boolean enabled, int failedAttempts, Instant lockedUntil,
               Instant createdAt, int version, boolean passwordChangeRequired) {

    /** A new password; {@code changeRequired} when an administrator set it, so the user must choose its own. */
    UserRow withPassword(String hash, boolean changeRequired) {
        return new UserRow(id, username, displayName, hash, role, regionCode, departmentId, enterpriseCode, enabled,
                0, null, createdAt, version, changeRequired);
    }

    UserRow withEnabled(boolean value) {
        return new UserRow(id, username, displayName, passwordHash, role, regionCode, departmentId, enterpriseCode,
                value, failedAttempts, lockedUntil, createdAt, version, passwordChangeRequired);
    }

    UserRow withProfile(String name, Role newRole, String region, Long department, String enterprise) {
        return new UserRow(id, username, name, passwordHash, newRole, region, department, enterprise, enabled,
                failedAttempts, lockedUntil, createdAt, version, passwordChangeRequired);
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
        m.put("changeAtNextSignIn", passwordChangeRequired);
        return m;
    }
}

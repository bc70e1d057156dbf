package cn.anhuan.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import cn.anhuan.shared.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records a state change in the same transaction as the change itself: if the change rolls back, so does
 * its entry. Entries are chained by SHA-256, each over its own fields and the previous entry's hash.
 */
@Service
public class AuditTrail {

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate jdbcTemplate;
    private final JsonMapper json;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate jdbcTemplate, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Appends an entry. Must run inside the transaction that makes the change.
     *
     * @param action     what happened, e.g. {@code user.disabled}
     * @param entityType the kind of record, e.g. {@code user}
     * @param entityId   the record's id
     * @param regionCode the region the record belongs to, for scoped history; may be null
     * @param oldValue   the relevant fields before (null for a creation)
     * @param newValue   the relevant fields after (null for a deletion)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String entityType, Object entityId, String regionCode,
                       Map<String, ?> oldValue, Map<String, ?> newValue) {
        var head = jdbc.sql("select last_id, last_hash from audit.chain_head for update")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).single();
        String prevHash = (String) head[1];
        long id = jdbc.sql("select nextval('audit.entry_seq')").query(Long.class).single();
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        AuditEntry entry = new AuditEntry(id, at, actor(), clientAddress(), action, entityType,
                String.valueOf(entityId), regionCode, toJson(oldValue), toJson(newValue), prevHash, null);
        String hash = hash(entry);
        jdbc.sql("""
                insert into audit.entry (id, at, actor, actor_ip, action, entity_type, entity_id, region_code,
                                         old_value, new_value, prev_hash, hash)
                values (:id, :at, :actor, :ip, :action, :type, :entityId, :region, :old, :new, :prev, :hash)
                """)
                .param("id", id).param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .param("actor", entry.actor()).param("ip", entry.actorIp()).param("action", action)
                .param("type", entityType).param("entityId", entry.entityId()).param("region", regionCode)
                .param("old", entry.oldValue()).param("new", entry.newValue())
                .param("prev", prevHash).param("hash", hash)
                .update();
        jdbc.sql("update audit.chain_head set last_id = :id, last_hash = :hash")
                .param("id", id).param("hash", hash).update();
    }

    /** One change of a batch: the same fields as {@link #record}. */
    public record Change(String action, String entityType, Object entityId, String regionCode,
                         Map<String, ?> oldValue, Map<String, ?> newValue) {
    }

    /**
     * Appends many entries at once (imports): one lock of the chain head, hashes chained in Java, one batch
     * insert. Must run inside the transaction that makes the changes.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(java.util.List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        String prev = jdbc.sql("select last_hash from audit.chain_head for update").query(String.class).single();
        java.util.List<Long> ids = jdbc.sql("select nextval('audit.entry_seq') from generate_series(1, :n)")
                .param("n", changes.size()).query(Long.class).list();
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String actor = actor();
        String ip = clientAddress();
        java.util.List<Object[]> rows = new java.util.ArrayList<>(changes.size());
        long lastId = 0;
        for (int i = 0; i < changes.size(); i++) {
            Change c = changes.get(i);
            AuditEntry e = new AuditEntry(ids.get(i), at, actor, ip, c.action(), c.entityType(),
                    String.valueOf(c.entityId()), c.regionCode(), toJson(c.oldValue()), toJson(c.newValue()), prev, null);
            String hash = hash(e);
            rows.add(new Object[] {e.id(), OffsetDateTime.ofInstant(at, ZoneOffset.UTC), actor, ip, e.action(),
                    e.entityType(), e.entityId(), e.regionCode(), e.oldValue(), e.newValue(), prev, hash});
            prev = hash;
            lastId = e.id();
        }
        jdbcTemplate.batchUpdate("""
                insert into audit.entry (id, at, actor, actor_ip, action, entity_type, entity_id, region_code,
                                         old_value, new_value, prev_hash, hash)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        jdbc.sql("update audit.chain_head set last_id = :id, last_hash = :hash")
                .param("id", lastId).param("hash", prev).update();
    }

    private String toJson(Map<String, ?> value) {
        return value == null ? null : json.writeValueAsString(new TreeMap<>(value));
    }

    static String actor() {
        return Actor.name();
    }

    static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest().getRemoteAddr();
        }
        return null;
    }

    /** The hash of an entry: SHA-256 over its fields and the previous hash, in a fixed textual form. */
    static String hash(AuditEntry e) {
        String canonical = String.join("\u001f",
                e.prevHash(), Long.toString(e.id()),
                Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, e.at())),
                e.actor(), nz(e.actorIp()), e.action(), e.entityType(), e.entityId(), nz(e.regionCode()),
                nz(e.oldValue()), nz(e.newValue()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e1) {
            throw new IllegalStateException(e1);
        }
    }

    private static String nz(String s) {
        return s == null ? "\u2400" : s;
    }
}

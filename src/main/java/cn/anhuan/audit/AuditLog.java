package cn.anhuan.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import cn.anhuan.shared.DataScope;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the audit trail: the filtered log, the history of one record, and the verification of the chain. */
@Service
@Transactional(readOnly = true)
public class AuditLog {

    private static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");
    private static final int MAX_PROBLEMS = 100;

    private final JdbcClient jdbc;
    private final AuditCheckpoints checkpoints;

    AuditLog(JdbcClient jdbc, AuditCheckpoints checkpoints) {
        this.jdbc = jdbc;
        this.checkpoints = checkpoints;
    }

    /** Newest first, one page of at most {@code limit}; entries of records outside the caller's scope are left out. */
    public List<AuditEntry> search(AuditFilter f, int limit) {
        DataScope scope = DataScope.current();
        return jdbc.sql("""
                select * from audit.entry
                where (cast(:actor as text) is null or actor = :actor)
                  and (cast(:action as text) is null or action like :action || '%')
                  and (cast(:type as text) is null or entity_type = :type)
                  and (cast(:entityId as text) is null or entity_id = :entityId)
                  and (cast(:from as timestamptz) is null or at >= :from)
                  and (cast(:to as timestamptz) is null or at < :to)
                  and (cast(:before as bigint) is null or id < :before)
                  and (:all or region_code = any(string_to_array(:regions, ',')))
                order by id desc
                limit :limit
                """)
                .param("actor", blankToNull(f.actor())).param("action", blankToNull(f.action()))
                .param("type", blankToNull(f.entityType())).param("entityId", blankToNull(f.entityId()))
                .param("from", f.from() == null ? null : f.from().atStartOfDay(CITY_ZONE).toOffsetDateTime())
                .param("to", f.to() == null ? null : f.to().plusDays(1).atStartOfDay(CITY_ZONE).toOffsetDateTime())
                .param("before", f.beforeId())
                .param("all", scope.unrestricted()).param("regions", scope.regionList())
                .param("limit", limit)
                .query(AuditLog::map).list();
    }

    /** The whole history of one record, oldest first. The caller has already checked that it may see the record. */
    public List<AuditEntry> history(String entityType, Object entityId) {
        return jdbc.sql("select * from audit.entry where entity_type = :type and entity_id = :id order by id")
                .param("type", entityType).param("id", String.valueOf(entityId))
                .query(AuditLog::map).list();
    }

    /**
     * Re-computes every hash and link, oldest first, and compares the tail with the chain head; then compares
     * the chain, re-computed from its start, with the signed checkpoints. The current head is checkpointed first
     * when the entries since the last checkpoint chain to it.
     */
    public AuditVerification verify() {
        checkpoints.checkpoint();
        CheckpointComparison comparison = checkpoints.comparison();
        List<AuditVerification.Problem> problems = new ArrayList<>();
        long[] checked = {0};
        String[] previous = {"0".repeat(64)};
        String[] recomputed = {"0".repeat(64)};
        long[] lastId = {0};
        jdbc.sql("select * from audit.entry order by id").withFetchSize(2000).query((RowCallbackHandler) rs -> {
            AuditEntry e = map(rs, 0);
            checked[0]++;
            if (!e.prevHash().equals(previous[0])) {
                add(problems, e.id(), "link");
            }
            String hash = AuditTrail.hash(e);
            if (!hash.equals(e.hash())) {
                add(problems, e.id(), "hash");
            }
            // Once a link is broken, the stored previous hash is not the chain's: hash the fields on the re-computed one.
            recomputed[0] = e.prevHash().equals(recomputed[0]) ? hash : AuditTrail.hash(e.following(recomputed[0]));
            comparison.entry(e.id(), recomputed[0]);
            previous[0] = e.hash();
            lastId[0] = e.id();
        });
        var head = jdbc.sql("select last_id, last_hash from audit.chain_head")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).single();
        if ((long) head[0] != lastId[0] || !head[1].equals(previous[0])) {
            add(problems, (long) head[0], "head");
        }
        AuditVerification.Checkpoints anchored = comparison.finish();
        return new AuditVerification(problems.isEmpty() && comparison.agrees(), checked[0], List.copyOf(problems),
                anchored);
    }

    private static void add(List<AuditVerification.Problem> problems, long id, String kind) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(new AuditVerification.Problem(id, kind));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static AuditEntry map(ResultSet rs, int n) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"), rs.getString("actor_ip"), rs.getString("action"),
                rs.getString("entity_type"), rs.getString("entity_id"), rs.getString("region_code"),
                rs.getString("old_value"), rs.getString("new_value"), rs.getString("prev_hash"),
                rs.getString("hash"));
    }
}

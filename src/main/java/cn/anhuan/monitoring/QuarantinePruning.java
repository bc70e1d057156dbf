package cn.anhuan.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.anhuan.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the raw rejected frames and quarantined packets within bounds: deletes those older than the retention,
 * quarantined packets already released (they are in the packet log now), rows beyond the sample size of their
 * source address and reason (left from before sampling), and the oldest rows while all of them together exceed
 * the quota. The sampler is told after the commit, so the keys have room again. One pass at a time (advisory lock).
 */
@Service
public class QuarantinePruning {

    private static final String DELETED = "select k, source, reason, count(*), coalesce(sum(b), 0) from d group by 1, 2, 3";

    private final JdbcClient jdbc;
    private final RejectSampler sampler;
    private final ReceiverProperties.Sample limits;
    private final AuditTrail audit;
    private final Clock clock;

    QuarantinePruning(JdbcClient jdbc, RejectSampler sampler, ReceiverProperties properties, AuditTrail audit,
                      Clock clock) {
        this.jdbc = jdbc;
        this.sampler = sampler;
        this.limits = properties.sample();
        this.audit = audit;
        this.clock = clock;
    }

    /** Rows deleted by one pass, by cause. */
    public record Pruned(long expired, long overSample, long overQuota) {
    }

    /** One pass with the configured retention, sample sizes and quota. */
    @Transactional
    public Pruned prune() {
        return prune(limits.retention(), limits.quota().toBytes());
    }

    @Transactional
    Pruned prune(Duration retention, long quota) {
        jdbc.sql("select 1 from pg_advisory_xact_lock(212004)").query(Integer.class).single();
        List<Deleted> deleted = new ArrayList<>();
        OffsetDateTime cutoff = OffsetDateTime.ofInstant(clock.instant().minus(retention), ZoneOffset.UTC);
        long expired = delete(deleted, """
                with d as (delete from monitoring.reject where received_at < :cutoff
                           returning 'REJECT'::text k, source, reason, octet_length(raw) b)""", Map.of("cutoff", cutoff))
                + delete(deleted, """
                with d as (delete from monitoring.quarantine where received_at < :cutoff or released_at is not null
                           returning 'QUARANTINE'::text k, source, reason, octet_length(raw) b)""", Map.of("cutoff", cutoff));
        long overSample = delete(deleted, """
                with d as (delete from monitoring.reject r using (select id, row_number() over (
                               partition by source, reason order by id) n from monitoring.reject) x
                           where r.id = x.id and x.n > :cap returning 'REJECT'::text k, r.source, r.reason, octet_length(r.raw) b)""",
                Map.of("cap", limits.rejectsPerSource()))
                + delete(deleted, """
                with d as (delete from monitoring.quarantine q using (select id, row_number() over (
                               partition by source, reason order by id) n from monitoring.quarantine) x
                           where q.id = x.id and x.n > :cap
                           returning 'QUARANTINE'::text k, q.source, q.reason, octet_length(q.raw) b)""",
                Map.of("cap", limits.quarantinePerSource()));
        long overQuota = delete(deleted, """
                with t as (select 'REJECT'::text k, id, received_at, octet_length(raw) b from monitoring.reject
                           union all
                           select 'QUARANTINE'::text, id, received_at, octet_length(raw) from monitoring.quarantine),
                     c as (select k, id, sum(b) over (order by received_at desc, k, id desc) running from t),
                     dr as (delete from monitoring.reject r using c where c.k = 'REJECT' and c.running > :quota
                            and r.id = c.id returning 'REJECT'::text k, r.source, r.reason, octet_length(r.raw) b),
                     dq as (delete from monitoring.quarantine q using c where c.k = 'QUARANTINE' and c.running > :quota
                            and q.id = c.id returning 'QUARANTINE'::text k, q.source, q.reason, octet_length(q.raw) b),
                     d as (select * from dr union all select * from dq)""", Map.of("quota", quota));
        Pruned pruned = new Pruned(expired, overSample, overQuota);
        if (!deleted.isEmpty()) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("expired", expired);
            fields.put("overSample", overSample);
            fields.put("overQuota", overQuota);
            fields.put("retention", retention.toString());
            fields.put("quotaBytes", quota);
            audit.record("monitoring.sample.pruned", "receiver-sample", "rejects-and-quarantine", null, null, fields);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    deleted.forEach(d -> sampler.deleted(d.kind(), d.source(), d.reason(), d.rows(), d.bytes()));
                }
            });
        }
        return pruned;
    }

    private record Deleted(RejectSampler.Kind kind, String source, String reason, long rows, long bytes) {
    }

    private long delete(List<Deleted> into, String with, Map<String, ?> params) {
        List<Deleted> rows = jdbc.sql(with + "\n" + DELETED).params(params)
                .query((rs, n) -> new Deleted(RejectSampler.Kind.valueOf(rs.getString(1)), rs.getString(2),
                        rs.getString(3), rs.getLong(4), rs.getLong(5))).list();
        into.addAll(rows);
        return rows.stream().mapToLong(Deleted::rows).sum();
    }
}

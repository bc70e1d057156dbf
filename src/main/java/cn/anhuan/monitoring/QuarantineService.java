package cn.anhuan.monitoring;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import cn.anhuan.audit.AuditTrail;
import cn.anhuan.monitoring.hj212.FrameScanner;
import cn.anhuan.shared.BusinessRuleException;
import io.netty.buffer.Unpooled;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Packets kept out of the readings (unknown device, wrong password, disabled device, incomplete split packet)
 * and the frames the decoder rejected, for administrators (a sample per source address and reason, see
 * {@link RejectSampler}); after a device is registered its quarantined packets can be released into the readings.
 * Receiver counters since start, in all and per source address and reason.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'CITY_SUPERVISOR')")
public class QuarantineService {

    private final JdbcClient jdbc;
    private final Intake intake;
    private final DeviceRegistry registry;
    private final ReceiverStats stats;
    private final PacketWriter writer;
    private final AuditTrail audit;
    private final Clock clock;
    private final RejectSampler sampler;

    QuarantineService(JdbcClient jdbc, Intake intake, DeviceRegistry registry, ReceiverStats stats,
                      PacketWriter writer, AuditTrail audit, Clock clock, RejectSampler sampler) {
        this.sampler = sampler;
        this.jdbc = jdbc;
        this.intake = intake;
        this.registry = registry;
        this.stats = stats;
        this.writer = writer;
        this.audit = audit;
        this.clock = clock;
    }

    /** A quarantined packet or a rejected frame, with the text as received. */
    public record Kept(long id, Instant receivedAt, String mn, String reason, String detail, String remote,
                       String text) {
    }

    /** Quarantine by MN: how many packets, why, first and last time. */
    public record Summary(String mn, String reason, long packets, Instant first, Instant last) {
    }

    public List<Summary> summary() {
        return jdbc.sql("""
                select mn, reason, count(*), min(received_at), max(received_at) from monitoring.quarantine
                where released_at is null group by mn, reason order by max(received_at) desc limit 500""")
                .query((rs, n) -> new Summary(rs.getString(1), rs.getString(2), rs.getLong(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(),
                        rs.getObject(5, OffsetDateTime.class).toInstant())).list();
    }

    public List<Kept> quarantined(String mn, Long beforeId, int limit) {
        return jdbc.sql("""
                select id, received_at, mn, reason, null, remote, raw from monitoring.quarantine
                where released_at is null and (cast(:mn as text) is null or mn = :mn)
                  and (cast(:before as bigint) is null or id < :before)
                order by id desc limit :limit""").param("mn", mn).param("before", beforeId)
                .param("limit", Math.min(Math.max(limit, 1), 500)).query(QuarantineService::kept).list();
    }

    public List<Kept> rejects(Long beforeId, int limit) {
        return jdbc.sql("""
                select id, received_at, null, reason, detail, remote, raw from monitoring.reject
                where cast(:before as bigint) is null or id < :before
                order by id desc limit :limit""").param("before", beforeId)
                .param("limit", Math.min(Math.max(limit, 1), 500)).query(QuarantineService::kept).list();
    }

    public Map<String, Long> receiverCounters() {
        Map<String, Long> m = stats.snapshot();
        m.put("BACKLOG", (long) writer.backlog());
        m.put("KEPT_SAMPLE_BYTES", sampler.keptBytes());
        return m;
    }

    /**
     * Rejected frames and quarantined packets per source address and reason since start, the busiest first:
     * {@code frames} and {@code bytes} count every one, {@code kept} the rows sampled in the tables now.
     */
    public record SourceCount(String kind, String source, String reason, long frames, long bytes, long kept,
                              Instant lastAt) {
    }

    public List<SourceCount> sources(int limit) {
        return sampler.counts(Math.min(Math.max(limit, 1), 1000)).stream()
                .map(c -> new SourceCount(c.kind().name(), c.source(), c.reason(), c.frames(), c.bytes(), c.kept(),
                        c.lastAt())).toList();
    }

    /**
     * Sends the quarantined packets of a now registered device through the receiver again (they are stored once,
     * like any packet) and marks them released. Returns how many.
     */
    @Transactional
    public int release(String mn) throws InterruptedException {
        registry.invalidate(mn);
        if (registry.find(mn).isEmpty()) {
            throw new BusinessRuleException("mn", "monitoring.release.unknown", mn);
        }
        List<Object[]> rows = jdbc.sql("""
                update monitoring.quarantine set released_at = :now
                where mn = :mn and released_at is null returning id, raw""")
                .param("mn", mn).param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getBytes(2)}).list();
        for (Object[] r : rows) {
            var frame = FrameScanner.next(Unpooled.wrappedBuffer((byte[]) r[1]));
            if (frame != null) {
                intake.accept(frame, null, "quarantine#" + r[0]);
            }
        }
        audit.record("monitoring.quarantine.released", "device-mn", mn, null, null, Map.of("packets", rows.size()));
        return rows.size();
    }

    private static Kept kept(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Kept(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6),
                new String(rs.getBytes(7), StandardCharsets.UTF_8).replace("\0", "\\0").strip());
    }
}

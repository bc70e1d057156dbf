package cn.anhuan.monitoring;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Decides which rejected frames and quarantined packets are kept raw: every one is counted per source address and
 * reason, but only the first {@code rejects-per-source} (quarantine: {@code quarantine-per-source}) per key are
 * kept, and none once the kept frames reach the quota; {@link QuarantinePruning} frees room by retention. What is
 * kept is loaded from the tables at start, so a restart does not reopen every key. Distinct keys are bounded too:
 * beyond {@link #MAX_KEYS} new sources are counted under {@link #OTHER}, never kept.
 */
@Component
class RejectSampler implements SmartLifecycle {

    static final int MAX_KEYS = 20_000;
    static final String OTHER = "*";

    /** Rejected frames (decoder, registry) or quarantined packets: two tables, two sample sizes. */
    enum Kind { REJECT, QUARANTINE }

    record Key(Kind kind, String source, String reason) {
    }

    /** Counts of one key: every frame since start; kept = rows in the table now. */
    static final class Tally {
        final LongAdder frames = new LongAdder();
        final LongAdder bytes = new LongAdder();
        final AtomicLong kept = new AtomicLong();
        volatile long lastAt;
    }

    /** What the page and API show per source address and reason. */
    record SourceCount(Kind kind, String source, String reason, long frames, long bytes, long kept, Instant lastAt) {
    }

    private final JdbcClient jdbc;
    private final ReceiverProperties.Sample limits;
    private final Map<Key, Tally> tallies = new ConcurrentHashMap<>();
    private final AtomicLong keptBytes = new AtomicLong();
    private volatile boolean loaded;

    RejectSampler(JdbcClient jdbc, ReceiverProperties properties) {
        this.jdbc = jdbc;
        this.limits = properties.sample();
    }

    /** Counts a frame; true if its raw bytes are to be kept (the caller stores it, the counts already include it). */
    boolean keep(Kind kind, String source, String reason, int bytes, long now) {
        Tally t = tally(new Key(kind, source == null ? "" : source, reason));
        t.frames.increment();
        t.bytes.add(bytes);
        t.lastAt = now;
        long cap = kind == Kind.REJECT ? limits.rejectsPerSource() : limits.quarantinePerSource();
        if (t == tallies.get(new Key(kind, OTHER, reason)) || t.kept.get() >= cap
                || keptBytes.get() + bytes > limits.quota().toBytes()) {
            return false;
        }
        t.kept.incrementAndGet();
        keptBytes.addAndGet(bytes);
        return true;
    }

    private Tally tally(Key key) {
        Tally t = tallies.get(key);
        if (t != null) {
            return t;
        }
        if (tallies.size() >= MAX_KEYS) {
            return tallies.computeIfAbsent(new Key(key.kind(), OTHER, key.reason()), k -> new Tally());
        }
        return tallies.computeIfAbsent(key, k -> new Tally());
    }

    /** Rows deleted from the tables (by pruning): their keys have room again. */
    void deleted(Kind kind, String source, String reason, long rows, long bytes) {
        Tally t = tallies.get(new Key(kind, source == null ? "" : source, reason));
        if (t != null) {
            t.kept.updateAndGet(k -> Math.max(0, k - rows));
        }
        keptBytes.updateAndGet(b -> Math.max(0, b - bytes));
    }

    long keptBytes() {
        return keptBytes.get();
    }

    /** The busiest keys first. */
    List<SourceCount> counts(int limit) {
        return tallies.entrySet().stream()
                .map(e -> new SourceCount(e.getKey().kind(), e.getKey().source(), e.getKey().reason(),
                        e.getValue().frames.sum(), e.getValue().bytes.sum(), e.getValue().kept.get(),
                        e.getValue().lastAt == 0 ? null : Instant.ofEpochMilli(e.getValue().lastAt)))
                .sorted(Comparator.comparingLong(SourceCount::frames).reversed()
                        .thenComparing(SourceCount::source).thenComparing(SourceCount::reason))
                .limit(limit).toList();
    }

    /** Loads what the tables keep (before the receiver starts). */
    @Override
    public void start() {
        tallies.values().forEach(t -> t.kept.set(0));
        keptBytes.set(0);
        if (jdbc != null) {
            jdbc.sql("""
                    select 'REJECT', source, reason, count(*), coalesce(sum(octet_length(raw)), 0)
                    from monitoring.reject group by source, reason
                    union all
                    select 'QUARANTINE', source, reason, count(*), coalesce(sum(octet_length(raw)), 0)
                    from monitoring.quarantine group by source, reason""").query(rs -> {
                Tally t = tally(new Key(Kind.valueOf(rs.getString(1)), rs.getString(2) == null ? "" : rs.getString(2),
                        rs.getString(3)));
                t.kept.addAndGet(rs.getLong(4));
                keptBytes.addAndGet(rs.getLong(5));
            });
        }
        loaded = true;
    }

    @Override
    public void stop() {
        loaded = false;
    }

    @Override
    public boolean isRunning() {
        return loaded;
    }

    /** Before the writer and the receiver. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 200;
    }
}

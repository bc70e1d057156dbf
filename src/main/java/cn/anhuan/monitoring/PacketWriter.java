package cn.anhuan.monitoring;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import cn.anhuan.monitoring.hj212.Packet;
import cn.anhuan.monitoring.hj212.Reading;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The writer threads ({@code monitoring.hj212.writers}, so PostgreSQL works on two batches at once) that store
 * what the receiver accepted: batches of up to {@code batchSize} packets in one
 * transaction (binary COPY into the packet log and the readings; quarantine and rejects beside them; device
 * last-seen), and only after the commit sends the acknowledgements. A resent packet or reading hits the primary
 * key: the batch then goes again through staging tables with {@code on conflict do nothing}, so each value is
 * stored once. A lost connection rolls the batch back and it is retried, unacknowledged, until it commits.
 */
@Component
class PacketWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PacketWriter.class);
    static final Set<String> DATA_CNS = Set.of("2011", "2051", "2061", "2031");

    private final DataSource dataSource;
    private final Partitions partitions;
    private final ReceiverStats stats;
    private final AlarmEngine alarms;
    private final StationFeed stationFeed;
    private final MonitoringProperties properties;
    /** One queue per writer; a device's packets always go to the same one (see {@link #submit}). */
    private final List<BlockingQueue<Inbound>> queues = new ArrayList<>();
    private volatile boolean running;
    private final List<Thread> threads = new ArrayList<>();
    private final Object lastSeenLock = new Object();
    private Runnable periodic = () -> { };

    PacketWriter(DataSource dataSource, Partitions partitions, ReceiverStats stats, AlarmEngine alarms,
                 StationFeed stationFeed, MonitoringProperties properties) {
        this.dataSource = dataSource;
        this.partitions = partitions;
        this.stats = stats;
        this.alarms = alarms;
        this.stationFeed = stationFeed;
        this.properties = properties;
        int writers = Math.max(1, properties.hj212().writers());
        for (int i = 0; i < writers; i++) {
            queues.add(new ArrayBlockingQueue<>(Math.max(1, properties.hj212().queueCapacity() / writers)));
        }
    }

    /**
     * Queues an item for the writer of its device (quarantined packets by MN, rejected frames by sender), so one
     * device's packets are stored in the order received and two writers never hold the same resent packet in
     * concurrent batches (which deadlocked on the packet log's unique index and cost a retry); blocks, pausing
     * the caller's reads, while that writer is behind.
     */
    void submit(Inbound item) throws InterruptedException {
        Object key = item instanceof Inbound.Accepted a ? (Object) a.device().id()
                : item instanceof Inbound.Quarantined q ? q.mn() : ((Inbound.Rejected) item).remote();
        queues.get(Math.floorMod(java.util.Objects.hashCode(key), queues.size())).put(item);
    }

    int backlog() {
        return queues.stream().mapToInt(BlockingQueue::size).sum();
    }

    void periodic(Runnable task) {
        this.periodic = task;
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < queues.size(); i++) {
            boolean first = i == 0;
            BlockingQueue<Inbound> queue = queues.get(i);
            Thread t = new Thread(() -> loop(queue, first), "hj212-writer-" + i);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
    }

    @Override
    public void stop() {
        running = false;
        for (Thread t : threads) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the receiver (which has a higher phase) so queued packets are still stored. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 100;
    }

    private void loop(BlockingQueue<Inbound> queue, boolean runsPeriodicTasks) {
        List<Inbound> batch = new ArrayList<>();
        long lastPeriodic = System.currentTimeMillis();
        while (running || !queue.isEmpty()) {
            try {
                Inbound first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (runsPeriodicTasks && System.currentTimeMillis() - lastPeriodic > 1000) {
                    lastPeriodic = System.currentTimeMillis();
                    periodic.run();
                }
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, properties.hj212().batchSize() - 1);
                StoredBatch stored = storeWithRetry(batch);
                if (stored != null) {
                    acknowledge(batch);
                    after(stored);
                }
                batch.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("HJ 212 writer: unexpected error, batch of {} dropped", batch.size(), e);
                batch.clear();
            }
        }
    }

    private StoredBatch storeWithRetry(List<Inbound> batch) throws InterruptedException {
        long backoff = 200;
        for (int attempt = 1; ; attempt++) {
            try {
                return store(batch);
            } catch (SQLException | RuntimeException e) {
                stats.storeFailures.increment();
                boolean transientError = isTransient(e);
                if (!transientError && attempt >= 3) {
                    log.error("HJ 212 writer: batch of {} failed {} times ({}); kept as rejects, not acknowledged",
                            batch.size(), attempt, e.getMessage());
                    keepAsRejects(batch, e.getMessage());
                    return null;
                }
                log.warn("HJ 212 writer: batch of {} not stored ({}); retrying in {} ms, nothing acknowledged",
                        batch.size(), e.getMessage(), backoff);
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, 5_000);
                if (!running && attempt > 20) {
                    log.error("HJ 212 writer: giving up on {} packets at shutdown; they were not acknowledged",
                            batch.size());
                    return null;
                }
            }
        }
    }

    StoredBatch store(List<Inbound> batch) throws SQLException {
        PgBinary packets = new PgBinary();
        PgBinary readings = new PgBinary();
        PgBinary quarantine = new PgBinary();
        PgBinary rejects = new PgBinary();
        StoredBatch stored = new StoredBatch();
        Set<LocalDate> packetMonths = new HashSet<>();
        Set<LocalDate> readingMonths = new HashSet<>();
        Set<PacketKey> keys = new HashSet<>();
        long skew = properties.hj212().maxClockSkew().toMillis();
        for (Inbound item : batch) {
            if (item instanceof Inbound.Accepted a) {
                {
                    long deviceId = a.device().id();
                    stored.seen.merge(deviceId, a.receivedAt(), Math::max);
                    boolean fresh = false;
                    for (Packet p : a.parts()) {
                        long time = p.dataTime() == Packet.NO_TIME ? a.receivedAt() : p.dataTime();
                        long digest = digest(p.raw());
                        if (!keys.add(new PacketKey(deviceId, time, digest))) {
                            stats.duplicatePackets.increment();
                            continue;
                        }
                        fresh = true;
                        packetMonths.add(Partitions.month(time));
                        packets.row(10).int8(deviceId).timestamp(time).int8(digest).timestamp(a.receivedAt())
                                .cleanText(p.cn()).cleanText(p.qn());
                        if (p.flag() < 0) {
                            packets.nul();
                        } else {
                            packets.int2(p.flag());
                        }
                        packets.int2(p.version()).bool(p.dataTime() != Packet.NO_TIME
                                && Math.abs(p.dataTime() - a.receivedAt()) > skew).bytes(p.raw());
                    }
                    Packet d = a.data();
                    if (!fresh || !DATA_CNS.contains(d.cn()) || d.dataTime() == Packet.NO_TIME) {
                        continue;
                    }
                    short cn = Short.parseShort(d.cn());
                    readingMonths.add(Partitions.month(d.dataTime()));
                    if (a.device().stationId() != null) {
                        stored.station.add(new StoredBatch.StationPacket(a.device().stationId(), d));
                    }
                    List<DeviceRegistry.Limit> limits = alarms.limits(deviceId);
                    for (Reading r : d.readings()) {
                        readings.row(17).int8(deviceId).text(r.code()).int2(cn).timestamp(d.dataTime());
                        for (int k = 0; k < Reading.VALUES; k++) {
                            readings.float8(r.value(k));
                        }
                        if (r.flag() == 0) {
                            readings.nul();
                        } else {
                            readings.text(String.valueOf(r.flag()));
                        }
                        readings.text(r.legacyCode()).timestamp(a.receivedAt());
                        if (properties.alarm().abnormal(r.flag())) {
                            stored.abnormal.add(new StoredBatch.AbnormalValue(deviceId, r.code(), r.flag(),
                                    d.dataTime(), r.main()));
                        }
                        for (DeviceRegistry.Limit l : limits) {
                            if (l.cn() == cn && l.pollutant().equals(r.code())) {
                                double raw = Double.isNaN(r.value(Reading.RTD)) ? r.value(Reading.AVG) : r.value(Reading.RTD);
                                double v = l.converted() && !Double.isNaN(r.converted()) ? r.converted() : raw;
                                stored.limited.add(new StoredBatch.LimitTouch(l, d.dataTime(), v, r.flag()));
                            }
                        }
                    }
                }
            } else if (item instanceof Inbound.Quarantined q) {
                quarantine.row(6).timestamp(q.receivedAt()).cleanText(q.mn()).text(q.reason()).text(q.remote())
                        .text(q.source()).bytes(q.raw());
            } else if (item instanceof Inbound.Rejected r) {
                rejects.row(6).timestamp(r.receivedAt()).text(r.reason()).cleanText(r.detail()).text(r.remote())
                        .text(r.source()).bytes(r.raw());
            }
        }
        packetMonths.forEach(m -> partitions.ensure("packet", m));
        readingMonths.forEach(m -> partitions.ensure("reading", m));
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                CopyTarget copy = new CopyTarget(c);
                long inserted;
                Savepoint sp = c.setSavepoint();
                try {
                    copy.copy("monitoring.packet", packets);
                    inserted = copy.copy("monitoring.reading", readings);
                    c.releaseSavepoint(sp);
                } catch (SQLException e) {
                    if (!"23505".equals(e.getSQLState())) {
                        throw e;
                    }
                    c.rollback(sp);
                    long packetRows = copy.merge("monitoring.packet", "packet_in", packets);
                    stats.duplicatePackets.add(packets.rows() - packetRows);
                    inserted = copy.merge("monitoring.reading", "reading_in", readings);
                    stats.duplicateReadings.add(readings.rows() - inserted);
                }
                copy.copy("monitoring.quarantine (received_at, mn, reason, remote, source, raw)", quarantine);
                copy.copy("monitoring.reject (received_at, reason, detail, remote, source, raw)", rejects);
                c.commit();
                stats.readings.add(inserted);
                stats.committed.add(batch.size());
                lastSeen(c, stored);
                return stored;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException ignored) {
                    // the connection is gone; the batch is retried on a new one
                }
                throw e;
            }
        }
    }

    /** Connection lost, server shutting down, serialization or resource trouble: worth retrying as is. */
    private static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                String state = s.getSQLState();
                return state == null || state.startsWith("08") || state.startsWith("57") || state.startsWith("40")
                        || state.startsWith("53");
            }
        }
        return e instanceof org.springframework.dao.TransientDataAccessException
                || e instanceof org.springframework.dao.DataAccessResourceFailureException;
    }

    /**
     * Devices' last-seen times, after the batch's commit and outside it: advisory (the offline rule reads it), so
     * it is written without waiting for the flush, and one writer at a time, so concurrent writers never lock the
     * same device rows in opposite orders.
     */
    private void lastSeen(Connection c, StoredBatch stored) throws SQLException {
        if (stored.seen.isEmpty()) {
            return;
        }
        Long[] ids = stored.seen.keySet().stream().sorted().toArray(Long[]::new);
        java.sql.Timestamp[] times = new java.sql.Timestamp[ids.length];
        for (int i = 0; i < ids.length; i++) {
            times[i] = new java.sql.Timestamp(stored.seen.get(ids[i]));
        }
        synchronized (lastSeenLock) {
            try (Statement s = c.createStatement()) {
                s.execute("set local synchronous_commit = off");
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    update monitoring.device d set last_seen = greatest(d.last_seen, v.t)
                    from unnest(?::bigint[], ?::timestamptz[]) as v(id, t) where d.id = v.id""")) {
                ps.setArray(1, c.createArrayOf("bigint", ids));
                ps.setArray(2, c.createArrayOf("timestamptz", times));
                ps.executeUpdate();
            }
            c.commit();
        }
    }

    private void acknowledge(List<Inbound> batch) {
        for (Inbound item : batch) {
            if (item instanceof Inbound.Accepted a && a.channel() != null) {
                for (Packet p : a.parts()) {
                    byte[] reply = p.acknowledgementRequested() ? Replies.dataResponse(p)
                            : "1013".equals(p.cn()) ? Replies.notificationResponse(p) : null;
                    if (reply != null) {
                        send(a.channel(), reply);
                    }
                }
            }
        }
        for (Inbound item : batch) {
            if (item instanceof Inbound.Accepted a && a.channel() != null) {
                a.channel().flush();
            }
        }
    }

    private void send(Channel channel, byte[] reply) {
        if (channel.isActive()) {
            channel.write(Unpooled.wrappedBuffer(reply));
            stats.acks.increment();
        }
    }

    private void after(StoredBatch stored) {
        try {
            alarms.afterCommit(stored);
        } catch (RuntimeException e) {
            log.error("HJ 212 writer: alarm evaluation failed", e);
        }
        try {
            stationFeed.afterCommit(stored);
        } catch (RuntimeException e) {
            log.error("HJ 212 writer: station feed failed", e);
        }
    }

    private void keepAsRejects(List<Inbound> batch, String reason) {
        List<Inbound> rejects = new ArrayList<>();
        for (Inbound item : batch) {
            if (item instanceof Inbound.Accepted a) {
                for (Packet p : a.parts()) {
                    rejects.add(new Inbound.Rejected("STORE_FAILED", reason, null, null, p.raw(), a.receivedAt()));
                }
            } else {
                rejects.add(item);
            }
        }
        try {
            store(rejects);
        } catch (SQLException e) {
            log.error("HJ 212 writer: could not keep {} failed packets either", rejects.size(), e);
        }
    }

    /** FNV-1a 64 over the packet's bytes: with device and time, the identity of a resent packet. */
    static long digest(byte[] raw) {
        long h = 0xcbf29ce484222325L;
        for (byte b : raw) {
            h ^= b & 0xFF;
            h *= 0x100000001b3L;
        }
        return h;
    }

    private record PacketKey(long device, long time, long digest) {
    }

    /** COPY into a table directly, or through a staging table with {@code on conflict do nothing}. */
    static final class CopyTarget {

        private final Connection c;
        private final PGConnection pg;

        CopyTarget(Connection c) throws SQLException {
            this.c = c;
            this.pg = c.unwrap(PGConnection.class);
        }

        long copy(String table, PgBinary rows) throws SQLException {
            if (rows.rows() == 0) {
                return 0;
            }
            byte[] data = rows.finish();
            CopyIn in = pg.getCopyAPI().copyIn("copy " + table + " from stdin (format binary)");
            try {
                in.writeToCopy(data, 0, data.length);
                return in.endCopy();
            } finally {
                if (in.isActive()) {
                    in.cancelCopy();
                }
            }
        }

        long merge(String table, String staging, PgBinary rows) throws SQLException {
            if (rows.rows() == 0) {
                return 0;
            }
            try (Statement s = c.createStatement()) {
                s.execute("create temp table if not exists " + staging + " (like " + table + ") on commit delete rows");
                s.execute("truncate " + staging);
            }
            copy(staging, rows);
            try (Statement s = c.createStatement()) {
                return s.executeUpdate("insert into " + table + " select * from " + staging + " on conflict do nothing");
            }
        }
    }
}

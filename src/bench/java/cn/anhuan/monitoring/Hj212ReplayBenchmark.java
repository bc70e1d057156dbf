package cn.anhuan.monitoring;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import javax.sql.DataSource;

import cn.anhuan.BenchApp;
import cn.anhuan.monitoring.hj212.FactorCodes;
import cn.anhuan.monitoring.hj212.Frame;
import cn.anhuan.monitoring.hj212.FrameScanner;
import cn.anhuan.monitoring.hj212.Packet;
import cn.anhuan.monitoring.hj212.PacketParser;
import cn.anhuan.monitoring.hj212.Reading;
import cn.anhuan.monitoring.replay.Hj212Replay;
import io.netty.buffer.Unpooled;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole shared corpus (190,463 lines) replayed over 50 concurrent TCP connections into the platform with the
 * demo devices (durable embedded PostgreSQL, fresh data directory), as fast as the receiver takes it; then checked:
 * every distinct valid packet in the packet log once, every distinct reading once, every bad frame rejected and
 * counted. Baseline in the same run: the same reading rows COPYed (binary) into the same, emptied table with the
 * same indexes.
 */
public final class Hj212ReplayBenchmark {

    public static void main(String[] args) throws Exception {
        String configured = System.getenv("ANHUAN_HJ212_CORPUS");
        Path dir = configured != null ? Path.of(configured) : Path.of("../shared/data/hj212-field-2016");
        List<byte[]> lines = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".h212")).sorted().toList()) {
                lines.addAll(Hj212Replay.lines(Files.readAllBytes(f)));
            }
        }
        try (ConfigurableApplicationContext context = BenchApp.start(Map.of("monitoring.hj212.batch-size",
                args.length > 0 ? args[0] : "2000"))) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            Map<String, Long> devices = new HashMap<>();
            jdbc.sql("select mn, id from monitoring.device").query((java.sql.ResultSet rs) -> {
                devices.put(rs.getString(1), rs.getLong(2));
            });
            Expected expected = expected(lines, devices);
            ReceiverStats stats = context.getBean(ReceiverStats.class);
            int port = context.getBean(Hj212Server.class).port();

            // warm-up rounds (argument 2, default 1) warm the JIT (a running platform is warm); their data is
            // removed after each, and the next round is measured
            int warmUps = args.length > 1 ? Integer.parseInt(args[1]) : 1;
            for (int w = 0; w < warmUps; w++) {
                long[] warm = round(context, stats, port, lines);
                System.out.printf("warm-up round %d: %d frames committed in %.1f s%n", w + 1, warm[0], warm[1] / 1e9);
                jdbc.sql("truncate monitoring.reading, monitoring.packet, monitoring.reject, monitoring.quarantine")
                        .update();
            }
            long before = stats.committed.sum();
            long t0 = System.nanoTime();
            long[] measured = round(context, stats, port, lines);
            long sent = t0 + measured[2];
            long t1 = t0 + measured[1];
            long last = measured[0] - before;
            System.out.printf("frames committed: %d (the corpus cut in one piece gives %d)%n", last, expected.frames);
            double seconds = (t1 - t0) / 1e9;
            long readings = jdbc.sql("select count(*) from monitoring.reading").query(Long.class).single();
            long packets = jdbc.sql("select count(*) from monitoring.packet where packet_time <> received_at")
                    .query(Long.class).single();
            long rejects = jdbc.sql("select count(*) from monitoring.reject").query(Long.class).single();
            long quarantined = jdbc.sql("select count(*) from monitoring.quarantine").query(Long.class).single();
            System.out.printf("replay: %d lines over 50 connections, sent in %.1f s, all committed in %.1f s%n",
                    lines.size(), (sent - t0) / 1e9, seconds);
            System.out.printf("stored: %d readings (expected %d), %d packets with DataTime (expected %d distinct), %d rejects "
                    + "(expected %d), %d quarantined (expected %d)%n", readings, expected.readings.size(), packets,
                    expected.packets, rejects, expected.rejects, quarantined, expected.quarantined);
            System.out.printf("receiver: %.0f readings/s, %.0f packets/s; counters %s%n", readings / seconds,
                    (packets + rejects + quarantined) / seconds, stats.snapshot());
            if (readings != expected.readings.size() || packets != expected.packets || rejects != expected.rejects) {
                throw new IllegalStateException("stored counts differ from the corpus");
            }

            PgBinary rows = new PgBinary();
            long now = System.currentTimeMillis();
            for (Object[] r : expected.readings.values()) {
                Reading reading = (Reading) r[0];
                rows.row(17).int8((Long) r[1]).text(reading.code()).int2((Short) r[2]).timestamp((Long) r[3]);
                for (int k = 0; k < Reading.VALUES; k++) {
                    rows.float8(reading.value(k));
                }
                if (reading.flag() == 0) {
                    rows.nul();
                } else {
                    rows.text(String.valueOf(reading.flag()));
                }
                rows.text(reading.legacyCode()).timestamp(now);
            }
            jdbc.sql("truncate monitoring.reading").update();
            DataSource ds = context.getBean(DataSource.class);
            long c0 = System.nanoTime();
            try (Connection c = ds.getConnection()) {
                c.setAutoCommit(false);
                long copied = new PacketWriter.CopyTarget(c).copy("monitoring.reading", rows);
                c.commit();
                double copySeconds = (System.nanoTime() - c0) / 1e9;
                System.out.printf("baseline: COPY (binary, one transaction) of the same %d rows into the same table "
                        + "and indexes: %.1f s, %.0f rows/s; receiver at %.0f %% of it%n", copied, copySeconds,
                        copied / copySeconds, 100.0 * (readings / seconds) / (copied / copySeconds));
            }
        }
    }

    /**
     * Replays the corpus and waits until everything is committed and nothing more arrives for two seconds.
     * Returns the committed counter, nanoseconds to the last commit and nanoseconds to the last byte sent.
     */
    static long[] round(ConfigurableApplicationContext context, ReceiverStats stats, int port, List<byte[]> lines)
            throws Exception {
        long t0 = System.nanoTime();
        Hj212Replay.replay("127.0.0.1", port, 50, 0, false, lines);
        long sent = System.nanoTime() - t0;
        long last = -1;
        long t1 = System.nanoTime();
        while (true) {
            long now = stats.committed.sum();
            if (now != last) {
                last = now;
                t1 = System.nanoTime();
            } else if (System.nanoTime() - t1 > 2_000_000_000L && context.getBean(PacketWriter.class).backlog() == 0) {
                return new long[] {last, t1 - t0, sent};
            }
            Thread.sleep(2);
        }
    }

    /** What the corpus must leave in the database, computed with the same decoder in memory. */
    record Expected(long frames, long packets, long rejects, long quarantined, Map<String, Object[]> readings) {
    }

    static Expected expected(List<byte[]> lines, Map<String, Long> devices) throws Exception {
        PacketParser parser = new PacketParser(FactorCodes.standard());
        byte[] all = concat(lines);
        var in = Unpooled.wrappedBuffer(all);
        long frames = 0;
        long rejects = 0;
        long quarantined = 0;
        Set<String> packetKeys = new HashSet<>();
        Map<String, Object[]> readings = new java.util.LinkedHashMap<>();
        Frame f;
        while ((f = FrameScanner.next(in)) != null || (f = FrameScanner.rest(in)) != null) {
            frames++;
            if (f.kind() != Frame.Kind.VALID) {
                rejects++;
                continue;
            }
            Packet p = parser.parse(f.bytes());
            Long device = devices.get(p.mn());
            if (device == null) {
                quarantined++;
                continue;
            }
            if (p.dataTime() == Packet.NO_TIME) {
                continue;
            }
            if (!packetKeys.add(device + "|" + p.dataTime() + "|" + PacketWriter.digest(f.bytes()))) {
                continue;
            }
            if (PacketWriter.DATA_CNS.contains(p.cn())) {
                short cn = Short.parseShort(p.cn());
                for (Reading r : p.readings()) {
                    readings.putIfAbsent(device + "|" + r.code() + "|" + cn + "|" + p.dataTime(),
                            new Object[] {r, device, cn, p.dataTime()});
                }
            }
        }
        return new Expected(frames, packetKeys.size(), rejects, quarantined, readings);
    }

    private static byte[] concat(List<byte[]> lines) {
        int n = 0;
        for (byte[] l : lines) {
            n += l.length;
        }
        byte[] all = new byte[n];
        int pos = 0;
        for (byte[] l : lines) {
            System.arraycopy(l, 0, all, pos, l.length);
            pos += l.length;
        }
        return all;
    }
}

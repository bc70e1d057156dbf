package cn.anhuan.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import cn.anhuan.monitoring.hj212.FactorCodes;
import cn.anhuan.monitoring.hj212.Frame;
import cn.anhuan.monitoring.hj212.FrameScanner;
import cn.anhuan.monitoring.hj212.Packet;
import cn.anhuan.monitoring.hj212.PacketParser;
import cn.anhuan.monitoring.hj212.Reading;
import cn.anhuan.monitoring.replay.Hj212Replay;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

/**
 * The platform as a separate JVM with a durable embedded PostgreSQL, killed with SIGKILL in the middle of a replay
 * of real corpus packets (re-framed to ask for acknowledgements); restarted on the same data; the devices resend
 * everything they did not see acknowledged. Every value must then be stored exactly once.
 */
class KillNineTests {

    static final int CONNECTIONS = 8;

    @Test
    void everyValueIsStoredExactlyOnceAfterKill9AndResend() throws Exception {
        Path file = Corpus.files().get(1);
        Set<String> known = new HashSet<>();
        try (var r = new java.io.BufferedReader(new java.io.InputStreamReader(
                KillNineTests.class.getResourceAsStream("/demo/linfen/monitoring-devices.csv")))) {
            r.lines().filter(l -> !l.startsWith("#") && !l.startsWith("mn,")).forEach(l -> known.add(l.split(",")[0]));
        }
        List<byte[]> packets = new ArrayList<>();
        for (byte[] line : Hj212Replay.lines(Corpus.read(file))) {
            byte[] framed = Hj212Replay.reframe(line);
            String mn = Hj212Replay.mn(line);
            if (Hj212Replay.expectsAck(framed) && mn != null && known.contains(mn)
                    && (contains(line, "CN=2011;") || contains(line, "CN=2051;") || contains(line, "CN=2061;"))) {
                packets.add(framed);
            }
        }
        assertThat(packets).hasSizeGreaterThan(3000);
        int hj212 = freePort();
        int pg = freePort();
        Path data = Path.of("target/kill9-pg");
        Process app = start(data, hj212, pg, true);
        Map<Integer, Boolean> acked = new ConcurrentHashMap<>();
        try {
            awaitPort(hj212, app);
            AtomicInteger acks = new AtomicInteger();
            Thread devices = new Thread(() -> send(hj212, packets, i -> {
                acked.put(i, true);
                acks.incrementAndGet();
            }));
            devices.start();
            while (acks.get() < packets.size() / 3 && devices.isAlive()) {
                Thread.sleep(5);
            }
            app.destroyForcibly().waitFor();
            devices.join();
            assertThat(acked).as("killed mid-replay").hasSizeLessThan(packets.size());
            app = start(data, hj212, pg, false);
            awaitPort(hj212, app);
            List<Integer> missing = new ArrayList<>();
            for (int i = 0; i < packets.size(); i++) {
                if (!acked.containsKey(i)) {
                    missing.add(i);
                }
            }
            Map<Integer, Boolean> second = new ConcurrentHashMap<>();
            List<byte[]> resend = missing.stream().map(packets::get).toList();
            send(hj212, resend, i -> second.put(i, true));
            assertThat(second).as("every resent packet acknowledged").hasSize(resend.size());

            Expected e = expected(packets);
            // The embedded database admits only its password, generated beside the data directory.
            String password = Files.readString(Path.of("target/kill9-pg-password")).strip();
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + pg + "/postgres", "postgres",
                    password)) {
                Map<String, Long> ids = new HashMap<>();
                try (ResultSet rs = c.createStatement().executeQuery("select mn, id from monitoring.device")) {
                    while (rs.next()) {
                        ids.put(rs.getString(1), rs.getLong(2));
                    }
                }
                Set<String> stored = new HashSet<>();
                long rows = 0;
                try (ResultSet rs = c.createStatement().executeQuery("""
                        select d.mn, r.pollutant, r.cn, (extract(epoch from r.data_time) * 1000)::bigint
                        from monitoring.reading r join monitoring.device d on d.id = r.device_id""")) {
                    while (rs.next()) {
                        rows++;
                        stored.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getInt(3) + "|" + rs.getLong(4));
                    }
                }
                assertThat(rows).as("no reading stored twice").isEqualTo(stored.size());
                assertThat(stored).as("every reading stored").isEqualTo(e.readings);
                try (ResultSet rs = c.createStatement().executeQuery("select count(*) from monitoring.packet")) {
                    rs.next();
                    assertThat(rs.getLong(1)).as("every packet logged once").isEqualTo(e.packets);
                }
            }
        } finally {
            app.destroy();
            app.waitFor();
        }
    }

    /** The devices: each MN's packets in order on its connection, a packet counting only when its 9014 came back. */
    private static void send(int port, List<byte[]> packets, java.util.function.IntConsumer acknowledged) {
        try {
            Hj212Replay.replay("127.0.0.1", port, CONNECTIONS, 0, true, packets, acknowledged);
        } catch (Exception e) {
            // the platform died: what was not acknowledged is resent later
        }
    }

    record Expected(Set<String> readings, long packets) {
    }

    private static Expected expected(List<byte[]> packets) throws Exception {
        PacketParser parser = new PacketParser(FactorCodes.standard());
        Set<String> readings = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (byte[] b : packets) {
            Frame f = FrameScanner.next(Unpooled.wrappedBuffer(b));
            Packet p = parser.parse(f.bytes());
            if (p.dataTime() == Packet.NO_TIME || !keys.add(p.mn() + "|" + p.dataTime() + "|" + PacketWriter.digest(b))) {
                continue;
            }
            for (Reading r : p.readings()) {
                readings.add(p.mn() + "|" + r.code() + "|" + p.cn() + "|" + p.dataTime());
            }
        }
        return new Expected(readings, keys.size());
    }

    private static Process start(Path data, int hj212, int pg, boolean reset) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                "-Danhuan.database.embedded.data-dir=" + data.toAbsolutePath(),
                "-Danhuan.database.embedded.reset=" + reset, "-Danhuan.database.embedded.durable=true",
                "-Danhuan.database.embedded.port=" + pg, "-Dmonitoring.hj212.port=" + hj212, "-Dserver.port=0",
                "-DANHUAN_DEMO_PASSWORD=Kill-pass-2026", "-Dlogging.file.name=target/kill9.log",
                "-Dlogging.level.root=WARN", "-Danhuan.files.dir=target/kill9-files", "cn.anhuan.AnhuanApplication"));
        return new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(new File("target/kill9-console.log"))).start();
    }

    private static void awaitPort(int port, Process app) throws Exception {
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline) {
            if (!app.isAlive()) {
                throw new IllegalStateException("the platform exited; see target/kill9-console.log");
            }
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("the platform did not open port " + port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static boolean contains(byte[] line, String s) {
        return new String(line, java.nio.charset.StandardCharsets.ISO_8859_1).contains(s);
    }
}

package cn.anhuan.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import cn.anhuan.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The receiver over real TCP against the embedded PostgreSQL: acks after commit, exactly once, quarantine, alarms. */
@IntegrationTest
class ReceiverTests {

    static final String ENTERPRISE = "911410023123456732";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Hj212Server server;
    @Autowired
    AlarmEngine engine;
    @Autowired
    ReceiverStats stats;
    @Autowired
    Partitions partitions;

    static RequestPostProcessor as(String user) {
        return httpBasic(user, IntegrationTest.PASSWORD);
    }

    long register(String mn, String st, String limitsJson) throws Exception {
        String body = mvc.perform(post("/api/v1/monitoring/devices").with(as("admin"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"mn":"%s","password":"654321","systemType":"%s","name":"测试排口 %s",
                                 "creditCode":"%s","outletCode":"DA009","expectedIntervalSeconds":60}"""
                                .formatted(mn, st, mn, ENTERPRISE)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        if (limitsJson != null) {
            mvc.perform(put("/api/v1/monitoring/devices/" + id + "/limits").with(as("admin"))
                    .contentType(MediaType.APPLICATION_JSON).content(limitsJson)).andExpect(status().isOk());
        }
        return id;
    }

    static String hourly(String mn, String qn, String time, String so2) {
        return "QN=" + qn + ";ST=31;CN=2061;PW=654321;MN=" + mn + ";Flag=5;CP=&&DataTime=" + time
                + ";a21026-Avg=" + so2 + ",a21026-ZsAvg=" + so2 + ",a21026-Flag=N;a00000-Avg=12.5,a00000-Flag=N&&";
    }

    long readings(long device) {
        return jdbc.sql("select count(*) from monitoring.reading where device_id = :d").param("d", device)
                .query(Long.class).single();
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("condition not met in 15 s");
            }
            Thread.sleep(20);
        }
    }

    @Test
    void acknowledgesAfterStoringAndStoresAResentPacketOnce() throws Exception {
        long device = register("TEST0000000001", "31", null);
        try (Hj212Client c = new Hj212Client(server.port())) {
            c.send(hourly("TEST0000000001", "20260101100000001", "20260101090000", "21.5"));
            List<String> replies = c.replies(1, 10_000);
            assertThat(replies).hasSize(1);
            assertThat(replies.get(0)).contains("QN=20260101100000001;ST=91;CN=9014;PW=654321;MN=TEST0000000001;Flag=4;CP=&&&&");
            assertThat(readings(device)).as("stored before the ack").isEqualTo(2);
            c.send(hourly("TEST0000000001", "20260101100000001", "20260101090000", "21.5"));
            assertThat(c.replies(1, 10_000)).hasSize(1);
            assertThat(readings(device)).isEqualTo(2);
            assertThat(jdbc.sql("select count(*) from monitoring.packet where device_id = :d").param("d", device)
                    .query(Long.class).single()).isEqualTo(1);
        }
        mvc.perform(get("/api/v1/monitoring/readings").with(as("admin")).param("mn", "TEST0000000001")
                        .param("pollutant", "a21026").param("from", "2026-01-01T00:00:00Z").param("to", "2026-01-02T00:00:00Z"))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].avg").value(21.5))
                .andExpect(jsonPath("$[0].cn").value(2061)).andExpect(jsonPath("$[0].time").value("2026-01-01T01:00:00Z"));
        mvc.perform(get("/api/v1/monitoring/readings").with(as("houma.safety")).param("mn", "TEST0000000001")
                        .param("pollutant", "a21026").param("from", "2026-01-01T00:00:00Z").param("to", "2026-01-02T00:00:00Z"))
                .andExpect(status().isNotFound());
    }

    @Test
    void aReadingsRequestOverTheCapIsRefusedNotCutShort() throws Exception {
        long device = register("TEST0000000008", "31", null);
        partitions.ensure("reading", java.time.LocalDate.of(2026, 3, 1));
        jdbc.sql("""
                insert into monitoring.reading (device_id, pollutant, cn, data_time, rtd, received_at)
                select :d, 'a21026', 2011, timestamptz '2026-03-01 00:00:00+08' + g * interval '10 seconds', g, now()
                from generate_series(0, :n) g""").param("d", device).param("n", ReadingService.MAX_VALUES).update();
        mvc.perform(get("/api/v1/monitoring/readings").with(as("admin")).param("mn", "TEST0000000008")
                        .param("pollutant", "a21026").param("from", "2026-02-28T00:00:00Z").param("to", "2026-03-31T00:00:00Z"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("to"));
        mvc.perform(get("/api/v1/monitoring/readings").with(as("admin")).param("mn", "TEST0000000008")
                        .param("pollutant", "a21026").param("from", "2026-02-28T00:00:00Z").param("to", "2026-03-31T00:00:00Z")
                        .param("interval", "day"))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].count").value(8640));
    }

    @Test
    void survivesGarbageSplitReadsAndBadPacketsWithoutDroppingTheConnection() throws Exception {
        long device = register("TEST0000000002", "31", null);
        byte[] a = cn.anhuan.monitoring.hj212.Frame.encode(hourly("TEST0000000002", "20260101100000002", "20260101090000", "1"));
        byte[] b = cn.anhuan.monitoring.hj212.Frame.encode(hourly("TEST0000000002", "20260101100000003", "20260101100000", "2"));
        byte[] bad = cn.anhuan.monitoring.hj212.Frame.encode(hourly("TEST0000000002", "20260101100000004", "20260101110000", "3"));
        bad[bad.length - 4] = (byte) (bad[bad.length - 4] == '0' ? '1' : '0');
        byte[] d = cn.anhuan.monitoring.hj212.Frame.encode(hourly("TEST0000000002", "20260101100000005", "20260101120000", "4"));
        long badCrc = stats.outcome("BAD_CRC");
        try (Hj212Client c = new Hj212Client(server.port())) {
            c.send("##test13912345678\0\r\n".getBytes(StandardCharsets.ISO_8859_1));
            c.send(java.util.Arrays.copyOfRange(a, 0, 30));
            Thread.sleep(50);
            byte[] rest = new byte[a.length - 30 + b.length + 7 + bad.length + d.length];
            int pos = 0;
            System.arraycopy(a, 30, rest, pos, a.length - 30);
            pos += a.length - 30;
            System.arraycopy(b, 0, rest, pos, b.length);
            pos += b.length;
            System.arraycopy("garbage".getBytes(StandardCharsets.US_ASCII), 0, rest, pos, 7);
            pos += 7;
            System.arraycopy(bad, 0, rest, pos, bad.length);
            pos += bad.length;
            System.arraycopy(d, 0, rest, pos, d.length);
            c.send(rest);
            assertThat(c.replies(3, 10_000)).hasSize(3).allMatch(r -> r.contains("CN=9014"));
        }
        assertThat(readings(device)).isEqualTo(6);
        assertThat(stats.outcome("BAD_CRC")).isEqualTo(badCrc + 1);
        // the reject goes to the writer of its sender, not of the device: it may commit after the acks
        await(() -> jdbc.sql("select count(*) from monitoring.reject where raw = :raw").param("raw", bad)
                .query(Long.class).single() == 1);
    }

    @Test
    void unknownDevicesAndWrongPasswordsGoToQuarantineUntilReleased() throws Exception {
        try (Hj212Client c = new Hj212Client(server.port())) {
            c.send(hourly("TEST0000000003", "20260101100000006", "20260101090000", "5"));
            assertThat(c.replies(1, 1_500)).as("no ack for an unknown device").isEmpty();
        }
        await(() -> jdbc.sql("select count(*) from monitoring.quarantine where mn = 'TEST0000000003'")
                .query(Long.class).single() == 1);
        mvc.perform(get("/api/v1/monitoring/quarantine").with(as("admin")).param("mn", "TEST0000000003"))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].reason").value("UNKNOWN_DEVICE"));
        mvc.perform(get("/api/v1/monitoring/quarantine").with(as("yaodu.safety"))).andExpect(status().isForbidden());
        long device = register("TEST0000000003", "31", null);
        mvc.perform(post("/api/v1/monitoring/quarantine/release").with(as("admin")).with(csrf())
                        .param("mn", "TEST0000000003"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.released").value(1));
        await(() -> readings(device) == 2);
        try (Hj212Client c = new Hj212Client(server.port())) {
            c.send(hourly("TEST0000000003", "20260101100000007", "20260101100000", "5").replace("PW=654321", "PW=000000"));
            assertThat(c.replies(1, 1_500)).isEmpty();
        }
        await(() -> jdbc.sql("select count(*) from monitoring.quarantine where mn = 'TEST0000000003' and reason = 'WRONG_PASSWORD'")
                .query(Long.class).single() == 1);
    }

    static RequestPostProcessor csrf() {
        return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf();
    }

    @Test
    void reassemblesSplitPackets() throws Exception {
        long device = register("TEST0000000004", "31", null);
        try (Hj212Client c = new Hj212Client(server.port())) {
            c.send("QN=20260101100000008;ST=31;CN=2061;PW=654321;MN=TEST0000000004;Flag=7;PNUM=2;PNO=1;"
                    + "CP=&&DataTime=20260101090000;a21026-Avg=10,a21026-Flag=N&&");
            Thread.sleep(300);
            assertThat(readings(device)).as("waits for its sibling").isZero();
            c.send("QN=20260101100000009;ST=31;CN=2061;PW=654321;MN=TEST0000000004;Flag=7;PNUM=2;PNO=2;"
                    + "CP=&&a21002-Avg=20,a21002-Flag=N&&");
            assertThat(c.replies(2, 10_000)).hasSize(2);
        }
        assertThat(readings(device)).isEqualTo(2);
    }

    @Test
    void sustainedExceedanceOpensAnAlarmThatIsAcknowledgedAndClosed() throws Exception {
        long device = register("TEST0000000005", "31", """
                {"pollutant":"a21026","limit":35,"converted":true,"dataCn":"2061","sustained":3}""");
        try (Hj212Client c = new Hj212Client(server.port())) {
            c.send(hourly("TEST0000000005", "20260102100000001", "20260102010000", "40"));
            c.send(hourly("TEST0000000005", "20260102100000002", "20260102020000", "41"));
            assertThat(c.replies(2, 10_000)).hasSize(2);
            assertThat(alarms(device)).as("two values above are not yet sustained").isZero();
            c.send(hourly("TEST0000000005", "20260102100000003", "20260102030000", "42").replace("a21026-Flag=N", "a21026-Flag=M"));
            assertThat(c.replies(1, 10_000)).hasSize(1);
            assertThat(alarms(device)).as("a maintenance value does not count").isZero();
            c.send(hourly("TEST0000000005", "20260102100000004", "20260102040000", "43"));
            assertThat(c.replies(1, 10_000)).hasSize(1);
        }
        await(() -> alarms(device) == 1);
        long alarm = jdbc.sql("select id from monitoring.alarm where device_id = :d").param("d", device)
                .query(Long.class).single();
        await(() -> jdbc.sql("select count(*) from notification.notification where link = :l and recipient = 'demo.officer'")
                .param("l", "/monitoring/alarms/" + alarm).query(Long.class).single() == 1);
        mvc.perform(get("/api/v1/monitoring/alarms/" + alarm).with(as("demo.officer")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.kind").value("EXCEEDANCE"))
                .andExpect(jsonPath("$.value").value(43.0));
        mvc.perform(get("/api/v1/monitoring/alarms/" + alarm).with(as("houma.safety")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/monitoring/alarms/" + alarm + "/actions/close").with(as("demo.officer"))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/monitoring/alarms/" + alarm + "/actions/acknowledge").with(as("demo.officer"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"note\":\"脱硫塔检修中\",\"version\":" + alarmVersion(alarm) + "}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACKNOWLEDGED"));
        String opened = mvc.perform(post("/api/v1/monitoring/alarms/" + alarm + "/actions/open-hazard")
                        .with(as("yaodu.inspector")).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(((Number) JsonPath.read(opened, "$.hazardId")).longValue()).isPositive();
        mvc.perform(post("/api/v1/monitoring/alarms/" + alarm + "/actions/close").with(as("yaodu.safety"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"已恢复达标\",\"version\":0}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/monitoring/alarms/" + alarm + "/actions/close").with(as("yaodu.safety"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"note\":\"已恢复达标\",\"version\":" + alarmVersion(alarm) + "}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CLOSED"));
    }

    int alarmVersion(long alarm) {
        return jdbc.sql("select version from monitoring.alarm where id = :id").param("id", alarm)
                .query(Integer.class).single();
    }

    long alarms(long device) {
        return jdbc.sql("select count(*) from monitoring.alarm where device_id = :d").param("d", device)
                .query(Long.class).single();
    }

    @Test
    void abnormalFlagsAndSilenceRaiseAlarmsAndDataClosesTheOfflineOne() throws Exception {
        long device = register("TEST0000000006", "31", null);
        try (Hj212Client c = new Hj212Client(server.port())) {
            c.send(hourly("TEST0000000006", "20260103100000001", "20260103010000", "5").replace("a21026-Flag=N", "a21026-Flag=D"));
            assertThat(c.replies(1, 10_000)).hasSize(1);
        }
        await(() -> jdbc.sql("select count(*) from monitoring.alarm where device_id = :d and kind = 'FLAG' and flag = 'D'")
                .param("d", device).query(Long.class).single() == 1);
        Instant later = Instant.now().plus(Duration.ofHours(1));
        assertThat(engine.checkOffline(later)).isGreaterThanOrEqualTo(1);
        assertThat(engine.checkOffline(later)).as("idempotent").isZero();
        assertThat(jdbc.sql("select status from monitoring.alarm where device_id = :d and kind = 'OFFLINE'")
                .param("d", device).query(String.class).single()).isEqualTo("OPEN");
        try (Hj212Client c = new Hj212Client(server.port())) {
            c.send(hourly("TEST0000000006", "20260103100000002", "20260103020000", "5"));
            assertThat(c.replies(1, 10_000)).hasSize(1);
        }
        await(() -> "CLOSED".equals(jdbc.sql("select status from monitoring.alarm where device_id = :d and kind = 'OFFLINE'")
                .param("d", device).query(String.class).single()));
    }

    @Test
    void aLostDatabaseConnectionDelaysAcksButLosesAndDuplicatesNothing() throws Exception {
        long device = register("TEST0000000007", "31", null);
        int packets = 400;
        AtomicInteger killed = new AtomicInteger();
        Thread killer = new Thread(() -> {
            for (int i = 0; i < 15; i++) {
                killed.addAndGet(jdbc.sql("""
                        select count(*) from (select pg_terminate_backend(pid) from pg_stat_activity
                        where datname = current_database() and pid <> pg_backend_pid() and state <> 'idle') t""")
                        .query(Integer.class).single());
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        try (Hj212Client c = new Hj212Client(server.port())) {
            killer.start();
            for (int i = 0; i < packets; i++) {
                String time = String.format("202602%02d%02d0000", 1 + i / 24, i % 24);
                c.send(hourly("TEST0000000007", "2026020110" + String.format("%07d", i), time, Integer.toString(i)));
            }
            List<String> replies = c.replies(packets, 60_000);
            killer.join();
            assertThat(replies).hasSize(packets);
            // the device did not see some acks in time in real life and resends everything: still stored once
            for (int i = 0; i < packets; i += 7) {
                String time = String.format("202602%02d%02d0000", 1 + i / 24, i % 24);
                c.send(hourly("TEST0000000007", "2026020110" + String.format("%07d", i), time, Integer.toString(i)));
            }
            assertThat(c.replies((packets + 6) / 7, 30_000)).hasSize((packets + 6) / 7);
        }
        assertThat(readings(device)).isEqualTo(2L * packets);
        assertThat(jdbc.sql("select count(*) from monitoring.packet where device_id = :d").param("d", device)
                .query(Long.class).single()).isEqualTo(packets);
    }
}

package cn.anhuan.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import cn.anhuan.IntegrationTest;
import cn.anhuan.monitoring.hj212.Frame;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Rejected and quarantined frames over the platform's receiver: all counted per source address and reason, a
 * bounded sample kept; a pruning pass (scheduled in SchedulingTests) enforces retention and sample size, the quota deletes the oldest.
 */
@IntegrationTest
class ReceiverSampleTests {

    @Autowired
    Hj212Server server;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    PacketWriter writer;
    @Autowired
    QuarantinePruning pruning;

    long rows(String table, String source, String reason) {
        return jdbc.sql("select count(*) from monitoring." + table + " where source = :s and reason = :r")
                .param("s", source).param("r", reason).query(Long.class).single();
    }

    @Test
    void garbageIsCountedInFullButKeptOnlyUpToTheSampleOfItsSourceAndReason() throws Exception {
        try (Hj212Client c = new Hj212Client(server.port(), "127.0.0.50")) {
            StringBuilder garbage = new StringBuilder();
            for (int i = 0; i < 250; i++) {
                garbage.append("garbage line ").append(i).append("\r\n");
            }
            c.send(garbage.toString().getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 150; i++) {
                byte[] bad = Frame.encode(ReceiverTests.hourly("TESTSAMPLE0001", "2026010610" + String.format("%07d", i),
                        "20260106090000", "1"));
                bad[bad.length - 4] = (byte) (bad[bad.length - 4] == '0' ? '1' : '0');
                c.send(bad);
            }
            for (int i = 0; i < 1005; i++) {
                c.send(ReceiverTests.hourly("TESTSAMPLE0002", "2026010710" + String.format("%07d", i),
                        String.format("202601%02d%02d0000", 7 + i / 24, i % 24), "1"));
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> mvc.perform(
                            get("/api/v1/monitoring/receiver/sources").with(ReceiverTests.as("admin")).param("limit", "1000"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[?(@.source == '127.0.0.50' && @.reason == 'MALFORMED')].frames").value(250))
                    .andExpect(jsonPath("$[?(@.source == '127.0.0.50' && @.reason == 'MALFORMED')].kept").value(100))
                    .andExpect(jsonPath("$[?(@.source == '127.0.0.50' && @.reason == 'BAD_CRC')].frames").value(150))
                    .andExpect(jsonPath("$[?(@.source == '127.0.0.50' && @.reason == 'UNKNOWN_DEVICE')].frames").value(1005))
                    .andExpect(jsonPath("$[?(@.source == '127.0.0.50' && @.reason == 'UNKNOWN_DEVICE')].kind").value("QUARANTINE")));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> writer.backlog() == 0
                && rows("reject", "127.0.0.50", "MALFORMED") == 100 && rows("reject", "127.0.0.50", "BAD_CRC") == 100
                && rows("quarantine", "127.0.0.50", "UNKNOWN_DEVICE") == 1000);
        assertThat(jdbc.sql("select count(*) from monitoring.reject where source = '127.0.0.50'").query(Long.class)
                .single()).as("nothing beyond the sample").isEqualTo(200);
    }

    @Test
    void aPruningPassDeletesExpiredReleasedAndOverSampleRows() {
        jdbc.sql("""
                insert into monitoring.reject (received_at, reason, remote, source, raw)
                select now() - interval '40 days', 'MALFORMED', '/127.0.0.52:4000', '127.0.0.52', 'old'::bytea
                from generate_series(1, 3)""").update();
        jdbc.sql("""
                insert into monitoring.reject (received_at, reason, remote, source, raw)
                select now(), 'MALFORMED', '/127.0.0.53:4000', '127.0.0.53', ('before sampling ' || g)::bytea
                from generate_series(1, 120) g""").update();
        jdbc.sql("""
                insert into monitoring.quarantine (received_at, mn, reason, remote, source, raw, released_at)
                values (now(), 'TESTSAMPLE0003', 'UNKNOWN_DEVICE', '/127.0.0.52:4000', '127.0.0.52', 'x'::bytea, now())""")
                .update();
        pruning.prune();
        assertThat(rows("reject", "127.0.0.52", "MALFORMED")).isZero();
        assertThat(rows("quarantine", "127.0.0.52", "UNKNOWN_DEVICE")).isZero();
        assertThat(rows("reject", "127.0.0.53", "MALFORMED")).isEqualTo(100);
        assertThat(jdbc.sql("select convert_from(raw, 'UTF8') from monitoring.reject where source = '127.0.0.53'")
                .query(String.class).list()).as("the first ones are the sample").contains("before sampling 1")
                .doesNotContain("before sampling 101");
        assertThat(jdbc.sql("select count(*) from audit.entry where action = 'monitoring.sample.pruned'")
                .query(Long.class).single()).isPositive();
    }

    @Test
    void overTheQuotaTheOldestRowsGo() {
        long id = jdbc.sql("""
                insert into monitoring.reject (received_at, reason, remote, source, raw)
                values (now() - interval '2 days', 'MALFORMED', '/127.0.0.54:4000', '127.0.0.54', :raw) returning id""")
                .param("raw", new byte[1000]).query(Long.class).single();
        long total = jdbc.sql("""
                select (select coalesce(sum(octet_length(raw)), 0) from monitoring.reject)
                     + (select coalesce(sum(octet_length(raw)), 0) from monitoring.quarantine)""").query(Long.class).single();
        QuarantinePruning.Pruned pruned = pruning.prune(Duration.ofDays(30), total - 500);
        assertThat(pruned.overQuota()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from monitoring.reject where id = :id").param("id", id).query(Long.class)
                .single()).isZero();
    }
}

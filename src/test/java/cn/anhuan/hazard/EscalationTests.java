package cn.anhuan.hazard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import cn.anhuan.IntegrationTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The escalation ladder with a chosen day, its idempotency, and the notifications it sends. */
@IntegrationTest
class EscalationTests {

    static final LocalDate TODAY = LocalDate.of(2031, 6, 15);

    @Autowired
    HazardEscalation escalation;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    javax.sql.DataSource dataSource;

    @Test
    void eachRungNotifiesOnceAndTheRightPeople() throws Exception {
        long soon = hazard(TODAY.plusDays(2));
        long later = hazard(TODAY.plusDays(10));
        long overdue = hazard(TODAY.minusDays(1));
        long escalated = hazard(TODAY.minusDays(8));
        HazardEscalation.Result first = escalation.run(TODAY, 100_000);
        assertThat(flag(soon, "DEADLINE_SOON")).isTrue();
        assertThat(flag(later, "DEADLINE_SOON")).isFalse();
        assertThat(flag(overdue, "OVERDUE")).isTrue();
        assertThat(flag(overdue, "ESCALATED")).isFalse();
        assertThat(flag(escalated, "ESCALATED")).isTrue();
        assertThat(first.reminders()).isGreaterThanOrEqualTo(1);
        assertThat(first.escalated()).isGreaterThanOrEqualTo(1);
        HazardEscalation.Result second = escalation.run(TODAY, 100_000);
        assertThat(second).isEqualTo(new HazardEscalation.Result(0, 0, 0));

        assertThat(notifications("demo.officer", overdue, "OVERDUE")).isEqualTo(1);
        assertThat(notifications("yaodu.safety", overdue, "OVERDUE")).isEqualTo(1);
        assertThat(notifications("demo.officer", soon, "DEADLINE_SOON")).isEqualTo(1);
        assertThat(notifications("city.safety", escalated, "ESCALATED")).isEqualTo(1);
        assertThat(notifications("houma.safety", escalated, "ESCALATED")).isZero();
    }

    @Test
    void anExtendedDeadlineStartsItsOwnLadder() {
        long h = hazard(TODAY.minusDays(1));
        escalation.run(TODAY, 100_000);
        assertThat(flag(h, "OVERDUE")).isTrue();
        jdbc.sql("update hazard.hazard set deadline = :d where id = :id").param("d", TODAY.plusDays(30)).param("id", h)
                .update();
        assertThat(flag(h, "OVERDUE")).as("no notice for the new deadline yet").isFalse();
        escalation.run(TODAY.plusDays(31), 100_000);
        assertThat(flag(h, "OVERDUE")).isTrue();
        assertThat(notifications("demo.officer", h, "OVERDUE")).isEqualTo(2);
    }

    @Test
    void whoWouldGetManyNoticesOfOneKindGetsOneDigest() {
        LocalDate day = LocalDate.of(2033, 3, 1);
        escalation.run(day, 100_000);
        long a = hazard(day.minusDays(1));
        long b = hazard(day.minusDays(2));
        long c = hazard(day.minusDays(3));
        HazardEscalation.Result result = escalation.run(day, 2);
        assertThat(result.overdue()).isEqualTo(3);
        for (long h : new long[] {a, b, c}) {
            assertThat(notifications("demo.officer", h, "OVERDUE")).isZero();
        }
        assertThat(jdbc.sql("""
                select args from notification.notification
                where recipient = 'demo.officer' and kind = 'OVERDUE' and link = '/hazards?overdue=true'""")
                .query(String.class).list()).containsExactly("3");
        assertThat(jdbc.sql("""
                select count(*) from notification.notification
                where recipient = 'yaodu.safety' and message = 'notification.hazard.OVERDUE.digest' and args = '3'""")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aPassIsSkippedWhileAnotherInstanceHoldsTheLock() throws Exception {
        long h = hazard(TODAY.minusDays(1));
        try (java.sql.Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (var st = other.prepareStatement("select pg_advisory_xact_lock(?)")) {
                st.setLong(1, HazardEscalation.LOCK);
                st.execute();
            }
            assertThat(escalation.run(TODAY, 100_000)).isEqualTo(new HazardEscalation.Result(0, 0, 0));
            assertThat(flag(h, "OVERDUE")).isFalse();
            other.rollback();
        }
        assertThat(escalation.run(TODAY, 100_000).overdue()).isGreaterThanOrEqualTo(1);
        assertThat(flag(h, "OVERDUE")).isTrue();
    }

    @Test
    void aUserReadsOnlyItsOwnNotifications() throws Exception {
        long h = hazard(TODAY.minusDays(1));
        escalation.run(TODAY, 100_000);
        long id = jdbc.sql("select id from notification.notification where recipient = 'demo.officer' and link = :l")
                .param("l", "/hazards/" + h).query(Long.class).single();
        mvc.perform(get("/api/v1/notifications").with(httpBasic("demo.officer", IntegrationTest.PASSWORD)))
                .andExpect(jsonPath("$[*].link", Matchers.hasItem("/hazards/" + h)));
        mvc.perform(post("/api/v1/notifications/" + id + "/read").with(httpBasic("houma.safety", IntegrationTest.PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/notifications/" + id + "/read").with(httpBasic("demo.officer", IntegrationTest.PASSWORD)))
                .andExpect(status().isNoContent());
        assertThat(jdbc.sql("select read_at is not null from notification.notification where id = :id").param("id", id)
                .query(Boolean.class).single()).isTrue();
    }

    private long hazard(LocalDate deadline) {
        return jdbc.sql("""
                insert into hazard.hazard (enterprise_id, credit_code, region_code, zone_code, industry_code, place,
                    description, category, level, source, found_by, found_at, status, deadline, created_at, updated_at)
                select id, credit_code, region_code, zone_code, industry_code, '测试部位', '期限测试', 'OBJECT',
                    'GENERAL', 'GOVERNMENT', 'test', now(), 'ASSIGNED', :d, now(), now()
                from enterprise.enterprise where credit_code = '911410023123456732' returning id""")
                .param("d", deadline).query(Long.class).single();
    }

    /** Whether the hazard has a notice of this kind for its current deadline. */
    private boolean flag(long id, String kind) {
        return jdbc.sql("""
                select exists (select 1 from hazard.escalation_notice n join hazard.hazard h on h.id = n.hazard_id
                               where h.id = :id and n.kind = :k and n.deadline = h.deadline)""")
                .param("id", id).param("k", kind).query(Boolean.class).single();
    }

    private long notifications(String user, long hazard, String kind) {
        return jdbc.sql("""
                select count(*) from notification.notification where recipient = :u and link = :l and kind = :k""")
                .param("u", user).param("l", "/hazards/" + hazard).param("k", kind).query(Long.class).single();
    }
}

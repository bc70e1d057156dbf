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

    @Test
    void eachRungNotifiesOnceAndTheRightPeople() throws Exception {
        long soon = hazard(TODAY.plusDays(2));
        long later = hazard(TODAY.plusDays(10));
        long overdue = hazard(TODAY.minusDays(1));
        long escalated = hazard(TODAY.minusDays(8));
        HazardEscalation.Result first = escalation.run(TODAY);
        assertThat(flag(soon, "reminded_at")).isTrue();
        assertThat(flag(later, "reminded_at")).isFalse();
        assertThat(flag(overdue, "overdue_notified_at")).isTrue();
        assertThat(flag(overdue, "escalated_at")).isFalse();
        assertThat(flag(escalated, "escalated_at")).isTrue();
        assertThat(first.reminders()).isGreaterThanOrEqualTo(1);
        assertThat(first.escalated()).isGreaterThanOrEqualTo(1);
        HazardEscalation.Result second = escalation.run(TODAY);
        assertThat(second).isEqualTo(new HazardEscalation.Result(0, 0, 0));

        assertThat(notifications("demo.officer", overdue, "OVERDUE")).isEqualTo(1);
        assertThat(notifications("yaodu.safety", overdue, "OVERDUE")).isEqualTo(1);
        assertThat(notifications("demo.officer", soon, "DEADLINE_SOON")).isEqualTo(1);
        assertThat(notifications("city.safety", escalated, "ESCALATED")).isEqualTo(1);
        assertThat(notifications("houma.safety", escalated, "ESCALATED")).isZero();
    }

    @Test
    void aUserReadsOnlyItsOwnNotifications() throws Exception {
        long h = hazard(TODAY.minusDays(1));
        escalation.run(TODAY);
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

    private boolean flag(long id, String column) {
        return jdbc.sql("select " + column + " is not null from hazard.hazard where id = :id").param("id", id)
                .query(Boolean.class).single();
    }

    private long notifications(String user, long hazard, String kind) {
        return jdbc.sql("""
                select count(*) from notification.notification where recipient = :u and link = :l and kind = :k""")
                .param("u", user).param("l", "/hazards/" + hazard).param("k", kind).query(Long.class).single();
    }
}

package cn.anhuan.hazard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.atomic.AtomicInteger;

import cn.anhuan.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The citizen's pages and the county's triage: the form keeps the chosen county after an error, the page after
 * submitting links to tracking with the code, tracking shows what, where and when; the county supervisors are
 * notified, opening the notification marks it read, and the enterprise is picked by name within the caller's scope.
 */
@IntegrationTest
class CitizenReportPageTests {

    private static final AtomicInteger ADDRESS = new AtomicInteger(10);

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    @Test
    void theFormKeepsTheChosenCountyAfterAnError() throws Exception {
        String page = mvc.perform(post("/public/report").with(csrf()).with(address()).param("regionCode", "141081")
                        .param("place", "").param("description", "有烟").param("reporterName", "李四"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("citizen-problems").containsPattern("value=\"141081\"\\s+selected=\"selected\"")
                .contains("value=\"李四\"", "有烟");
    }

    @Test
    void aCitizenFollowsTheLinkAndTheCountyIsNotifiedAndPicksTheEnterpriseByName() throws Exception {
        long before = jdbc.sql("select coalesce(max(id), 0) from notification.notification").query(Long.class).single();
        String page = mvc.perform(post("/public/report").with(csrf()).with(address()).param("regionCode", "141002")
                        .param("place", "解放路化工仓库").param("description", "仓库门口堆放油桶无人看管"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String code = jdbc.sql("select tracking_code from hazard.citizen_report where place = '解放路化工仓库' order by id desc limit 1")
                .query(String.class).single();
        assertThat(page).contains("id=\"tracking-link\"", "href=\"/public/track?code=" + code + "\"");

        String tracking = mvc.perform(get("/public/track").param("code", code)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(tracking).contains("仓库门口堆放油桶无人看管", "尧都区 · 解放路化工仓库", "已受理，等待核查", "tracking-when");

        long report = jdbc.sql("select id from hazard.citizen_report where tracking_code = :c").param("c", code)
                .query(Long.class).single();
        var notices = jdbc.sql("""
                select id, recipient from notification.notification where id > :id and kind = 'CITIZEN_REPORT'
                  and link = :link""").param("id", before).param("link", "/hazards/reports#report-" + report)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).list();
        assertThat(notices).extracting(o -> (String) o[1]).contains("yaodu.safety").doesNotContain("houma.safety",
                "yaodu.inspector");
        long notice = notices.stream().filter(o -> o[1].equals("yaodu.safety")).mapToLong(o -> (Long) o[0]).findFirst()
                .orElseThrow();
        mvc.perform(get("/notifications/" + notice + "/open").with(as("houma.safety"))).andExpect(status().isNotFound());
        mvc.perform(get("/notifications/" + notice + "/open").with(as("yaodu.safety")))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/hazards/reports#report-" + report));
        assertThat(jdbc.sql("select read_at is not null from notification.notification where id = :id")
                .param("id", notice).query(Boolean.class).single()).isTrue();

        assertThat(mvc.perform(get("/hazards/reports").with(as("yaodu.safety"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).contains("id=\"report-" + report + "\"", "id=\"enterprise-q-" + report + "\"");
        var enterprise = jdbc.sql("""
                select id, name from enterprise.enterprise where region_code = '141002' order by id limit 1""")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).single();
        String name = (String) enterprise[1];
        String options = mvc.perform(get("/hazards/reports/" + report + "/enterprises").param("q", name.substring(0, 4))
                        .with(as("yaodu.safety"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(options).contains("value=\"" + enterprise[0] + "\"", name);
        mvc.perform(get("/hazards/reports/" + report + "/enterprises").param("q", "x").with(as("houma.safety")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/hazards/reports/" + report + "/convert").with(csrf()).with(as("yaodu.safety"))
                        .param("level", "GENERAL").param("version", "0").param("q", name.substring(0, 4)))
                .andExpect(redirectedUrl("/hazards/reports"));
        mvc.perform(post("/hazards/reports/" + report + "/convert").with(csrf()).with(as("yaodu.safety"))
                        .param("enterpriseId", enterprise[0].toString()).param("level", "GENERAL").param("version", "0"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select h.enterprise_id from hazard.citizen_report r join hazard.hazard h on h.id = r.hazard_id where r.id = :id")
                .param("id", report).query(Long.class).single()).isEqualTo(enterprise[0]);
        assertThat(mvc.perform(get("/public/track").param("code", code)).andReturn().getResponse().getContentAsString())
                .contains("经核查属实，已列入隐患整改", "tracking-history");
    }

    private RequestPostProcessor as(String name) {
        return user(users.loadUserByUsername(name));
    }

    private static RequestPostProcessor address() {
        String a = "10.2.0." + ADDRESS.incrementAndGet();
        return request -> {
            request.setRemoteAddr(a);
            return request;
        };
    }
}

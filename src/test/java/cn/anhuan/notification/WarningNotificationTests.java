package cn.anhuan.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.anhuan.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * An issued, raised or lifted heavy-pollution warning reaches every county supervisor, the city and department
 * supervisors and the officers of the enterprises on the reduction list (with their own measures), named in the
 * reader's language; the public air page shows the warning in force with its level, period and measures.
 */
@IntegrationTest
class WarningNotificationTests {

    private static final String OFFICER_ENTERPRISE = "911410023123456732";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    @Test
    void anIssuedWarningNotifiesCountiesDepartmentsAndTheReductionListAndShowsOnThePublicPage() throws Exception {
        jdbc.sql("update air.warning set status = 'LIFTED' where status = 'ACTIVE'").update();
        jdbc.sql("delete from air.reduction_item where level = 'RED' and enterprise_code = :c")
                .param("c", OFFICER_ENTERPRISE).update();
        mvc.perform(post("/api/v1/air/reduction-list").with(city()).contentType(MediaType.APPLICATION_JSON).content("""
                {"level":"RED","enterpriseCode":"%s","enterpriseName":"演示企业","regionCode":"141002",
                 "measures":"烧结机全部停产，料场全封闭","so2":1,"nox":1,"pm":1,"vocs":1}""".formatted(OFFICER_ENTERPRISE)))
                .andExpect(status().isCreated());
        long before = maxId();
        String body = mvc.perform(post("/api/v1/air/warnings").with(city()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"level\":\"RED\",\"documentNo\":\"临环发〔2026〕120号\",\"reason\":\"持续重度污染\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        int id = JsonPath.read(body, "$.id");

        assertThat(recipientsSince(before)).contains("demo.officer", "yaodu.safety", "houma.safety", "city.safety",
                "city.housing", "city.energy").doesNotContain("yaodu.inspector", "leader");
        String officerPage = page("demo.officer", "zh-CN");
        assertThat(officerPage).contains("临汾市发布重污染天气红色预警（Ⅰ级）（临环发〔2026〕120号）", "烧结机全部停产，料场全封闭")
                .doesNotContain("air.level.RED", "\u0002");
        assertThat(page("houma.safety", "zh-CN")).contains("红色预警（Ⅰ级）", "机动车单双号限行");
        assertThat(page("houma.safety", "en")).contains("Red warning (level I)", "odd-even driving");

        String publicPage = mvc.perform(get("/air/public")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(publicPage).contains("id=\"air-warning\"", "warning-RED", "重污染天气红色预警（Ⅰ级）生效中",
                "临环发〔2026〕120号", "机动车单双号限行", "预警解除");

        long beforeLift = maxId();
        mvc.perform(post("/api/v1/air/warnings/" + id + "/actions/lift").with(city())
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"扩散条件好转\",\"version\":" + JsonPath.read(body, "$.version") + "}"))
                .andExpect(status().isOk());
        assertThat(recipientsSince(beforeLift)).contains("demo.officer", "yaodu.safety", "city.housing");
        assertThat(page("demo.officer", "zh-CN")).contains("已解除，你企业可停止执行应急减排措施");
        assertThat(mvc.perform(get("/air/public")).andReturn().getResponse().getContentAsString())
                .doesNotContain("id=\"air-warning\"");
        jdbc.sql("delete from air.reduction_item where level = 'RED' and enterprise_code = :c")
                .param("c", OFFICER_ENTERPRISE).update();
    }

    private long maxId() {
        return jdbc.sql("select coalesce(max(id), 0) from notification.notification").query(Long.class).single();
    }

    private java.util.List<String> recipientsSince(long id) {
        return jdbc.sql("select recipient from notification.notification where id > :id and kind like 'AIR_WARNING_%'")
                .param("id", id).query(String.class).list();
    }

    private String page(String username, String language) throws Exception {
        return mvc.perform(get("/notifications").with(as(username)).header("Accept-Language", language)
                        .param("lang", language.substring(0, 2)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private RequestPostProcessor as(String name) {
        return user(users.loadUserByUsername(name));
    }

    private static RequestPostProcessor city() {
        return httpBasic("city.env", IntegrationTest.PASSWORD);
    }
}

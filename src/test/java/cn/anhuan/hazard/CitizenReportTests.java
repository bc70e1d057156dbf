package cn.anhuan.hazard;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.atomic.AtomicInteger;

import cn.anhuan.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Citizens report without login, follow the outcome, and the county triages with the reporter kept private. */
@IntegrationTest
class CitizenReportTests {

    private static final AtomicInteger ADDRESS = new AtomicInteger(50);

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aReportIsFollowedFromSubmissionToAHazard() throws Exception {
        RequestPostProcessor from = address();
        String code = JsonPath.read(submit("141002", "XX路加油站", "加油站旁堆放液化气罐", from)
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.trackingCode");
        mvc.perform(get("/api/v1/public/citizen-reports/" + code)).andExpect(jsonPath("$.status").value("NEW"))
                .andExpect(jsonPath("$.reporterName").doesNotExist());
        long id = jdbc.sql("select id from hazard.citizen_report where tracking_code = :c").param("c", code)
                .query(Long.class).single();
        mvc.perform(get("/api/v1/citizen-reports/" + id).with(as("yaodu.safety")))
                .andExpect(jsonPath("$.reporterName").value("热心市民")).andExpect(jsonPath("$.reporterPhone").value("13800000000"));
        mvc.perform(get("/api/v1/citizen-reports/" + id).with(as("city.safety")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.reporterName").value(Matchers.nullValue()));
        mvc.perform(get("/api/v1/citizen-reports/" + id).with(as("houma.safety"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/citizen-reports").with(as("yaodu.inspector"))).andExpect(status().isForbidden());
        long enterprise = jdbc.sql("select min(id) from enterprise.enterprise where region_code = '141002'")
                .query(Long.class).single();
        mvc.perform(post("/api/v1/citizen-reports/" + id + "/actions/convert").with(as("yaodu.safety"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"enterpriseId\":" + enterprise + ",\"version\":0}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.source").value("CITIZEN"));
        mvc.perform(get("/api/v1/public/citizen-reports/" + code)).andExpect(jsonPath("$.status").value("CONVERTED"));
        mvc.perform(post("/api/v1/citizen-reports/" + id + "/actions/dismiss").with(as("yaodu.safety"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"重复\",\"version\":1}"))
                .andExpect(status().isConflict());
    }

    @Test
    void aDismissalIsExplainedToTheCitizen() throws Exception {
        String code = JsonPath.read(submit("141081", "某工地", "夜间施工", address())
                .andReturn().getResponse().getContentAsString(), "$.trackingCode");
        long id = jdbc.sql("select id from hazard.citizen_report where tracking_code = :c").param("c", code)
                .query(Long.class).single();
        mvc.perform(post("/api/v1/citizen-reports/" + id + "/actions/dismiss").with(as("houma.safety"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"经核查为环保夜间施工许可范围\",\"version\":0}"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/public/citizen-reports/" + code.toLowerCase()))
                .andExpect(jsonPath("$.status").value("DISMISSED"))
                .andExpect(jsonPath("$.outcomeNote").value("经核查为环保夜间施工许可范围"));
    }

    @Test
    void badReportsAreNamedAndFloodingIsStopped() throws Exception {
        submit("999999", "", "", address()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", Matchers.containsInAnyOrder("regionCode", "place", "description")));
        RequestPostProcessor from = address();
        for (int i = 0; i < CitizenReports.MAX_PER_ADDRESS_PER_HOUR; i++) {
            submit("141021", "地点" + i, "描述", from).andExpect(status().isCreated());
        }
        submit("141021", "再一次", "描述", from).andExpect(status().isBadRequest());
        submit("141021", "别处", "描述", address()).andExpect(status().isCreated());
    }

    @Test
    void thePublicPagesNeedNoLogin() throws Exception {
        mvc.perform(get("/public/report")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("citizen-form")));
        mvc.perform(post("/public/report").with(csrf()).with(address()).param("regionCode", "141082")
                        .param("place", "霍州某煤场").param("description", "自燃冒烟"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("tracking-code")));
        mvc.perform(get("/public/track").param("code", "NOSUCHCODE00")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("未找到")));
    }

    private ResultActions submit(String region, String place, String description, RequestPostProcessor from)
            throws Exception {
        return mvc.perform(post("/api/v1/public/citizen-reports").with(from).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"regionCode":"%s","place":"%s","description":"%s","reporterName":"热心市民","reporterPhone":"13800000000"}"""
                        .formatted(region, place, description)));
    }

    private static RequestPostProcessor address() {
        String a = "10.1.0." + ADDRESS.incrementAndGet();
        return request -> {
            request.setRemoteAddr(a);
            return request;
        };
    }

    private static RequestPostProcessor as(String user) {
        return httpBasic(user, IntegrationTest.PASSWORD);
    }
}

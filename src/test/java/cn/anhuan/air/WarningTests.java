package cn.anhuan.air;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import cn.anhuan.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Forecast → proposal → issue → raise → lift, every step recorded; the reduction list and its ratio check. */
@IntegrationTest
class WarningTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aWarningGoesFromForecastToLiftingWithEveryStepRecorded() throws Exception {
        String today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        mvc.perform(put("/api/v1/air/forecasts").with(city()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"from\":\"" + today + "\",\"aqi\":[230,260,280,150,120,100,90]}"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/air/warnings/proposal").with(city()))
                .andExpect(jsonPath("$.scheme").value("2018"))
                .andExpect(jsonPath("$.level").value("ORANGE"))
                .andExpect(jsonPath("$.otherSchemeLevel").value("YELLOW"))
                .andExpect(jsonPath("$.liftingAllowed").value(false));

        mvc.perform(post("/api/v1/air/warnings").with(city()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"level\":\"BLUE\",\"documentNo\":\"临环发〔2026〕1号\",\"reason\":\"预报\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("level"));
        String body = mvc.perform(post("/api/v1/air/warnings").with(city()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"level\":\"YELLOW\",\"documentNo\":\"临环发〔2026〕1号\",\"reason\":\"连续两天重度污染\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        int id = JsonPath.read(body, "$.id");
        mvc.perform(post("/api/v1/air/warnings").with(city()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"level\":\"RED\",\"documentNo\":\"x\",\"reason\":\"y\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/air/warnings/" + id + "/actions/change-level").with(city())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"level\":\"ORANGE\",\"reason\":\"预报升级\",\"version\":0}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.level").value("ORANGE"));
        mvc.perform(post("/api/v1/air/warnings/" + id + "/actions/change-level").with(city())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"level\":\"RED\",\"reason\":\"过期版本\",\"version\":0}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/air/warnings/" + id + "/actions/lift").with(httpBasic("yaodu.safety",
                        IntegrationTest.PASSWORD)).contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"x\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/air/warnings/" + id + "/actions/lift").with(city())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"空气质量好转\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("version"));
        mvc.perform(post("/api/v1/air/warnings/" + id + "/actions/lift").with(city())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"空气质量好转\",\"version\":1}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("LIFTED"))
                .andExpect(jsonPath("$.changes[*].action", Matchers.contains("ISSUED", "RAISED", "LIFTED")))
                .andExpect(jsonPath("$.changes[1].fromLevel").value("YELLOW"))
                .andExpect(jsonPath("$.changes[2].by").value("city.env"));
        assertThat(jdbc.sql("select count(*) from audit.entry where entity_type = 'air-warning' and entity_id = :id")
                .param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void theReductionListIsCheckedAgainstTheRequiredRatios() throws Exception {
        mvc.perform(put("/api/v1/air/emission-baseline").with(city()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"SO2\":100,\"NOX\":200,\"PM\":50,\"VOCS\":80}")).andExpect(status().isOk());
        String yaodu = jdbc.sql("select credit_code from enterprise.enterprise where region_code = '141002' order by id desc limit 1")
                .query(String.class).single();
        String houma = jdbc.sql("select credit_code from enterprise.enterprise where region_code = '141081' order by id desc limit 1")
                .query(String.class).single();
        mvc.perform(post("/api/v1/air/reduction-list").with(city()).contentType(MediaType.APPLICATION_JSON)
                        .content(item("YELLOW", "91141002MA0K000001", "141002", "1", "1", "1", "1")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("enterpriseCode"));
        mvc.perform(post("/api/v1/air/reduction-list").with(city()).contentType(MediaType.APPLICATION_JSON)
                        .content(item("YELLOW", yaodu, "141081", "1", "1", "1", "1")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("regionCode"));
        add("YELLOW", yaodu, "141002", "8", "15", "4", "5");
        add("YELLOW", houma, "141081", "3", "6", "2", "4");
        add("ORANGE", yaodu, "141002", "12", "30", "6", "9");
        mvc.perform(post("/api/v1/air/reduction-list").with(city()).contentType(MediaType.APPLICATION_JSON)
                        .content(item("YELLOW", yaodu, "141002", "1", "1", "1", "1")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("enterpriseCode"));
        mvc.perform(get("/api/v1/air/reduction-list/check").with(city()))
                .andExpect(jsonPath("$[0].level").value("YELLOW"))
                .andExpect(jsonPath("$[0].lines[0].percent").value(11.0))
                .andExpect(jsonPath("$[0].lines[1].percent").value(10.5))
                .andExpect(jsonPath("$[0].lines[2].percent").value(12.0))
                .andExpect(jsonPath("$[0].lines[3].percent").value(11.25))
                .andExpect(jsonPath("$[0].passes").value(true))
                .andExpect(jsonPath("$[1].level").value("ORANGE"))
                .andExpect(jsonPath("$[1].lines[0].passes").value(false))
                .andExpect(jsonPath("$[1].passes").value(false))
                .andExpect(jsonPath("$[2].enterprises").value(0));
        mvc.perform(get("/api/v1/air/reduction-list").with(httpBasic("houma.safety", IntegrationTest.PASSWORD)))
                .andExpect(jsonPath("$[*].regionCode", Matchers.everyItem(Matchers.is("141081"))))
                .andExpect(jsonPath("$.length()").value(1));
    }

    private void add(String level, String code, String region, String so2, String nox, String pm, String vocs)
            throws Exception {
        mvc.perform(post("/api/v1/air/reduction-list").with(city()).contentType(MediaType.APPLICATION_JSON)
                .content(item(level, code, region, so2, nox, pm, vocs))).andExpect(status().isCreated());
    }

    private static String item(String level, String code, String region, String so2, String nox, String pm,
                               String vocs) {
        return """
                {"level":"%s","enterpriseCode":"%s","enterpriseName":"测试企业","regionCode":"%s","measures":"停产限产",
                 "so2":%s,"nox":%s,"pm":%s,"vocs":%s}""".formatted(level, code, region, so2, nox, pm, vocs);
    }

    private static RequestPostProcessor city() {
        return httpBasic("city.env", IntegrationTest.PASSWORD);
    }
}

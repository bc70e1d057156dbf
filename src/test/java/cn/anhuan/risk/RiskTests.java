package cn.anhuan.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.List;

import cn.anhuan.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Grading by configurable bands, assessments by LEC and LS, scope, and the enterprise's overall level. */
@IntegrationTest
class RiskTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RiskService risks;
    @Autowired
    UserDetailsService users;

    @ParameterizedTest
    @CsvSource({"LEC, 420, 1", "LEC, 320.01, 1", "LEC, 320, 2", "LEC, 160.5, 2", "LEC, 160, 3", "LEC, 70.5, 3",
            "LEC, 70, 4", "LEC, 0.1, 4", "LS, 25, 1", "LS, 20, 1", "LS, 16, 2", "LS, 15, 2", "LS, 12, 3", "LS, 9, 3",
            "LS, 8, 4", "LS, 1, 4"})
    void defaultBandsGradeScores(RiskMethod method, String score, int level) {
        assertThat(risks.grade(method, "TOURISM", new BigDecimal(score)).level()).isEqualTo(level);
    }

    @Test
    void assessmentsAreGradedAndOutOfTableValuesAreNamed() throws Exception {
        long enterprise = enterpriseIn("141028");
        mvc.perform(post("/api/v1/risk-points").with(as("jixian.inspector")).contentType(MediaType.APPLICATION_JSON)
                        .content(point(enterprise, "LEC", "7", "6", "40", null)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("l"));
        mvc.perform(post("/api/v1/risk-points").with(as("jixian.inspector")).contentType(MediaType.APPLICATION_JSON)
                        .content(point(enterprise, "LEC", "6", "6", "15", null)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.score").value(540.0))
                .andExpect(jsonPath("$.level").value(1))
                .andExpect(jsonPath("$.bandVersion").value(Matchers.startsWith("LEC/")));
        mvc.perform(post("/api/v1/risk-points").with(as("jixian.inspector")).contentType(MediaType.APPLICATION_JSON)
                        .content(point(enterprise, "LS", "3", null, null, "4")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.level").value(3));
        var leader = users.loadUserByUsername("leader");
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(leader, null, leader.getAuthorities()));
        try {
            assertThat(risks.enterpriseLevel(enterprise)).as("the most severe of its points").isEqualTo(1);
        } finally {
            SecurityContextHolder.clearContext();
        }
        mvc.perform(post("/api/v1/risk-points").with(as("houma.safety")).contentType(MediaType.APPLICATION_JSON)
                        .content(point(enterprise, "LS", "3", null, null, "4")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("enterpriseId"));
        mvc.perform(get("/api/v1/risk-points").with(as("houma.safety")))
                .andExpect(jsonPath("$[*].regionCode", Matchers.everyItem(Matchers.anyOf(Matchers.is("141081")))));
    }

    @Test
    void newBandsApplyToNewAssessmentsOfThatIndustryOnly() throws Exception {
        mvc.perform(put("/api/v1/risk-bands").param("method", "LS").param("industry", "FOOD_DRUG")
                        .with(as("admin")).contentType(MediaType.APPLICATION_JSON).content("[9, 6, 3]"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value("LS/FOOD_DRUG/v1"));
        assertThat(risks.grade(RiskMethod.LS, "FOOD_DRUG", new BigDecimal("10")).level()).isEqualTo(1);
        assertThat(risks.grade(RiskMethod.LS, "TOURISM", new BigDecimal("10")).level()).isEqualTo(3);
        mvc.perform(put("/api/v1/risk-bands").param("method", "LS").with(as("admin"))
                        .contentType(MediaType.APPLICATION_JSON).content("[3, 6, 9]"))
                .andExpect(status().isBadRequest());
        mvc.perform(put("/api/v1/risk-bands").param("method", "LS").with(as("city.safety"))
                        .contentType(MediaType.APPLICATION_JSON).content("[20, 15, 10]"))
                .andExpect(status().isForbidden());
    }

    @Test
    void theRiskMapShowsOnlyTheScopeWithLevels() throws Exception {
        String body = mvc.perform(get("/api/v1/risk-map").with(as("yaodu.safety")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> regions = JsonPath.read(body, "$[*].regionCode");
        assertThat(regions).isNotEmpty().allMatch("141002"::equals);
        List<Integer> levels = JsonPath.read(body, "$[?(@.level)].level");
        assertThat(levels).isNotEmpty();
    }

    private long enterpriseIn(String region) {
        return jdbc.sql("select min(id) from enterprise.enterprise where region_code = :r").param("r", region)
                .query(Long.class).single();
    }

    private static String point(long enterprise, String method, String l, String e, String c, String s) {
        return """
                {"enterpriseId":%d,"name":"液氨储罐","kind":"EQUIPMENT","method":"%s","l":%s,"e":%s,"c":%s,"s":%s,
                 "controlMeasures":"双人巡检","responsiblePost":"储运班长"}""".formatted(enterprise, method, l, e, c, s);
    }

    private static RequestPostProcessor as(String username) {
        return httpBasic(username, IntegrationTest.PASSWORD);
    }
}

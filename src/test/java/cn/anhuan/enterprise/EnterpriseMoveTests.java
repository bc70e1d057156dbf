package cn.anhuan.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import cn.anhuan.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * An enterprise moved to another county takes its hazards, risk points, monitoring devices and alarms with it:
 * the new county sees them at once, the old county no longer does, on every path, and the move is audited.
 */
@IntegrationTest
class EnterpriseMoveTests {

    static final String YAODU = "141002";
    static final String HOUMA = "141081";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void recordsFollowTheirEnterpriseToItsNewCounty() throws Exception {
        String code = CreditCode.complete("9114100212345699");
        String created = mvc.perform(post("/api/v1/enterprises").with(as("city.safety"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"creditCode":"%s","name":"搬迁测试企业","regionCode":"%s","industryCode":"FIREWORKS"}"""
                                .formatted(code, YAODU)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(created, "$.enterprise.id")).longValue();
        long hazard = jdbc.sql("""
                insert into hazard.hazard (enterprise_id, credit_code, region_code, industry_code, place, description,
                    category, level, source, found_by, found_at, status, created_at, updated_at)
                values (:id, :code, :region, 'FIREWORKS', '仓库', '搬迁前的隐患', 'OBJECT', 'GENERAL', 'GOVERNMENT',
                    'test', now(), 'REPORTED', now(), now()) returning id""")
                .param("id", id).param("code", code).param("region", YAODU).query(Long.class).single();
        long point = jdbc.sql("""
                insert into risk.point (enterprise_id, credit_code, region_code, industry_code, name, kind, method,
                    l, e, c, score, level, band_version, control_measures, responsible_post, created_at, updated_at)
                values (:id, :code, :region, 'FIREWORKS', '药物库', 'SITE', 'LEC', 3, 6, 7, 126, 3, 'default',
                    '双人双锁', '库管员', now(), now()) returning id""")
                .param("id", id).param("code", code).param("region", YAODU).query(Long.class).single();
        long device = jdbc.sql("""
                insert into monitoring.device (mn, password_hash, system_type, name, enterprise_id, credit_code,
                    region_code, industry_code, created_at, updated_at)
                values ('MOVE' || :id, 'x', '31', '搬迁测试数采仪', :id, :code, :region, 'FIREWORKS', now(), now())
                returning id""")
                .param("id", id).param("code", code).param("region", YAODU).query(Long.class).single();
        long alarm = jdbc.sql("""
                insert into monitoring.alarm (device_id, kind, credit_code, region_code, industry_code, first_at,
                    last_at, created_at)
                values (:device, 'OFFLINE', :code, :region, 'FIREWORKS', now(), now(), now()) returning id""")
                .param("device", device).param("code", code).param("region", YAODU).query(Long.class).single();
        List<String> paths = List.of("/api/v1/hazards/" + hazard, "/api/v1/risk-points/" + point,
                "/api/v1/monitoring/devices/" + device, "/api/v1/monitoring/alarms/" + alarm);
        for (String path : paths) {
            mvc.perform(get(path).with(as("yaodu.safety"))).andExpect(status().isOk());
            mvc.perform(get(path).with(as("houma.safety"))).andExpect(status().isNotFound());
        }

        mvc.perform(put("/api/v1/enterprises/" + id).with(as("city.safety")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"creditCode":"%s","name":"搬迁测试企业","regionCode":"%s","industryCode":"FIREWORKS",
                                 "version":0}""".formatted(code, HOUMA)))
                .andExpect(status().isOk());

        for (String path : paths) {
            mvc.perform(get(path).with(as("houma.safety"))).andExpect(status().isOk())
                    .andExpect(jsonPath("$.regionCode").value(HOUMA));
            mvc.perform(get(path).with(as("yaodu.safety"))).andExpect(status().isNotFound());
        }
        mvc.perform(get("/api/v1/hazards?enterprise=" + id).with(as("yaodu.safety")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/v1/hazards?enterprise=" + id).with(as("houma.safety")))
                .andExpect(jsonPath("$[*].id", Matchers.contains((int) hazard)));
        mvc.perform(get("/api/v1/enterprises/" + id + "/history").with(as("city.safety")))
                .andExpect(jsonPath("$[*].action", Matchers.hasItems("enterprise.updated", "hazard.followedEnterprise",
                        "risk.followedEnterprise", "monitoring.followedEnterprise")));
        assertThat(jdbc.sql("""
                select cast(new_value as jsonb) ->> 'alarms' from audit.entry
                where action = 'monitoring.followedEnterprise' and entity_id = :id""")
                .param("id", Long.toString(id)).query(String.class).single()).isEqualTo("1");

        // a change that keeps the scope moves nothing
        mvc.perform(put("/api/v1/enterprises/" + id).with(as("city.safety")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"creditCode":"%s","name":"搬迁测试企业（改名）","regionCode":"%s","industryCode":"FIREWORKS",
                                 "version":1}""".formatted(code, HOUMA)))
                .andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from audit.entry where action like '%.followedEnterprise' and entity_id = :id")
                .param("id", Long.toString(id)).query(Long.class).single()).isEqualTo(3);
    }

    private static RequestPostProcessor as(String username) {
        return httpBasic(username, IntegrationTest.PASSWORD);
    }
}

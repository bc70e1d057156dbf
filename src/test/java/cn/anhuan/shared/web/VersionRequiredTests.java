package cn.anhuan.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.anhuan.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every optimistic update refuses a request without {@code version} (400 naming it) and changes nothing; before,
 * a missing version was taken from the row as it stood, so a client that left it out overwrote others' changes.
 */
@IntegrationTest
class VersionRequiredTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    private long id(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void enterpriseEntryAndDetails() throws Exception {
        long id = id("select min(id) from enterprise.enterprise where region_code = '141002'");
        refusedWithoutVersion("city.safety", "/api/v1/enterprises/" + id, "name", "改名企业", put("/api/v1/enterprises/" + id));
        refusedWithoutVersion("city.safety", "/api/v1/enterprises/" + id, "address", "新地址",
                put("/api/v1/enterprises/" + id + "/details"));
    }

    @Test
    void riskPointDeviceRegionDepartmentAndUser() throws Exception {
        long point = id("select min(id) from risk.point where region_code = '141002'");
        refusedWithoutVersion("city.safety", "/api/v1/risk-points/" + point, "name", "改名风险点",
                put("/api/v1/risk-points/" + point));
        long device = id("select min(id) from monitoring.device where enterprise_id is not null");
        refusedWithoutVersion("admin", "/api/v1/monitoring/devices/" + device, "name", "改名设备",
                put("/api/v1/monitoring/devices/" + device));
        refusedWithoutVersion("admin", "/api/v1/regions/141002", "name", "改名区", put("/api/v1/regions/141002"));
        long department = id("select min(id) from organization.department where region_code = '141002'");
        refusedWithoutVersion("admin", "/api/v1/departments/" + department, "name", "改名部门",
                put("/api/v1/departments/" + department));
        long user = id("select id from identity.app_user where username = 'houma.inspector'");
        refusedWithoutVersion("admin", "/api/v1/users/" + user, "displayName", "改名用户", put("/api/v1/users/" + user));
        mvc.perform(post("/api/v1/users/" + user + "/disable").with(as("admin")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("version"));
        assertThat(jdbc.sql("select enabled from identity.app_user where id = :id").param("id", user)
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void hazardActionAndCitizenReportDecision() throws Exception {
        long enterprise = id("select min(id) from enterprise.enterprise where region_code = '141002'");
        String created = mvc.perform(post("/api/v1/hazards").with(as("yaodu.safety")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"enterpriseId":%d,"place":"仓库","description":"消防通道堵塞","category":"OBJECT",
                                 "level":"GENERAL","source":"GOVERNMENT"}""".formatted(enterprise)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long hazard = ((Number) JsonPath.read(created, "$.id")).longValue();
        mvc.perform(post("/api/v1/hazards/" + hazard + "/actions/assign").with(as("yaodu.safety"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"responsiblePerson\":\"张三\",\"measures\":\"清理\",\"deadline\":\"2099-01-01\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("version"));
        assertThat(jdbc.sql("select status from hazard.hazard where id = :id").param("id", hazard).query(String.class)
                .single()).isEqualTo("REPORTED");

        String code = JsonPath.read(mvc.perform(post("/api/v1/public/citizen-reports")
                        .with(r -> { r.setRemoteAddr("10.9.1.1"); return r; }).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"regionCode\":\"141002\",\"place\":\"路口\",\"description\":\"占道\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.trackingCode");
        long report = jdbc.sql("select id from hazard.citizen_report where tracking_code = :c").param("c", code)
                .query(Long.class).single();
        mvc.perform(post("/api/v1/citizen-reports/" + report + "/actions/dismiss").with(as("yaodu.safety"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"重复\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("version"));
        assertThat(jdbc.sql("select status from hazard.citizen_report where id = :id").param("id", report)
                .query(String.class).single()).isEqualTo("NEW");
    }

    /** Reads the record, changes one field, sends it back without its version: refused, and nothing changed. */
    private void refusedWithoutVersion(String user, String read, String field, String value,
                                       MockHttpServletRequestBuilder change) throws Exception {
        ObjectNode body = (ObjectNode) JSON.readTree(mvc.perform(get(read).with(as(user))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        int version = body.get("version").asInt();
        body.remove("version");
        body.put(field, value);
        mvc.perform(change.with(as(user)).contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "en")
                        .content(JSON.writeValueAsString(body)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("version"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.startsWith("version is missing")));
        String after = mvc.perform(get(read).with(as(user))).andReturn().getResponse().getContentAsString();
        assertThat((Integer) JsonPath.read(after, "$.version")).isEqualTo(version);
        assertThat((String) JsonPath.read(after, "$." + field)).isNotEqualTo(value);
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor as(String user) {
        return httpBasic(user, IntegrationTest.PASSWORD);
    }
}

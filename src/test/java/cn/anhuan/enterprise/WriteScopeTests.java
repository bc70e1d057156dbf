package cn.anhuan.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import cn.anhuan.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every reference a change writes is checked against the writer's scope (writer role x reference): an enterprise's
 * county, zone and supervising department on create, update and import, and the enterprise (or station) that a
 * hazard, a risk point, a device or a converted citizen report is written for. A reference outside the scope is a
 * 400 naming the field (the resource in the URL answers 404 instead); nothing is stored.
 */
@IntegrationTest
class WriteScopeTests {

    private static final String YAODU = "141002";
    private static final String HOUMA = "141081";
    private static final String LINFEN_ZONE = "Z14100001";
    private static final AtomicInteger SERIAL = new AtomicInteger(100);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    private long department(String region) {
        return jdbc.sql("select min(id) from organization.department where region_code = :r").param("r", region)
                .query(Long.class).single();
    }

    private long enterprise(String region) {
        return jdbc.sql("select min(id) from enterprise.enterprise where region_code = :r and zone_code is null")
                .param("r", region).query(Long.class).single();
    }

    private static String newCreditCode() {
        return CreditCode.complete("911410027" + String.format("%07d", SERIAL.incrementAndGet()));
    }

    @Test
    void anEnterprisesCountyZoneAndDepartmentMustBeInTheWritersScope() throws Exception {
        long yaoduDept = department(YAODU);
        long houmaDept = department(HOUMA);
        long cityDept = department("141000");
        // writer, county, zone, department -> the refused field, or null when the entry is created
        Object[][] matrix = {
                {"yaodu.safety", HOUMA, null, null, "regionCode"},
                {"yaodu.safety", YAODU, LINFEN_ZONE, null, "zoneCode"},
                {"yaodu.safety", YAODU, null, houmaDept, "departmentId"},
                {"yaodu.safety", YAODU, null, yaoduDept, null},
                {"yaodu.safety", YAODU, null, cityDept, null},
                {"houma.safety", HOUMA, "Z14100002", null, "zoneCode"},
                {"city.safety", YAODU, null, houmaDept, "departmentId"},
                {"city.safety", YAODU, LINFEN_ZONE, null, null},
                {"admin", HOUMA, null, yaoduDept, "departmentId"},
        };
        for (Object[] row : matrix) {
            String code = newCreditCode();
            MvcResult result = mvc.perform(post("/api/v1/enterprises").with(as((String) row[0]))
                            .contentType(MediaType.APPLICATION_JSON).content(enterprise(code, (String) row[1],
                                    (String) row[2], (Long) row[3])))
                    .andReturn();
            String body = result.getResponse().getContentAsString();
            long stored = jdbc.sql("select count(*) from enterprise.enterprise where credit_code = :c").param("c", code)
                    .query(Long.class).single();
            if (row[4] == null) {
                assertThat(result.getResponse().getStatus()).as("%s %s", java.util.Arrays.toString(row), body).isEqualTo(201);
                assertThat(stored).isOne();
            } else {
                assertThat(result.getResponse().getStatus()).as("%s %s", java.util.Arrays.toString(row), body).isEqualTo(400);
                assertThat(JsonPath.<List<String>>read(body, "$.errors[*].field")).as(body).containsExactly((String) row[4]);
                assertThat(stored).isZero();
            }
        }
    }

    @Test
    void anUpdateCannotMoveAnEnterpriseIntoAnotherJurisdictionsZoneOrDepartment() throws Exception {
        long id = enterprise(YAODU);
        assertUpdate("yaodu.safety", id, "zoneCode", LINFEN_ZONE, 400);
        assertUpdate("yaodu.safety", id, "departmentId", department(HOUMA), 400);
        assertUpdate("yaodu.safety", id, "departmentId", department(YAODU), 200);
        assertThat(jdbc.sql("select zone_code from enterprise.enterprise where id = :id").param("id", id)
                .query(String.class).optional()).isEmpty();
    }

    @Test
    void anImportRowWithAZoneOutsideTheWritersScopeIsReportedAndNothingIsStored() throws Exception {
        String code = newCreditCode();
        String csv = "credit_code,name,region_code,zone_code,industry_code\n%s,越权企业,%s,%s,FIREWORKS\n"
                .formatted(code, YAODU, LINFEN_ZONE);
        mvc.perform(multipart("/api/v1/enterprises/import").file(new MockMultipartFile("file", "e.csv", "text/csv",
                        csv.getBytes(StandardCharsets.UTF_8))).with(as("yaodu.safety")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].row").value(2)).andExpect(jsonPath("$.errors[0].field").value("zoneCode"));
        assertThat(jdbc.sql("select count(*) from enterprise.enterprise where credit_code = :c").param("c", code)
                .query(Long.class).single()).isZero();
    }

    @Test
    void hazardsRiskPointsDevicesAndConvertedReportsAreWrittenOnlyForEnterprisesInScope() throws Exception {
        long houma = enterprise(HOUMA);
        long yaodu = enterprise(YAODU);
        String houmaCode = jdbc.sql("select credit_code from enterprise.enterprise where id = :id").param("id", houma)
                .query(String.class).single();
        String hazard = """
                {"enterpriseId":%d,"place":"仓库","description":"消防通道堵塞","category":"OBJECT","level":"GENERAL",
                 "source":"GOVERNMENT"}""";
        refused("yaodu.safety", "/api/v1/hazards", hazard.formatted(houma), "enterpriseId");
        mvc.perform(post("/api/v1/hazards").with(as("yaodu.safety")).contentType(MediaType.APPLICATION_JSON)
                .content(hazard.formatted(yaodu))).andExpect(status().isCreated());
        String point = """
                {"enterpriseId":%d,"name":"储罐区","kind":"SITE","method":"LEC","l":3,"e":6,"c":7,
                 "controlMeasures":"巡检","responsiblePost":"班组长"}""";
        refused("yaodu.safety", "/api/v1/risk-points", point.formatted(houma), "enterpriseId");
        mvc.perform(post("/api/v1/risk-points").with(as("yaodu.safety")).contentType(MediaType.APPLICATION_JSON)
                .content(point.formatted(yaodu))).andExpect(status().is2xxSuccessful());
        refused("yaodu.safety", "/api/v1/monitoring/devices", """
                {"mn":"WRSCOPE00000001","systemType":"31","password":"123456","name":"越权设备","creditCode":"%s","outletCode":"DA001"}"""
                .formatted(houmaCode), "creditCode");
        String houmaStation = jdbc.sql("select min(code) from air.station where region_code = :r").param("r", HOUMA)
                .query(String.class).single();
        refused("yaodu.safety", "/api/v1/monitoring/devices", """
                {"mn":"WRSCOPE00000002","systemType":"22","password":"123456","name":"越权站点设备","stationCode":"%s"}"""
                .formatted(houmaStation), "stationCode");
        assertThat(jdbc.sql("select count(*) from monitoring.device where mn like 'WRSCOPE%'").query(Long.class).single()).isZero();

        String tracking = JsonPath.read(mvc.perform(post("/api/v1/public/citizen-reports")
                        .with(r -> { r.setRemoteAddr("10.9.2.1"); return r; }).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"regionCode\":\"141002\",\"place\":\"路口\",\"description\":\"占道经营\"}"))
                .andReturn().getResponse().getContentAsString(), "$.trackingCode");
        long report = jdbc.sql("select id from hazard.citizen_report where tracking_code = :c").param("c", tracking)
                .query(Long.class).single();
        refused("yaodu.safety", "/api/v1/citizen-reports/" + report + "/actions/convert",
                "{\"enterpriseId\":" + houma + ",\"version\":0}", "enterpriseId");
        assertThat(jdbc.sql("select count(*) from hazard.hazard where enterprise_id = :e and description = '占道经营'")
                .param("e", houma).query(Long.class).single()).isZero();
    }

    private void refused(String user, String path, String body, String field) throws Exception {
        mvc.perform(post(path).with(as(user)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value(field));
    }

    private void assertUpdate(String user, long id, String field, Object value, int expected) throws Exception {
        ObjectNode entry = (ObjectNode) JSON.readTree(mvc.perform(get("/api/v1/enterprises/" + id).with(as(user)))
                .andReturn().getResponse().getContentAsString());
        entry.putPOJO(field, value);
        String body = mvc.perform(put("/api/v1/enterprises/" + id).with(as(user)).contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(entry)))
                .andExpect(status().is(expected)).andReturn().getResponse().getContentAsString();
        if (expected == 400) {
            assertThat(JsonPath.<List<String>>read(body, "$.errors[*].field")).containsExactly(field);
        }
    }

    private static String enterprise(String code, String region, String zone, Long department) {
        return """
                {"creditCode":"%s","name":"范围测试企业","regionCode":"%s","zoneCode":%s,"departmentId":%s,
                 "industryCode":"FIREWORKS"}""".formatted(code, region, zone == null ? "null" : "\"" + zone + "\"",
                department == null ? "null" : department);
    }

    private static RequestPostProcessor as(String user) {
        return httpBasic(user, IntegrationTest.PASSWORD);
    }
}

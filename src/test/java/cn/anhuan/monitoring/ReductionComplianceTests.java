package cn.anhuan.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
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
 * During a heavy-pollution warning, the reduction list's enterprises are checked against their measured
 * emissions (received over HJ 212): one that did not cut as promised is listed, one action opens a hazard.
 */
@IntegrationTest
class ReductionComplianceTests {

    static final String ENTERPRISE = ReceiverTests.ENTERPRISE;
    static final String MN = "TESTRED0000001";
    static final DateTimeFormatter DATA_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Hj212Server server;
    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService users;

    /** A signed-in page user (pages use form login and sessions, not HTTP Basic). */
    RequestPostProcessor page(String name) {
        return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .user(users.loadUserByUsername(name));
    }

    static RequestPostProcessor as(String user) {
        return httpBasic(user, IntegrationTest.PASSWORD);
    }

    /** An hourly record: SO2 and NOx concentrations (mg/m³) and flue-gas flow (m³/s). */
    static String hourly(String qn, Instant hour, String so2, String nox, String flow) {
        return "QN=" + qn + ";ST=31;CN=2061;PW=654321;MN=" + MN + ";Flag=5;CP=&&DataTime=" + DATA_TIME.format(hour)
                + ";a21026-Avg=" + so2 + ",a21026-Flag=N;a21002-Avg=" + nox + ",a21002-Flag=N;a00000-Avg=" + flow
                + ",a00000-Flag=N&&";
    }

    @Test
    void anEnterpriseThatDidNotCutAsPromisedIsListedAndOneActionOpensAHazard() throws Exception {
        String unmonitored = jdbc.sql("""
                select credit_code from enterprise.enterprise e where region_code = '141002'
                  and credit_code <> :e and not exists (select 1 from monitoring.device d where d.enterprise_id = e.id)
                order by id limit 1""").param("e", ENTERPRISE).query(String.class).single();
        jdbc.sql("update air.warning set status = 'LIFTED', lifted_at = now() where status = 'ACTIVE'").update();
        mvc.perform(post("/api/v1/monitoring/devices").with(as("admin")).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"mn":"%s","password":"654321","systemType":"31","name":"减排核查排口",
                         "creditCode":"%s","outletCode":"DA010","expectedIntervalSeconds":3600}"""
                        .formatted(MN, ENTERPRISE))).andExpect(status().isCreated());
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(2, ChronoUnit.HOURS);
        try (Hj212Client c = new Hj212Client(server.port())) {
            int qn = 0;
            for (int h = 5; h >= 3; h--) {
                c.send(hourly("2026010110000000" + qn++, start.minus(h, ChronoUnit.HOURS), "100", "200", "10"));
            }
            for (int h = 0; h <= 1; h++) {
                c.send(hourly("2026010110000000" + qn++, start.plus(h, ChronoUnit.HOURS), "95", "50", "10"));
            }
            assertThat(c.replies(5, 15_000)).as("every record acknowledged after commit").hasSize(5);
        }
        mvc.perform(post("/api/v1/air/reduction-list").with(as("city.env")).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"level":"ORANGE","enterpriseCode":"%s","enterpriseName":"核查企业","regionCode":"141002",
                         "measures":"脱硫设施满负荷运行，限产 30%%","so2":0.04,"nox":0.1,"pm":0,"vocs":0}"""
                        .formatted(ENTERPRISE))).andExpect(status().isCreated());
        mvc.perform(post("/api/v1/air/reduction-list").with(as("city.env")).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"level":"ORANGE","enterpriseCode":"%s","enterpriseName":"无监控企业",
                         "regionCode":"141002","measures":"停产","so2":0.5,"nox":0,"pm":0,"vocs":0}""".formatted(unmonitored)))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/monitoring/reduction-compliance").with(as("city.env")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.warning").doesNotExist());

        String warning = mvc.perform(post("/api/v1/air/warnings").with(as("city.env"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"level":"ORANGE","documentNo":"临环发〔2026〕9号","reason":"减排核查测试","startsAt":"%s"}"""
                                .formatted(start)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long warningId = ((Number) JsonPath.read(warning, "$.id")).longValue();
        try {
            // SO2: baseline 100 mg/m³ × 10 m³/s = 0.0864 t/d; promised cut 0.04 -> at most 0.0464 (+0.004
            // tolerance); measured 95 × 10 = 0.08208 t/d: not cut. NOx: 0.1728 - 0.1 = 0.0728; measured 0.0432.
            String body = mvc.perform(get("/api/v1/monitoring/reduction-compliance").with(as("city.env")))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.warning.id").value(warningId))
                    .andReturn().getResponse().getContentAsString();
            List<Object> so2 = JsonPath.read(body, "$.lines[?(@.enterpriseCode == '" + ENTERPRISE
                    + "' && @.pollutant == 'SO2')]");
            assertThat(so2).hasSize(1);
            assertThat(JsonPath.<String>read(so2.get(0), "$.verdict")).isEqualTo("NOT_REDUCED");
            assertThat(((Number) JsonPath.read(so2.get(0), "$.baseline")).doubleValue()).isCloseTo(0.0864, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(((Number) JsonPath.read(so2.get(0), "$.measured")).doubleValue()).isCloseTo(0.08208, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(((Number) JsonPath.read(so2.get(0), "$.expected")).doubleValue()).isCloseTo(0.0464, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(((Number) JsonPath.read(so2.get(0), "$.baselineValues")).intValue()).isEqualTo(3);
            assertThat(((Number) JsonPath.read(so2.get(0), "$.measuredValues")).intValue()).isEqualTo(2);
            List<String> nox = JsonPath.read(body, "$.lines[?(@.enterpriseCode == '" + ENTERPRISE
                    + "' && @.pollutant == 'NOX')].verdict");
            assertThat(nox).containsExactly("REDUCED");
            List<String> none = JsonPath.read(body, "$.lines[?(@.enterpriseCode == '" + unmonitored + "')].verdict");
            assertThat(none).containsExactly("NO_DEVICE");
            assertThat(JsonPath.<List<String>>read(body, "$.lines[*].verdict").get(0)).as("inspection first")
                    .isEqualTo("NOT_REDUCED");

            // Scope: the enterprise sees its own lines only, another county none of them.
            mvc.perform(get("/api/v1/monitoring/reduction-compliance").with(as("demo.officer")))
                    .andExpect(jsonPath("$.lines[*].enterpriseCode", Matchers.everyItem(Matchers.is(ENTERPRISE))))
                    .andExpect(jsonPath("$.lines.length()").value(2));
            mvc.perform(get("/api/v1/monitoring/reduction-compliance").with(as("houma.safety")))
                    .andExpect(jsonPath("$.lines.length()").value(0));
            mvc.perform(get("/api/v1/monitoring/reduction-compliance").with(as("city.housing")))
                    .andExpect(jsonPath("$.lines.length()").value(0));
            long item = ((Number) JsonPath.<List<Object>>read(body, "$.lines[?(@.pollutant == 'SO2' && @.enterpriseCode == '"
                    + ENTERPRISE + "')].itemId").get(0)).longValue();
            long noDevice = ((Number) JsonPath.<List<Object>>read(body,
                    "$.lines[?(@.enterpriseCode == '" + unmonitored + "')].itemId").get(0)).longValue();

            mvc.perform(post("/api/v1/monitoring/reduction-compliance/" + item + "/actions/open-hazard")
                    .with(as("demo.officer"))).andExpect(status().isForbidden());
            mvc.perform(post("/api/v1/monitoring/reduction-compliance/" + item + "/actions/open-hazard")
                    .with(as("houma.safety"))).andExpect(status().isNotFound());
            mvc.perform(post("/api/v1/monitoring/reduction-compliance/" + noDevice + "/actions/open-hazard")
                    .with(as("yaodu.safety"))).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("itemId"));
            String opened = mvc.perform(post("/api/v1/monitoring/reduction-compliance/" + item
                            + "/actions/open-hazard").with(as("yaodu.safety")))
                    .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
            long hazard = ((Number) JsonPath.read(opened, "$.hazardId")).longValue();
            mvc.perform(get("/api/v1/hazards/" + hazard).with(as("demo.officer")))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.source").value("GOVERNMENT"))
                    .andExpect(jsonPath("$.description", Matchers.containsString("SO2")))
                    .andExpect(jsonPath("$.description", Matchers.containsString("临环发〔2026〕9号")));
            mvc.perform(post("/api/v1/monitoring/reduction-compliance/" + item + "/actions/open-hazard")
                    .with(as("yaodu.safety"))).andExpect(status().isBadRequest());
            mvc.perform(get("/api/v1/monitoring/reduction-compliance").with(as("city.env")))
                    .andExpect(jsonPath("$.lines[?(@.itemId == " + item + ")].hazardId",
                            Matchers.everyItem(Matchers.is((int) hazard))));
            assertThat(jdbc.sql("select count(*) from audit.entry where action = 'monitoring.reduction.hazardOpened'"
                    + " and entity_id = :i").param("i", Long.toString(item)).query(Long.class).single()).isEqualTo(1);

            String page = mvc.perform(get("/monitoring/reduction").with(page("yaodu.safety")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(page).contains("未按承诺减排").contains("无废气在线监控设备").contains("#" + hazard);
            mvc.perform(post("/monitoring/reduction/" + noDevice + "/open-hazard").with(page("yaodu.safety")).with(csrf()))
                    .andExpect(status().is3xxRedirection());
        } finally {
            int version = jdbc.sql("select version from air.warning where id = :id").param("id", warningId)
                    .query(Integer.class).single();
            mvc.perform(post("/api/v1/air/warnings/" + warningId + "/actions/lift").with(as("city.env"))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"测试结束\",\"version\":" + version + "}"))
                    .andExpect(status().isOk());
        }
        mvc.perform(get("/monitoring/reduction").with(page("yaodu.safety")))
                .andExpect(status().isOk()).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                        .content().string(Matchers.containsString("当前没有生效的重污染天气预警")));
    }
}

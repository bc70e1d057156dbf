package cn.anhuan.hazard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneId;

import cn.anhuan.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The whole loop of a major hazard, the short path, extensions, overdue, conflicts and scope. */
@IntegrationTest
class HazardLoopTests {

    static final String DEMO = "911410023123456732";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aMajorHazardGoesRoundTheLoopWithTheGovernmentAccepting() throws Exception {
        long enterprise = demoEnterprise();
        mvc.perform(post("/api/v1/hazards").with(as("yaodu.inspector")).contentType(MediaType.APPLICATION_JSON)
                        .content(report(enterprise, "MAJOR", null, "GOVERNMENT")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("basis"));
        int id = JsonPath.read(mvc.perform(post("/api/v1/hazards").with(as("yaodu.inspector"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(report(enterprise, "MAJOR", "工贸行业重大事故隐患判定标准 第四条", "GOVERNMENT")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("REPORTED"))
                .andReturn().getResponse().getContentAsString(), "$.id");
        String deadline = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30).toString();

        act(id, "submit", "officer", "{\"version\":0,\"note\":\"跳步\"}").andExpect(status().isConflict());
        act(id, "assign", "yaodu.safety", "{\"version\":0,\"responsiblePerson\":\"王厂长\",\"measures\":\"更换泄压阀\","
                + "\"deadline\":\"" + deadline + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", Matchers.containsInAnyOrder("funds", "contingencyPlan")));
        act(id, "assign", "yaodu.safety", "{\"version\":0,\"responsiblePerson\":\"王厂长\",\"measures\":\"更换泄压阀\","
                + "\"deadline\":\"" + deadline + "\",\"funds\":50000,\"contingencyPlan\":\"停产并疏散\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ASSIGNED"));
        act(id, "submit", "officer", "{\"version\":1,\"note\":\"已更换，附整改后照片\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SUBMITTED"));
        act(id, "accept", "officer", "{\"version\":2}").andExpect(status().isForbidden());
        act(id, "reject", "yaodu.safety", "{\"version\":2,\"note\":\"照片不清晰\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ASSIGNED"))
                .andExpect(jsonPath("$.rejections").value(1));
        act(id, "submit", "officer", "{\"version\":3,\"note\":\"补充清晰照片\"}").andExpect(status().isOk());
        act(id, "accept", "yaodu.safety", "{\"version\":4,\"note\":\"验收合格\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.closedBy").value("yaodu.safety"))
                .andExpect(jsonPath("$.timeline[*].action", Matchers.contains("REPORT", "ASSIGN", "SUBMIT", "REJECT",
                        "SUBMIT", "ACCEPT")));
        act(id, "reject", "yaodu.safety", "{\"version\":5,\"note\":\"x\"}").andExpect(status().isConflict());
        mvc.perform(get("/api/v1/hazards/" + id).with(as("houma.safety"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/hazards/" + id + "/history").with(as("leader")))
                .andExpect(jsonPath("$.length()").value(6));
    }

    @Test
    void aMajorHazardIsListedAndDelistedOnlyAfterAcceptance() throws Exception {
        int id = JsonPath.read(mvc.perform(post("/api/v1/hazards").with(as("yaodu.inspector"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(report(demoEnterprise(), "MAJOR", "危险化学品重大隐患判定标准 第三条", "GOVERNMENT")))
                .andReturn().getResponse().getContentAsString(), "$.id");
        String listing = "{\"documentNo\":\"尧应急督〔2026〕3号\",\"supervisingUnit\":\"尧都区应急管理局\","
                + "\"supervisor\":\"张局长\",\"deadline\":\"2099-01-01\"}";
        mvc.perform(post("/api/v1/hazards/" + id + "/listing").with(as("yaodu.inspector"))
                .contentType(MediaType.APPLICATION_JSON).content(listing)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/hazards/" + id + "/listing").with(as("yaodu.safety"))
                        .contentType(MediaType.APPLICATION_JSON).content(listing))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.documentNo").value("尧应急督〔2026〕3号"));
        mvc.perform(post("/api/v1/hazards/" + id + "/listing").with(as("yaodu.safety"))
                .contentType(MediaType.APPLICATION_JSON).content(listing)).andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/hazards/" + id + "/listing/delist").with(as("yaodu.safety"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"提前摘牌\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("status"));
        act(id, "assign", "yaodu.safety", "{\"version\":0,\"responsiblePerson\":\"甲\",\"measures\":\"乙\","
                + "\"deadline\":\"2099-01-01\",\"funds\":1000,\"contingencyPlan\":\"丙\"}").andExpect(status().isOk());
        act(id, "submit", "officer", "{\"version\":1,\"note\":\"完成\"}").andExpect(status().isOk());
        act(id, "accept", "yaodu.safety", "{\"version\":2}").andExpect(status().isOk());
        mvc.perform(post("/api/v1/hazards/" + id + "/listing/delist").with(as("yaodu.safety"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"验收合格摘牌\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.delistedBy").value("yaodu.safety"));
        mvc.perform(get("/api/v1/hazards/" + id).with(as("leader")))
                .andExpect(jsonPath("$.timeline[*].action", Matchers.contains("REPORT", "LIST", "ASSIGN", "SUBMIT",
                        "ACCEPT", "DELIST")));
        mvc.perform(post("/api/v1/hazards/" + general("GOVERNMENT", "yaodu.inspector") + "/listing")
                        .with(as("yaodu.safety")).contentType(MediaType.APPLICATION_JSON).content(listing))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("level"));
    }

    @Test
    void twoUsersActingAtOnceOneWinsTheOtherIsTold() throws Exception {
        int id = general("GOVERNMENT", "yaodu.inspector");
        act(id, "rectify-on-the-spot", "yaodu.inspector", "{\"version\":0,\"note\":\"当场整改\"}").andExpect(status().isOk());
        act(id, "assign", "yaodu.safety", "{\"version\":0,\"responsiblePerson\":\"x\",\"measures\":\"y\",\"deadline\":\"2099-01-01\"}")
                .andExpect(status().isConflict());
        int other = general("GOVERNMENT", "yaodu.inspector");
        String assign = "{\"version\":0,\"responsiblePerson\":\"甲\",\"measures\":\"乙\",\"deadline\":\"2099-01-01\"}";
        act(other, "assign", "yaodu.safety", assign).andExpect(status().isOk());
        act(other, "request-extension", "officer", "{\"version\":0,\"deadline\":\"2099-02-01\",\"note\":\"晚到\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("他人修改")));
    }

    @Test
    void anExtensionIsRequestedAndDecidedAndOverdueHazardsAreFound() throws Exception {
        int id = general("SELF", "officer");
        act(id, "assign", "officer", "{\"version\":0,\"responsiblePerson\":\"甲\",\"measures\":\"乙\",\"deadline\":\""
                + LocalDate.now(ZoneId.of("Asia/Shanghai")) + "\"}").andExpect(status().isOk());
        act(id, "request-extension", "officer", "{\"version\":1,\"deadline\":\"2099-03-01\",\"note\":\"备件未到\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.openExtension.reason").value("备件未到"));
        act(id, "decide-extension", "officer", "{\"version\":2,\"approve\":true}").andExpect(status().isForbidden());
        act(id, "decide-extension", "yaodu.safety", "{\"version\":2,\"approve\":true,\"note\":\"同意\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.deadline").value("2099-03-01"))
                .andExpect(jsonPath("$.openExtension").value(Matchers.nullValue()));
        jdbc.sql("update hazard.hazard set deadline = current_date - 3 where id = :id").param("id", id).update();
        mvc.perform(get("/api/v1/hazards").param("overdue", "true").with(as("yaodu.safety")))
                .andExpect(jsonPath("$[*].id", Matchers.hasItem(id)))
                .andExpect(jsonPath("$[?(@.id==" + id + ")].overdue").value(Matchers.hasItem(true)));
        mvc.perform(get("/api/v1/hazards/counts").with(as("yaodu.safety")))
                .andExpect(jsonPath("$.overdue").value(Matchers.greaterThanOrEqualTo(1)));
        act(id, "submit", "officer", "{\"version\":3,\"note\":\"完成\"}").andExpect(status().isOk());
        act(id, "accept", "officer", "{\"version\":4}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"));
    }

    @Test
    void anEnterpriseRecordsOnlyItsOwnSelfInspection() throws Exception {
        mvc.perform(post("/api/v1/hazards").with(as("officer")).contentType(MediaType.APPLICATION_JSON)
                        .content(report(demoEnterprise(), "GENERAL", null, "GOVERNMENT")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("source"));
        long other = jdbc.sql("select min(id) from enterprise.enterprise where region_code = '141002' and credit_code <> :c")
                .param("c", DEMO).query(Long.class).single();
        mvc.perform(post("/api/v1/hazards").with(as("officer")).contentType(MediaType.APPLICATION_JSON)
                        .content(report(other, "GENERAL", null, "SELF")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("enterpriseId"));
        mvc.perform(post("/api/v1/hazards").with(as("leader")).contentType(MediaType.APPLICATION_JSON)
                        .content(report(other, "GENERAL", null, "GOVERNMENT")))
                .andExpect(status().isForbidden());
    }

    @Test
    void thePagesWalkTheLoopWithTheRightButtons() throws Exception {
        var inspector = user(details.loadUserByUsername("yaodu.inspector"));
        long enterprise = demoEnterprise();
        mvc.perform(get("/hazards").param("enterprise", String.valueOf(enterprise)).with(inspector))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("hazard-report")));
        String location = mvc.perform(post("/hazards").with(inspector).with(csrf())
                        .param("enterpriseId", String.valueOf(enterprise)).param("place", "配电室")
                        .param("description", "电缆沟积水").param("category", "OBJECT").param("level", "GENERAL")
                        .param("source", "GOVERNMENT"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String name = jdbc.sql("select name from enterprise.enterprise where id = :id").param("id", enterprise)
                .query(String.class).single();
        mvc.perform(get("/hazards").param("enterprise", String.valueOf(enterprise)).with(inspector))
                .andExpect(content().string(Matchers.containsString(">" + name + "</a>")));
        mvc.perform(get(location).with(inspector)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(">" + name + "</a>")))
                .andExpect(content().string(Matchers.containsString("action-assign")))
                .andExpect(content().string(Matchers.containsString("action-rectify-on-the-spot")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("action-accept"))));
        mvc.perform(post(location + "/no-such-action").with(inspector).with(csrf()).param("version", "0"))
                .andExpect(status().isNotFound());
        mvc.perform(post(location + "/rectify-on-the-spot").with(inspector).with(csrf())
                        .param("version", "0").param("note", "已排水"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(location).with(user(details.loadUserByUsername("leader")))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("已销号")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("action-"))));
    }

    @Test
    void theExportHoldsOnlyTheCallersHazards() throws Exception {
        general("GOVERNMENT", "yaodu.inspector");
        byte[] bytes = mvc.perform(get("/api/v1/hazards/export.xlsx").with(as("houma.safety")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            var sheet = wb.getSheetAt(0);
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                assertThat(sheet.getRow(i).getCell(2).getStringCellValue())
                        .isEqualTo("141081");
            }
        }
        byte[] yaodu = mvc.perform(get("/api/v1/hazards/export.xlsx").with(as("yaodu.safety")))
                .andReturn().getResponse().getContentAsByteArray();
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(yaodu))) {
            assertThat(wb.getSheetAt(0).getLastRowNum()).isGreaterThan(0);
        }
    }

    @Autowired
    UserDetailsService details;

    private int general(String source, String user) throws Exception {
        return JsonPath.read(mvc.perform(post("/api/v1/hazards").with(as(user)).contentType(MediaType.APPLICATION_JSON)
                        .content(report(demoEnterprise(), "GENERAL", null, source)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
    }

    private ResultActions act(int id, String action, String user, String body) throws Exception {
        return mvc.perform(post("/api/v1/hazards/" + id + "/actions/" + action).with(as(user))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private long demoEnterprise() {
        return jdbc.sql("select id from enterprise.enterprise where credit_code = :c").param("c", DEMO)
                .query(Long.class).single();
    }

    private static String report(long enterprise, String level, String basis, String source) {
        return """
                {"enterpriseId":%d,"place":"液氯储罐区","description":"泄压阀失效","category":"OBJECT","level":"%s",
                 "basis":%s,"source":"%s"}""".formatted(enterprise, level, basis == null ? "null" : "\"" + basis + "\"",
                source);
    }

    private static RequestPostProcessor as(String user) {
        return httpBasic(user.equals("officer") ? "demo.officer" : user, IntegrationTest.PASSWORD);
    }
}

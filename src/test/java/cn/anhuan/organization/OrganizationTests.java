package cn.anhuan.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The organisation is data: administrators edit it, every edit is audited, others see their part. */
@IntegrationTest
class OrganizationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    @Test
    void theLinfenTreeIsLoadedWithItsCountiesAndZones() {
        assertThat(jdbc.sql("select count(*) from organization.region where parent_code = '141000'")
                .query(Long.class).single()).isEqualTo(19);
        assertThat(jdbc.sql("select name from organization.region where code = 'Z14100002'").query(String.class)
                .single()).isEqualTo("侯马经济开发区");
        assertThat(jdbc.sql("select count(*) from organization.department where region_code = '141000'")
                .query(Long.class).single()).isEqualTo(15);
    }

    @Test
    void aNewTownshipIsVisibleToItsCountyOnlyAndItsCreationIsAudited() throws Exception {
        mvc.perform(post("/api/v1/regions").with(as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code":"141002101","parentCode":"141002","kind":"TOWNSHIP",
                                 "name":"屯里镇","nameEn":"Tunli Town"}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.path").value("/141000/141002/141002101/"));
        mvc.perform(get("/api/v1/regions").with(as("yaodu.safety")))
                .andExpect(jsonPath("$[*].code", Matchers.hasItem("141002101")));
        mvc.perform(get("/api/v1/regions").with(as("houma.safety")))
                .andExpect(jsonPath("$[*].code", Matchers.not(Matchers.hasItem("141002101"))));
        mvc.perform(get("/api/v1/regions/141002101/history").with(as("yaodu.safety")))
                .andExpect(jsonPath("$[0].action").value("region.created"))
                .andExpect(jsonPath("$[0].actor").value("admin"))
                .andExpect(jsonPath("$[0].newValue").value(Matchers.containsString("屯里镇")));
    }

    @Test
    void onlyAdministratorsChangeTheOrganisation() throws Exception {
        mvc.perform(post("/api/v1/regions").with(as("yaodu.safety")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code":"141002102","parentCode":"141002","kind":"TOWNSHIP","name":"x","nameEn":"x"}"""))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/industry-supervision").with(as("leader")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"industryCode":"TOURISM","level":"CITY","departmentKind":"FIRE","role":"JOINT"}"""))
                .andExpect(status().isForbidden());
    }

    @Test
    void badInputGetsATranslatedProblemNamingTheField() throws Exception {
        mvc.perform(post("/api/v1/regions").with(as("admin")).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code":"bad code","parentCode":"141002","kind":"TOWNSHIP","name":"","nameEn":"x"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", Matchers.containsInAnyOrder("code", "name")))
                .andExpect(jsonPath("$.errors[?(@.field=='code')].message")
                        .value(Matchers.hasItem("A region code has 6 to 12 digits or capital letters.")));
        mvc.perform(post("/api/v1/departments").with(as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"kind":"EMERGENCY","regionCode":"141002","name":"重复","nameEn":"Duplicate"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("kind"))
                .andExpect(jsonPath("$.detail").value("该区划已有此类型的部门。"));
    }

    @Test
    void aStaleEditIsRefusedAndNothingIsOverwritten() throws Exception {
        int id = JsonPath.read(mvc.perform(post("/api/v1/departments").with(as("admin"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"kind":"WATER","regionCode":"141081","name":"侯马市水利局","nameEn":"Houma Water Bureau"}"""))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        int version = JsonPath.read(mvc.perform(get("/api/v1/departments/" + id).with(as("admin")))
                .andReturn().getResponse().getContentAsString(), "$.version");
        String first = """
                {"kind":"WATER","regionCode":"141081","name":"第一次","nameEn":"First","version":%d}""".formatted(version);
        String second = """
                {"kind":"WATER","regionCode":"141081","name":"第二次","nameEn":"Second","version":%d}""".formatted(version);
        mvc.perform(put("/api/v1/departments/" + id).with(as("admin")).contentType(MediaType.APPLICATION_JSON)
                .content(first)).andExpect(status().isOk());
        mvc.perform(put("/api/v1/departments/" + id).with(as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content(second))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("已被他人修改")));
        assertThat(jdbc.sql("select name from organization.department where id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("第一次");
    }

    @Test
    void theResponsibilityMapKeepsOneLeadPerIndustryAndLevel() throws Exception {
        mvc.perform(put("/api/v1/industry-supervision").with(as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"industryCode":"TOURISM","level":"COUNTY","departmentKind":"MARKET","role":"LEAD"}"""))
                .andExpect(status().isOk());
        List<String> leads = jdbc.sql("""
                select department_kind from organization.industry_supervision
                where industry_code = 'TOURISM' and level = 'COUNTY' and role = 'LEAD'""").query(String.class).list();
        assertThat(leads).containsExactly("MARKET");
        mvc.perform(delete("/api/v1/industry-supervision/TOURISM/COUNTY/MARKET").with(as("admin")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("departmentKind"));
        mvc.perform(delete("/api/v1/industry-supervision/TOURISM/COUNTY/CULTURE_TOURISM").with(as("admin")))
                .andExpect(status().isNoContent());
        assertThat(jdbc.sql("select count(*) from audit.entry where entity_type = 'industry-supervision'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aFormWithErrorsShowsThemInPlaceAndKeepsWhatWasTyped() throws Exception {
        mvc.perform(post("/regions").with(as("admin")).with(csrf())
                        .param("code", "bad").param("parentCode", "141002").param("kind", "TOWNSHIP")
                        .param("name", "我输入的名称").param("nameEn", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("is-invalid")))
                .andExpect(content().string(Matchers.containsString("区划代码应为 6 至 12 位数字或大写字母。")))
                .andExpect(content().string(Matchers.containsString("value=\"我输入的名称\"")));
    }

    @Test
    void theLanguageSwitchSticksForTheSession() throws Exception {
        var session = mvc.perform(get("/regions").param("lang", "en").with(as("leader")))
                .andExpect(content().string(Matchers.containsString("Yaodu District")))
                .andReturn().getRequest().getSession();
        mvc.perform(get("/regions").session((org.springframework.mock.web.MockHttpSession) session).with(as("leader")))
                .andExpect(content().string(Matchers.containsString("Prefecture-level city")));
        mvc.perform(get("/regions").param("lang", "zh-CN").session((org.springframework.mock.web.MockHttpSession) session)
                        .with(as("leader")))
                .andExpect(content().string(Matchers.containsString("尧都区")));
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }
}

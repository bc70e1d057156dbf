package cn.anhuan.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.anhuan.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Account administration: create, role and scope rules, password policy, disable, reset; all audited. */
@IntegrationTest
class UserAccountsTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AccountUserDetailsService users;

    @Test
    void anAdministratorCreatesAnInspectorWhoThenSeesOnlyItsCounty() throws Exception {
        mvc.perform(post("/api/v1/users").with(as("admin")).contentType(MediaType.APPLICATION_JSON).content("""
                        {"username":"quwo.inspector2","displayName":"曲沃县检查员二","role":"INSPECTOR",
                         "regionCode":"141021","password":"Quwo-inspect-2026"}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.regionCode").value("141021"));
        mvc.perform(get("/api/v1/regions").with(httpBasic("quwo.inspector2", "Quwo-inspect-2026")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].code").value("141021"));
        assertThat(jdbc.sql("select new_value from audit.entry where action = 'user.created' and new_value like '%quwo.inspector2%'")
                .query(String.class).single()).doesNotContain("password").contains("\"role\":\"INSPECTOR\"");
    }

    @Test
    void roleAndRegionMustFitTogether() throws Exception {
        mvc.perform(post("/api/v1/users").with(as("admin")).contentType(MediaType.APPLICATION_JSON).content("""
                        {"username":"wrong.level","displayName":"x","role":"COUNTY_SUPERVISOR",
                         "regionCode":"141000","password":"Good-password-1"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("regionCode"));
        mvc.perform(post("/api/v1/users").with(as("admin")).contentType(MediaType.APPLICATION_JSON).content("""
                        {"username":"no.department","displayName":"x","role":"DEPARTMENT_SUPERVISOR",
                         "regionCode":"141000","password":"Good-password-1"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("departmentId"));
        mvc.perform(post("/api/v1/users").with(as("admin")).contentType(MediaType.APPLICATION_JSON).content("""
                        {"username":"weak.password","displayName":"x","role":"INSPECTOR",
                         "regionCode":"141002","password":"short"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("password"));
        mvc.perform(post("/api/v1/users").with(as("admin")).contentType(MediaType.APPLICATION_JSON).content("""
                        {"username":"admin","displayName":"x","role":"INSPECTOR",
                         "regionCode":"141002","password":"Good-password-1"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("username"));
    }

    @Test
    void theNewUserFormKeepsWhatWasTypedAndShowsTheError() throws Exception {
        mvc.perform(post("/admin/users").with(as("admin")).with(csrf())
                        .param("username", "form.user").param("displayName", "表单用户").param("role", "INSPECTOR")
                        .param("regionCode", "141002").param("password", "weak"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("密码至少 10 位")))
                .andExpect(content().string(Matchers.containsString("value=\"表单用户\"")));
    }

    @Test
    void aPasswordResetReplacesTheOldPasswordAndIsAudited() throws Exception {
        long id = JsonPath.<Integer>read(mvc.perform(post("/api/v1/users").with(as("admin"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"username":"reset.me","displayName":"x","role":"INSPECTOR",
                         "regionCode":"141081","password":"First-password-1"}"""))
                .andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(post("/api/v1/users/" + id + "/reset-password").with(as("admin"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"password\":\"Second-password-2\",\"version\":0}"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/me").with(httpBasic("reset.me", "First-password-1"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/me").with(httpBasic("reset.me", "Second-password-2"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/users/" + id + "/history").with(as("admin")))
                .andExpect(jsonPath("$[*].action", Matchers.hasItems("user.created", "user.password-reset")));
    }

    @Test
    void aDisabledUserCannotSignInAndAnAdministratorCannotDisableItself() throws Exception {
        long id = JsonPath.<Integer>read(mvc.perform(post("/api/v1/users").with(as("admin"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"username":"to.disable","displayName":"x","role":"INSPECTOR",
                         "regionCode":"141081","password":"Disable-me-2026"}"""))
                .andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(post("/api/v1/users/" + id + "/disable").param("version", "0").with(as("admin")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/me").with(httpBasic("to.disable", "Disable-me-2026"))).andExpect(status().isUnauthorized());
        long adminId = jdbc.sql("select id from identity.app_user where username = 'admin'").query(Long.class).single();
        mvc.perform(post("/api/v1/users/" + adminId + "/disable").param("version", "0").with(as("admin")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("enabled"));
    }

    @Test
    void aRoleChangeWithAStaleVersionIsRefused() throws Exception {
        long id = JsonPath.<Integer>read(mvc.perform(post("/api/v1/users").with(as("admin"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"username":"stale.user","displayName":"x","role":"INSPECTOR",
                         "regionCode":"141081","password":"Stale-user-2026"}"""))
                .andReturn().getResponse().getContentAsString(), "$.id");
        String change = """
                {"displayName":"y","role":"COUNTY_SUPERVISOR","regionCode":"141081","version":0}""";
        mvc.perform(put("/api/v1/users/" + id).with(as("admin")).contentType(MediaType.APPLICATION_JSON).content(change))
                .andExpect(status().isOk()).andExpect(jsonPath("$.role").value("COUNTY_SUPERVISOR"));
        mvc.perform(put("/api/v1/users/" + id).with(as("admin")).contentType(MediaType.APPLICATION_JSON).content(change))
                .andExpect(status().isConflict());
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }
}

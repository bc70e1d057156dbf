package cn.anhuan.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import cn.anhuan.IntegrationTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * An enterprise's safety officer keeps its own details up to date (address, location, scale, employees, legal
 * representative, safety manager and phone), on the page and over the API, and nothing else: identity and
 * supervision stay with the government editors; other enterprises stay out of reach; every change is audited.
 */
@IntegrationTest
class EnterpriseDetailsTests {

    static final String OWN = "911410023123456732";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    EnterpriseService enterprises;

    @Test
    void theOfficerChangesItsOwnDetailsAndOnlyThose() throws Exception {
        long id = enterprise(OWN);
        Map<String, Object> before = row(id);
        int version = ((Number) before.get("version")).intValue();

        mvc.perform(put("/api/v1/enterprises/" + id + "/details").with(as("demo.officer"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"address":"尧都区河汾路 8 号","latitude":36.0801,"longitude":111.5190,"scale":"MEDIUM",
                                 "employees":412,"legalRepresentative":"王建国","safetyManager":"李安全",
                                 "safetyManagerPhone":"0357-2345678","version":%d}""".formatted(version)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.employees").value(412))
                .andExpect(jsonPath("$.safetyManager").value("李安全"))
                .andExpect(jsonPath("$.version").value(version + 1));

        Map<String, Object> after = row(id);
        assertThat(after.get("address")).isEqualTo("尧都区河汾路 8 号");
        assertThat(after.get("scale")).isEqualTo("MEDIUM");
        assertThat(after.get("legal_representative")).isEqualTo("王建国");
        assertThat(after.get("safety_manager_phone")).isEqualTo("0357-2345678");
        for (String kept : new String[] {"credit_code", "name", "region_code", "zone_code", "industry_code",
                "department_id", "standardization_grade", "status", "key_pollutant_unit"}) {
            assertThat(after.get(kept)).as(kept).isEqualTo(before.get(kept));
        }
        Map<String, Object> audit = jdbc.sql("""
                select actor, old_value as old, new_value as new from audit.entry
                where entity_type = 'enterprise' and entity_id = :id and action = 'enterprise.details.updated'
                order by id desc limit 1""").param("id", Long.toString(id)).query().singleRow();
        assertThat(audit.get("actor")).isEqualTo("demo.officer");
        assertThat((String) audit.get("new")).contains("李安全", "412");
        mvc.perform(get("/api/v1/enterprises/" + id + "/history").with(as("demo.officer")))
                .andExpect(jsonPath("$[*].action", Matchers.hasItem("enterprise.details.updated")));

        // The whole entry stays with the editors.
        mvc.perform(put("/api/v1/enterprises/" + id).with(as("demo.officer")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"creditCode":"%s","name":"改名","regionCode":"141081","industryCode":"FIREWORKS"}"""
                                .formatted(OWN)))
                .andExpect(status().isForbidden());
        // The same version again is stale: told, nothing overwritten.
        mvc.perform(put("/api/v1/enterprises/" + id + "/details").with(as("demo.officer"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"employees\":1,\"version\":%d}".formatted(version)))
                .andExpect(status().isConflict());
        assertThat(row(id).get("employees")).isEqualTo(412);
    }

    @Test
    void noOneReachesAnotherEnterprisesDetails() throws Exception {
        long other = jdbc.sql("""
                select id from enterprise.enterprise where region_code = '141002' and credit_code <> :own
                order by id limit 1""").param("own", OWN).query(Long.class).single();
        long elsewhere = jdbc.sql("select id from enterprise.enterprise where region_code = '141081' order by id limit 1")
                .query(Long.class).single();
        mvc.perform(put("/api/v1/enterprises/" + other + "/details").with(as("demo.officer"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"employees\":1}"))
                .andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/enterprises/" + elsewhere + "/details").with(as("yaodu.safety"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"employees\":1}"))
                .andExpect(status().isNotFound());
        // An industry department reads but does not edit.
        mvc.perform(put("/api/v1/enterprises/" + other + "/details").with(as("city.housing"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"employees\":1}"))
                .andExpect(status().is(Matchers.anyOf(Matchers.is(403), Matchers.is(404))));
        assertThat(row(other).get("employees")).isNotEqualTo(1);
        assertThat(row(elsewhere).get("employees")).isNotEqualTo(1);
    }

    @Test
    void badDetailsAreEachNamedAndNothingIsStored() throws Exception {
        long id = enterprise(OWN);
        Object employees = row(id).get("employees");
        mvc.perform(put("/api/v1/enterprises/" + id + "/details").with(as("demo.officer"))
                        .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"employees":-3,"latitude":123,"safetyManagerPhone":"call me","scale":"HUGE"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", Matchers.containsInAnyOrder(
                        "employees", "latitude", "safetyManagerPhone", "scale")));
        assertThat(row(id).get("employees")).isEqualTo(employees);
    }

    @Test
    void theOfficerKeepsTheDetailsOnTheEnterprisePage() throws Exception {
        long id = enterprise(OWN);
        RequestPostProcessor officer = user(accounts.loadUserByUsername("demo.officer"));
        mvc.perform(get("/enterprises/" + id).with(officer))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"enterprise-details\"")))
                .andExpect(content().string(Matchers.containsString("本企业可自行维护")));
        int version = ((Number) row(id).get("version")).intValue();

        mvc.perform(post("/enterprises/" + id + "/details").with(officer).with(csrf())
                        .param("address", "尧都区鼓楼南街 1 号").param("employees", "-1")
                        .param("safetyManager", "赵安全").param("version", Integer.toString(version)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("is-invalid")));
        assertThat(row(id).get("safety_manager")).isNotEqualTo("赵安全");
        // A word where a number belongs: the field is named in the page's language, nothing is stored.
        mvc.perform(post("/enterprises/" + id + "/details").with(officer).with(csrf())
                        .param("employees", "许多").param("latitude", "north").param("safetyManager", "赵安全")
                        .param("version", Integer.toString(version)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("格式不正确")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Failed to convert"))));
        assertThat(row(id).get("safety_manager")).isNotEqualTo("赵安全");

        mvc.perform(post("/enterprises/" + id + "/details").with(officer).with(csrf())
                        .param("address", "尧都区鼓楼南街 1 号").param("employees", "88").param("scale", "SMALL")
                        .param("safetyManager", "赵安全").param("safetyManagerPhone", "13800000000")
                        .param("version", Integer.toString(version)))
                .andExpect(redirectedUrl("/enterprises/" + id));
        Map<String, Object> after = row(id);
        assertThat(after.get("safety_manager")).isEqualTo("赵安全");
        assertThat(after.get("employees")).isEqualTo(88);
        assertThat(after.get("address")).isEqualTo("尧都区鼓楼南街 1 号");

        // A county supervisor's page keeps the whole form, without the officer's.
        RequestPostProcessor county = user(accounts.loadUserByUsername("yaodu.safety"));
        mvc.perform(get("/enterprises/" + id).with(county))
                .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"enterprise-details\""))))
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("name=\"creditCode\""),
                        Matchers.containsString("name=\"latitude\" value=\""),
                        Matchers.containsString("<option value=\"SMALL\" selected=\"selected\""),
                        Matchers.containsString("value=\"赵安全\""))));
        mvc.perform(get("/enterprises/new").with(county)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("name=\"creditCode\""),
                        Matchers.containsString("name=\"longitude\""), Matchers.containsString("name=\"scale\""))));
    }

    @Test
    @WithUserDetails("yaodu.safety")
    void listsNameOnlyTheEnterprisesInScope() {
        long own = enterprise(OWN);
        long elsewhere = jdbc.sql("select id from enterprise.enterprise where region_code = '141081' order by id limit 1")
                .query(Long.class).single();
        Map<Long, String> names = enterprises.names(java.util.List.of(own, elsewhere, own));
        assertThat(names).containsOnlyKeys(own);
        assertThat(names.get(own)).isEqualTo(jdbc.sql("select name from enterprise.enterprise where id = :id")
                .param("id", own).query(String.class).single());
    }

    private long enterprise(String code) {
        return jdbc.sql("select id from enterprise.enterprise where credit_code = :c").param("c", code)
                .query(Long.class).single();
    }

    private Map<String, Object> row(long id) {
        return jdbc.sql("select * from enterprise.enterprise where id = :id").param("id", id).query().singleRow();
    }

    private static RequestPostProcessor as(String username) {
        return httpBasic(username, IntegrationTest.PASSWORD);
    }
}

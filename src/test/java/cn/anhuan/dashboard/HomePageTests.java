package cn.anhuan.dashboard;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import cn.anhuan.IntegrationTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Each role gets its own home (and only the counts it may open: no triage queue for those who may not triage), and
 * the county page answers 404 for a county outside the caller's scope, a region that is not county-level, or an
 * unknown code.
 */
@IntegrationTest
class HomePageTests {

    @Autowired
    MockMvc mvc;

    @ParameterizedTest
    @CsvSource({"admin, home/admin, true", "leader, home/leader, false", "city.env, home/desk, true",
            "city.housing, home/desk, false", "yaodu.safety, home/desk, true", "yaodu.inspector, home/desk, false",
            "demo.officer, home/officer, false"})
    void everyRoleHasItsHome(String user, String home, boolean triage) throws Exception {
        mvc.perform(get("/").session(login(user))).andExpect(status().isOk()).andExpect(view().name(home))
                .andExpect(content().string(triage && !home.equals("home/admin")
                        ? Matchers.containsString("id=\"count-reports\"")
                        : Matchers.not(Matchers.containsString("id=\"count-reports\""))));
    }

    @Test
    void theCountyPageIsNotFoundOutsideTheScopeOrForARegionThatIsNoCounty() throws Exception {
        MockHttpSession yaodu = login("yaodu.safety");
        mvc.perform(get("/dashboard/regions/141002").session(yaodu)).andExpect(status().isOk())
                .andExpect(view().name("home/county"));
        mvc.perform(get("/dashboard/regions/141081").session(yaodu)).andExpect(status().isNotFound());
        MockHttpSession leader = login("leader");
        mvc.perform(get("/dashboard/regions/141081").session(leader)).andExpect(status().isOk());
        mvc.perform(get("/dashboard/regions/141000").session(leader)).andExpect(status().isNotFound());
        mvc.perform(get("/dashboard/regions/<script>").session(leader)).andExpect(status().isNotFound());
    }

    private MockHttpSession login(String user) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(user).password(IntegrationTest.PASSWORD))
                .andReturn().getRequest().getSession(false);
    }
}

package cn.anhuan.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.anhuan.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The API as a signed-in browser uses it: the page session authenticates (read-only), state-changing session
 * requests need the page's CSRF token, Basic credentials a browser sends on a foreign site's behalf are refused,
 * Bearer clients are unaffected, and no 401 to a browser asks for a Basic password.
 */
@IntegrationTest
class ApiBrowserRequestTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;

    @Test
    void theSignedInSessionAuthenticatesApiReadsAndOpensNoSessionOfItsOwn() throws Exception {
        MockHttpSession session = login("city.safety");
        mvc.perform(get("/api/v1/me").session(session)).andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("city.safety"));
        mvc.perform(get("/api/v1/risk-map").session(session)).andExpect(status().isOk());
        var anonymous = mvc.perform(get("/api/v1/me")).andExpect(status().isUnauthorized()).andReturn();
        assertThat(anonymous.getRequest().getSession(false)).isNull();
    }

    @Test
    void basicCredentialsOnASessionRequestLastForThatRequestOnly() throws Exception {
        MockHttpSession session = login("leader");
        mvc.perform(get("/api/v1/me").session(session).with(httpBasic("city.env", IntegrationTest.PASSWORD)))
                .andExpect(jsonPath("$.username").value("city.env"));
        mvc.perform(get("/api/v1/me").session(session)).andExpect(jsonPath("$.username").value("leader"));
    }

    @Test
    void aSessionWriteNeedsTheCsrfTokenOfThePage() throws Exception {
        MockHttpSession session = login("city.env");
        mvc.perform(post("/api/v1/tokens").session(session).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"no token\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("/problems/cross-site"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("CSRF")));
        mvc.perform(post("/api/v1/tokens").session(session).with(csrf().asHeader()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"from the page\"}"))
                .andExpect(status().isCreated());
        assertThat(jdbc.sql("select count(*) from identity.api_token where name = 'no token'").query(Long.class).single())
                .isZero();
    }

    /** The reported attack: a foreign page's form disabled a user through the administrator's Basic login. */
    @Test
    void aCrossSiteFormPostWithTheBrowsersBasicCredentialsIsRefused() throws Exception {
        long victim = createUser("csrf.victim");
        mvc.perform(post("/api/v1/users/" + victim + "/disable").param("version", "0").with(httpBasic("admin", IntegrationTest.PASSWORD))
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .header("Origin", "http://evil.example").header("Sec-Fetch-Site", "cross-site")
                        .header("Sec-Fetch-Mode", "navigate"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.type").value("/problems/cross-site"));
        mvc.perform(post("/api/v1/users/" + victim + "/disable").param("version", "0").with(httpBasic("admin", IntegrationTest.PASSWORD))
                        .header("Referer", "http://evil.example/page.html"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/users/" + victim + "/disable").param("version", "0").with(httpBasic("admin", IntegrationTest.PASSWORD))
                        .contentType(MediaType.TEXT_PLAIN).content("x").header("Sec-Fetch-Mode", "no-cors")
                        .header("Sec-Fetch-Site", "same-origin"))
                .andExpect(status().isForbidden());
        assertThat(enabled(victim)).isTrue();

        mvc.perform(post("/api/v1/users/" + victim + "/disable").param("version", "0").with(httpBasic("admin", IntegrationTest.PASSWORD)))
                .andExpect(status().isOk()); // an API client with Basic: no browser headers
        assertThat(enabled(victim)).isFalse();
    }

    @Test
    void bearerTokensAreUnaffectedByOriginChecks() throws Exception {
        String secret = JsonPath.read(mvc.perform(post("/api/v1/tokens").with(httpBasic("admin", IntegrationTest.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"integration\",\"validDays\":1}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.secret");
        long victim = createUser("bearer.target");
        mvc.perform(post("/api/v1/users/" + victim + "/disable").param("version", "0").header("Authorization", "Bearer " + secret)
                        .header("Origin", "http://partner.example").contentType(MediaType.APPLICATION_FORM_URLENCODED))
                .andExpect(status().isOk());
        assertThat(enabled(victim)).isFalse();
    }

    @Test
    void aBrowserWithoutCredentialsIsNotAskedForABasicPassword() throws Exception {
        mvc.perform(get("/api/v1/enterprises/export.xlsx").header("Sec-Fetch-Mode", "navigate"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", Matchers.not(Matchers.containsString("Basic"))));
        mvc.perform(get("/api/v1/risk-map").header("Sec-Fetch-Mode", "cors").header("Cookie", "JSESSIONID=ended"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", Matchers.not(Matchers.containsString("Basic"))));
        mvc.perform(get("/api/v1/me").header("Sec-Fetch-Mode", "navigate").with(httpBasic("admin", "wrong-password")))
                // credentials were tried: the challenge names Basic
                .andExpect(header().string("WWW-Authenticate", Matchers.containsString("Basic")));
        mvc.perform(get("/api/v1/me")).andExpect(
                header().string("WWW-Authenticate", Matchers.containsString("Basic")));
    }

    @Test
    void aDisabledAccountsSessionNoLongerOpensTheApi() throws Exception {
        long id = createUser("api.disabled");
        String username = jdbc.sql("select username from identity.app_user where id = :id").param("id", id)
                .query(String.class).single();
        MockHttpSession session = login(username);
        mvc.perform(get("/api/v1/me").session(session)).andExpect(status().isOk());
        jdbc.sql("update identity.app_user set enabled = false, version = version + 1 where id = :id").param("id", id).update();
        mvc.perform(get("/api/v1/me").session(session)).andExpect(status().isUnauthorized());
    }

    @Test
    void aRequestWithCredentialsOfItsOwnIsNotSignedInByTheSession() throws Exception {
        MockHttpSession session = login("admin");
        // A header no login filter takes must not leave the session's user in place (nor skip the session check).
        mvc.perform(get("/api/v1/users").session(session).header("Authorization", "Negotiate abc"))
                .andExpect(status().isUnauthorized());
        // Basic with the session's own username and a wrong password is checked, not waved through by the session.
        mvc.perform(get("/api/v1/users").session(session).with(httpBasic("admin", "wrong-password-1")))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/users").session(session)).andExpect(status().isOk());
    }

    private boolean enabled(long id) {
        return jdbc.sql("select enabled from identity.app_user where id = :id").param("id", id).query(Boolean.class).single();
    }

    private MockHttpSession login(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password(IntegrationTest.PASSWORD))
                .andExpect(redirectedUrl("/")).andReturn().getRequest().getSession();
    }

    private long createUser(String prefix) {
        return jdbc.sql("""
                insert into identity.app_user (username, display_name, password_hash, role, region_code)
                values (:u, 'Test', :h, 'INSPECTOR', '141002') returning id""")
                .param("u", prefix + "." + System.nanoTime() % 100000)
                .param("h", encoder.encode(IntegrationTest.PASSWORD)).query(Long.class).single();
    }
}

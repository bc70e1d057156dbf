package cn.anhuan.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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
import org.springframework.test.web.servlet.MvcResult;

/** Login, CSRF, session fixation, headers, tokens and the API's problem details. */
@IntegrationTest
class SecurityTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;

    @Test
    void formLoginChangesTheSessionIdAndLandsOnHome() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String before = session.getId();
        MvcResult result = mvc.perform(formLogin("/login").user("admin").password(IntegrationTest.PASSWORD))
                .andExpect(redirectedUrl("/")).andReturn();
        MvcResult again = mvc.perform(post("/login").session(session).with(csrf())
                        .param("username", "admin").param("password", IntegrationTest.PASSWORD))
                .andExpect(redirectedUrl("/")).andReturn();
        assertThat(result.getRequest().getSession()).isNotNull();
        assertThat(again.getRequest().getSession().getId()).isNotEqualTo(before);
    }

    @Test
    void wrongPasswordShowsTheErrorWithoutSayingWhichPartWasWrong() throws Exception {
        mvc.perform(formLogin("/login").user("admin").password("wrong-password-1"))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(formLogin("/login").user("nobody-here").password("wrong-password-1"))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() throws Exception {
        mvc.perform(post("/login").param("username", "admin").param("password", IntegrationTest.PASSWORD))
                .andExpect(status().isForbidden());
        MockHttpSession session = login("admin");
        mvc.perform(post("/regions").session(session).param("code", "141002099").param("kind", "TOWNSHIP")
                        .param("name", "x").param("nameEn", "x").param("parentCode", "141002"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from organization.region where code = '141002099'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void pagesSendStrictSecurityHeaders() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string("Content-Security-Policy", Matchers.containsString("script-src 'self';")))
                .andExpect(header().string("Content-Security-Policy", Matchers.containsString("frame-ancestors 'none'")))
                .andExpect(header().string("Content-Security-Policy", Matchers.not(Matchers.containsString("unsafe-inline"))))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    /** Written before the handler runs (no response wrapper): on answers, refusals and errors alike. */
    @Test
    void theApiSendsItsSecurityHeadersOnEveryKindOfResponse() throws Exception {
        for (var request : new org.springframework.test.web.servlet.RequestBuilder[] {
                get("/api/v1/hazards?limit=1").with(httpBasic("city.safety", IntegrationTest.PASSWORD)),
                get("/api/v1/hazards/999999999").with(httpBasic("city.safety", IntegrationTest.PASSWORD)),
                get("/api/v1/hazards?from=not-a-date").with(httpBasic("city.safety", IntegrationTest.PASSWORD)),
                get("/api/v1/hazards").header("Authorization", "Bearer ah_not-a-token"),
                get("/api/v1/users").with(httpBasic("city.safety", IntegrationTest.PASSWORD))}) {
            mvc.perform(request)
                    .andExpect(header().string("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                    .andExpect(header().string("X-Frame-Options", "DENY"))
                    .andExpect(header().string("Cache-Control", Matchers.containsString("no-store")));
        }
    }

    @Test
    void pagesRequireLoginAndTheApiAnswersWithProblemDetails() throws Exception {
        mvc.perform(get("/regions")).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", Matchers.endsWith("/login")));
        mvc.perform(get("/api/v1/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string("WWW-Authenticate", Matchers.containsString("Basic")))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("需要身份认证")));
        mvc.perform(get("/api/v1/me").header("Accept-Language", "en"))
                .andExpect(jsonPath("$.detail").value(Matchers.startsWith("Authentication required")));
    }

    @Test
    void apiClientsChooseTheirLanguageByHeaderAndLangOpensNoSession() throws Exception {
        var answer = mvc.perform(get("/api/v1/hazards/0?lang=en").with(httpBasic("city.safety", IntegrationTest.PASSWORD)))
                .andExpect(status().isNotFound()).andReturn();
        assertThat(answer.getRequest().getSession(false)).isNull();
        assertThat(answer.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .as("still Chinese: the API reads Accept-Language, not ?lang").doesNotContain("not found");
        mvc.perform(get("/api/v1/hazards/0").header("Accept-Language", "en")
                        .with(httpBasic("city.safety", IntegrationTest.PASSWORD)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.detail").value(Matchers.containsStringIgnoringCase("not found")));
    }

    @Test
    void apiTokensAuthenticateUntilRevokedOrExpired() throws Exception {
        String body = mvc.perform(post("/api/v1/tokens").with(httpBasic("city.env", IntegrationTest.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"exchange\",\"validDays\":30}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String secret = JsonPath.read(body, "$.secret");
        int id = JsonPath.read(body, "$.token.id");
        assertThat(secret).startsWith("ah_");
        assertThat(jdbc.sql("select count(*) from identity.api_token where token_hash like :s").param("s", secret)
                .query(Long.class).single()).as("the secret itself is never stored").isZero();

        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + secret))
                .andExpect(status().isOk()).andExpect(jsonPath("$.username").value("city.env"));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer ah_forged"))
                .andExpect(status().isUnauthorized());
        mvc.perform(delete("/api/v1/tokens/" + id).with(httpBasic("leader", IntegrationTest.PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/tokens/" + id).header("Authorization", "Bearer " + secret))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + secret))
                .andExpect(status().isUnauthorized());

        String second = JsonPath.read(mvc.perform(post("/api/v1/tokens").with(httpBasic("city.env", IntegrationTest.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"short\",\"validDays\":1}"))
                .andReturn().getResponse().getContentAsString(), "$.secret");
        jdbc.sql("update identity.api_token set expires_at = now() - interval '1 minute' where prefix = :p")
                .param("p", second.substring(0, 8)).update();
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + second))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aDisabledAccountIsSignedOutAtItsNextRequest() throws Exception {
        String username = createUser("soon.disabled");
        MockHttpSession session = login(username);
        mvc.perform(get("/").session(session)).andExpect(status().isOk());
        jdbc.sql("update identity.app_user set enabled = false, version = version + 1 where username = :u")
                .param("u", username).update();
        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/login?expired"));
    }

    private MockHttpSession login(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password(IntegrationTest.PASSWORD))
                .andExpect(redirectedUrl("/")).andReturn().getRequest().getSession();
    }

    private String createUser(String prefix) {
        String username = prefix + "." + System.nanoTime() % 100000;
        jdbc.sql("""
                insert into identity.app_user (username, display_name, password_hash, role, region_code)
                values (:u, 'Test', :h, 'INSPECTOR', '141002')""")
                .param("u", username).param("h", encoder.encode(IntegrationTest.PASSWORD)).update();
        return username;
    }
}

package cn.anhuan.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;

import cn.anhuan.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Every API token has a maximum lifetime (also the ones issued before it existed); its last use is shown. */
@IntegrationTest
class ApiTokenLifetimeTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SecurityProperties properties;

    @Test
    void aTokenCreatedWithoutValidityExpiresAfterTheMaximumLifetime() throws Exception {
        Instant before = Instant.now();
        String body = create("{\"name\":\"no validity given\"}").andExpect(status().isCreated()).andReturn()
                .getResponse().getContentAsString();
        Instant expires = Instant.parse(JsonPath.read(body, "$.token.expiresAt"));
        assertThat(expires).isBetween(before.plus(properties.tokenMaxLifetime()).minusSeconds(1),
                Instant.now().plus(properties.tokenMaxLifetime()).plusSeconds(1));
    }

    @Test
    void aValidityBeyondTheMaximumLifetimeIsRefused() throws Exception {
        long days = properties.tokenMaxLifetime().toDays();
        create("{\"name\":\"too long\",\"validDays\":" + (days + 1) + "}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString(Long.toString(days))));
        create("{\"name\":\"just right\",\"validDays\":" + days + "}").andExpect(status().isCreated());
    }

    @Test
    void aTokenIssuedWithoutExpiryBeforeTheLimitStopsWorkingAfterTheMaximumLifetime() throws Exception {
        String secret = JsonPath.read(create("{\"name\":\"legacy\",\"validDays\":1}").andReturn().getResponse()
                .getContentAsString(), "$.secret");
        long id = JsonPath.<Integer>read(create("{\"name\":\"legacy twin\",\"validDays\":1}").andReturn()
                .getResponse().getContentAsString(), "$.token.id");
        jdbc.sql("update identity.api_token set expires_at = null, created_at = now() - interval '1 day' - :age * interval '1 second'"
                        + " where prefix = :p")
                .param("age", properties.tokenMaxLifetime().toSeconds()).param("p", secret.substring(0, 8)).update();
        jdbc.sql("update identity.api_token set expires_at = null where id = :id").param("id", id).update();
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + secret)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/tokens").with(httpBasic("city.env", IntegrationTest.PASSWORD)))
                .andExpect(jsonPath("$[?(@.id == " + id + ")].expiresAt").value(Matchers.contains(Matchers.notNullValue())));
    }

    @Test
    void theLastUseOfATokenIsShownInTheApiAndOnTheAccountPage() throws Exception {
        String body = create("{\"name\":\"used once\",\"validDays\":5}").andReturn().getResponse().getContentAsString();
        String secret = JsonPath.read(body, "$.secret");
        int id = JsonPath.read(body, "$.token.id");
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + secret)).andExpect(status().isOk());
        java.util.List<String> used = JsonPath.read(mvc.perform(get("/api/v1/tokens").with(httpBasic("city.env", IntegrationTest.PASSWORD)))
                .andReturn().getResponse().getContentAsString(), "$[?(@.id == " + id + ")].lastUsedAt");
        String lastUsed = used.get(0);
        assertThat(Duration.between(Instant.parse(lastUsed), Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
        String page = mvc.perform(get("/account").session(login())).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        String row = page.substring(page.indexOf("used once"));
        assertThat(row.substring(0, row.indexOf("</tr>"))).contains(
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(java.time.ZoneId.of("Asia/Shanghai"))
                        .format(Instant.parse(lastUsed)));
    }

    @Test
    void theAccountPageKeepsWhatWasTypedWhenTheValidityIsRefused() throws Exception {
        MockHttpSession session = login();
        MvcResult refused = mvc.perform(post("/account/tokens").session(session).with(csrf())
                .param("name", "kept name").param("validDays", "9999")).andReturn();
        String page = mvc.perform(get("/account").session(session).flashAttrs(refused.getFlashMap()))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("value=\"kept name\"").contains("value=\"9999\"")
                .contains("max=\"" + properties.tokenMaxLifetime().toDays() + "\"");
    }

    private org.springframework.test.web.servlet.ResultActions create(String json) throws Exception {
        return mvc.perform(post("/api/v1/tokens").with(httpBasic("city.env", IntegrationTest.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private MockHttpSession login() throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user("city.env").password(IntegrationTest.PASSWORD))
                .andReturn().getRequest().getSession();
    }
}

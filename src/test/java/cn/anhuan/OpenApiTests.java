package cn.anhuan;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The API is described by OpenAPI, with its security schemes, and Swagger UI is served: to signed-in users only. */
@IntegrationTest
class OpenApiTests {

    @Autowired
    MockMvc mvc;

    @Test
    void theDescriptionAndSwaggerUiAreForSignedInUsersOnly() throws Exception {
        for (String path : new String[] {"/v3/api-docs", "/v3/api-docs/swagger-config", "/swagger-ui/index.html",
                "/swagger-ui.html"}) {
            mvc.perform(get(path)).andExpect(status().is3xxRedirection())
                    .andExpect(header().string("Location", Matchers.endsWith("/login")));
        }
    }

    @Test
    void theApiIsDescribed() throws Exception {
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin("/login").user("leader")
                .password(IntegrationTest.PASSWORD)).andReturn().getRequest().getSession();
        mvc.perform(get("/v3/api-docs").session(session)).andExpect(status().isOk())
                .andExpect(jsonPath("$.info.title").value("Anhuan API"))
                .andExpect(jsonPath("$.paths['/api/v1/hazards/{id}/actions/{action}'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/enterprises'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/hazards'].get.parameters[*].name", Matchers.containsInAnyOrder(
                        "region", "status", "level", "source", "overdue", "enterprise", "industry", "from", "to",
                        "before", "limit")))
                .andExpect(jsonPath("$.paths['/api/v1/hazards'].get.parameters[?(@.name == 'from')].schema.format")
                        .value(Matchers.contains("date")))
                .andExpect(jsonPath("$.paths['/api/v1/hazards/export.xlsx'].get.parameters[*].name",
                        Matchers.hasItems("region", "overdue", "to")))
                .andExpect(jsonPath("$.paths['/api/v1/air/aqi'].post").exists())
                .andExpect(jsonPath("$.components.securitySchemes.bearer.scheme").value("bearer"));
        mvc.perform(get("/swagger-ui/index.html").session(session)).andExpect(status().isOk());
    }
}

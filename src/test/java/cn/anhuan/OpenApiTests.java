package cn.anhuan;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The API is described by OpenAPI, with its security schemes, and Swagger UI is served. */
@IntegrationTest
class OpenApiTests {

    @Autowired
    MockMvc mvc;

    @Test
    void theApiIsDescribed() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
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
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
    }
}

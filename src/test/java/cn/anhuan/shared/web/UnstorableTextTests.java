package cn.anhuan.shared.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import cn.anhuan.IntegrationTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A NUL (or another character PostgreSQL cannot keep) in any text field is a 400 naming the field, on the API and
 * on forms, not the database's 500.
 */
@IntegrationTest
class UnstorableTextTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService accounts;

    private long yaoduEnterprise() {
        return jdbc.sql("select min(id) from enterprise.enterprise where region_code = '141002'").query(Long.class).single();
    }

    @Test
    void aNulInAJsonFieldIsA400NamingTheField() throws Exception {
        mvc.perform(post("/api/v1/hazards").with(httpBasic("yaodu.safety", IntegrationTest.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "en")
                        .content("""
                                {"enterpriseId":%d,"place":"仓库","description":"a\\u0000b","category":"OBJECT",
                                 "level":"GENERAL","source":"GOVERNMENT"}""".formatted(yaoduEnterprise())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("description"))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("description contains a control character")));
    }

    @Test
    void aLoneSurrogateOrAnotherControlCharacterIsRefusedButLineBreaksAndTabsAreNot() throws Exception {
        mvc.perform(post("/api/v1/public/citizen-reports").contentType(MediaType.APPLICATION_JSON)
                        .with(r -> { r.setRemoteAddr("10.9.0.1"); return r; })
                        .content("{\"regionCode\":\"141002\",\"place\":\"路口\\ud800\",\"description\":\"x\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("place"));
        mvc.perform(post("/api/v1/public/citizen-reports").contentType(MediaType.APPLICATION_JSON)
                        .with(r -> { r.setRemoteAddr("10.9.0.1"); return r; })
                        .content("{\"regionCode\":\"141002\",\"place\":\"路口\",\"description\":\"x\\u001b[31m\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("description"));
        mvc.perform(post("/api/v1/public/citizen-reports").contentType(MediaType.APPLICATION_JSON)
                        .with(r -> { r.setRemoteAddr("10.9.0.1"); return r; })
                        .content("{\"regionCode\":\"141002\",\"place\":\"路口\",\"description\":\"一行\\n\\t二行\\r\\n\"}"))
                .andExpect(status().isCreated());
    }

    @Test
    void aNulInAQueryParameterOfTheApiIsA400NamingIt() throws Exception {
        mvc.perform(get("/api/v1/enterprises").param("q", "a\u0000").with(httpBasic("yaodu.safety", IntegrationTest.PASSWORD)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("q"));
    }

    @Test
    void aNulInAPublicFormIsA400PageNamingTheField() throws Exception {
        mvc.perform(post("/public/report").with(csrf()).with(r -> { r.setRemoteAddr("10.9.0.2"); return r; })
                        .param("regionCode", "141002").param("place", "路口").param("description", "有隐患")
                        .param("reporterName", "张\u0000三").param("lang", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("reporterName contains a control character")));
    }

    @Test
    void anImportRowWithANulOrATextOverItsLimitIsReportedByRowAndNothingIsStored() throws Exception {
        String csv = "credit_code,name,region_code,industry_code,address\n"
                + "91141002MA0L2R3P1X,%s,141002,FIREWORKS,正常地址\n".formatted("长".repeat(201))
                + "91141002MA0L2R3P1X,正常名称,141002,FIREWORKS,地址\u0000二\n";
        mvc.perform(multipart("/api/v1/enterprises/import").file(new MockMultipartFile("file", "e.csv", "text/csv",
                        csv.getBytes(StandardCharsets.UTF_8))).with(httpBasic("city.safety", IntegrationTest.PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.row == 2)].field", Matchers.hasItem("name")))
                .andExpect(jsonPath("$.errors[?(@.row == 3)].field", Matchers.hasItem("address")));
    }

    @Test
    void aNulInAnEditorsFormIsShownAtTheFieldWithTheFormKept() throws Exception {
        mvc.perform(post("/enterprises").with(csrf()).with(user(accounts.loadUserByUsername("yaodu.safety")))
                        .param("creditCode", "91141002MA0L2R3P1X").param("name", "新\u0000企业")
                        .param("regionCode", "141002").param("industryCode", "HAZCHEM").param("address", "鼓楼西街 8 号"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("含有无法保存的控制字符")))
                .andExpect(content().string(Matchers.containsString("鼓楼西街 8 号")));
    }
}

package cn.anhuan.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import cn.anhuan.IntegrationTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Bodies above their endpoint's limit are refused with 413 before anything reads them (the public citizen report
 * stored a 50 MB reporter name before), with a declared length or streamed without one; a text under the body
 * limit but over its field's limit is a 400 naming the field.
 */
@IntegrationTest
class BodyLimitTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    private long reportsNamed(String prefix) {
        return jdbc.sql("select count(*) from hazard.citizen_report where reporter_name like :p").param("p", prefix + "%")
                .query(Long.class).single();
    }

    @Test
    void aFiftyMegabyteReporterNameIsRefusedWith413AndNothingIsStored() throws Exception {
        String name = "长名字".repeat(50 * 1024 * 1024 / 9);
        mvc.perform(post("/api/v1/public/citizen-reports").contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "en").with(r -> { r.setRemoteAddr("10.9.3.1"); return r; })
                        .content("{\"regionCode\":\"141002\",\"place\":\"路口\",\"description\":\"占道\",\"reporterName\":\""
                                + name + "\"}"))
                .andExpect(status().isContentTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(413))
                .andExpect(jsonPath("$.detail").value("The request body is too large: this endpoint accepts at most 32 KB."));
        assertThat(reportsNamed("长名字")).isZero();
    }

    @Test
    void aReporterNameOverItsFieldLimitIsA400NamingTheFieldOnTheApiAndTheForm() throws Exception {
        mvc.perform(post("/api/v1/public/citizen-reports").contentType(MediaType.APPLICATION_JSON)
                        .with(r -> { r.setRemoteAddr("10.9.3.2"); return r; })
                        .content("{\"regionCode\":\"141002\",\"place\":\"路口\",\"description\":\"占道\",\"reporterName\":\"过长"
                                + "名".repeat(60) + "\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reporterName"));
        mvc.perform(post("/public/report").with(csrf()).with(r -> { r.setRemoteAddr("10.9.3.3"); return r; })
                        .param("regionCode", "141002").param("place", "路口").param("description", "占道")
                        .param("reporterName", "过长" + "名".repeat(60)))
                .andExpect(status().isBadRequest()).andExpect(content().string(Matchers.containsString("reporterName")));
        assertThat(reportsNamed("过长")).isZero();
    }

    @Test
    void anApiBodyOverTheGeneralLimitIsRefusedAndOneUnderItIsRead() throws Exception {
        String big = "{\"name\":\"" + "x".repeat(300 * 1024) + "\"}";
        mvc.perform(put("/api/v1/regions/141002").with(httpBasic("admin", IntegrationTest.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(big))
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("256 KB")));
        mvc.perform(put("/api/v1/regions/141002").with(httpBasic("admin", IntegrationTest.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"" + "x".repeat(200 * 1024) + "\"}"))
                .andExpect(status().isBadRequest());
    }

    /** Over real HTTP: a chunked body (no Content-Length) is cut at the limit, one under it passes unchanged. */
    @Test
    void aStreamedBodyWithoutALengthIsCountedToo() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        byte[] big = ("{\"regionCode\":\"141002\",\"place\":\"路口\",\"description\":\"" + "长".repeat(20_000) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> refused = client.send(chunked("/api/v1/public/citizen-reports", big), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).contains("\"status\":413");
        byte[] small = "{\"regionCode\":\"141002\",\"place\":\"分块路口\",\"description\":\"分块上传的举报\"}"
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> accepted = client.send(chunked("/api/v1/public/citizen-reports", small), HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        assertThat(jdbc.sql("select count(*) from hazard.citizen_report where place = '分块路口'").query(Long.class).single())
                .isOne();
    }

    private HttpRequest chunked(String path, byte[] body) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
    }
}

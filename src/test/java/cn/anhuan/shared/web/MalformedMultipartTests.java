package cn.anhuan.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.anhuan.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Multipart bodies that Tomcat cannot parse (no boundary, cut short) answer 400 with a translated reason, as a
 * problem detail on the API and as the error page on pages. Sent over a real socket: MockMvc does not parse
 * multipart bodies, so it cannot show what Tomcat does with a broken one.
 */
@IntegrationTest
class MalformedMultipartTests {

    private static final String TRUNCATED = "--XyZ\r\nContent-Disposition: form-data; name=\"stage\"\r\n\r\nFOUND\r\n"
            + "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n"
            + "Content-Type: image/png\r\n\r\n\u0089PNG\r\n";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void theApiAnswersAMalformedMultipartBodyWithAProblemDetail() throws Exception {
        String auth = "Basic " + Base64.getEncoder().encodeToString(
                ("yaodu.inspector:" + IntegrationTest.PASSWORD).getBytes(StandardCharsets.UTF_8));
        String url = "/api/v1/hazards/" + anyHazard() + "/attachments";
        HttpResponse<String> noBoundary = send(HttpRequest.newBuilder(uri(url)).header("Authorization", auth)
                .header("Content-Type", "multipart/form-data").POST(body("not a multipart body")));
        assertThat(noBoundary.statusCode()).isEqualTo(400);
        assertThat(noBoundary.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(noBoundary.body()).contains("上传的表单数据格式有误");

        HttpResponse<String> cutShort = send(HttpRequest.newBuilder(uri(url)).header("Authorization", auth)
                .header("Accept-Language", "en").header("Content-Type", "multipart/form-data; boundary=XyZ")
                .POST(body(TRUNCATED)));
        assertThat(cutShort.statusCode()).isEqualTo(400);
        assertThat(cutShort.body()).contains("The uploaded form data is malformed");
    }

    @Test
    void aPageAnswersAMalformedMultipartBodyWithTheErrorPage() throws Exception {
        long hazard = anyHazard();
        String loginPage = send(HttpRequest.newBuilder(uri("/login")).GET()).body();
        HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(body("username=yaodu.inspector&password=" + IntegrationTest.PASSWORD + "&_csrf="
                        + csrf(loginPage))));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        String page = send(HttpRequest.newBuilder(uri("/hazards/" + hazard)).GET()).body();

        HttpResponse<String> cutShort = send(HttpRequest.newBuilder(uri("/hazards/" + hazard + "/files"))
                .header("X-CSRF-TOKEN", csrf(page)).header("Content-Type", "multipart/form-data; boundary=XyZ")
                .POST(body(TRUNCATED)));
        assertThat(cutShort.statusCode()).isEqualTo(400);
        assertThat(cutShort.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(cutShort.body()).contains("id=\"error-message\"").contains("上传的表单数据格式有误");
    }

    @Test
    void anUploadOverTheSizeLimitIs413WithItsReason() throws Exception {
        String auth = "Basic " + Base64.getEncoder().encodeToString(
                ("yaodu.inspector:" + IntegrationTest.PASSWORD).getBytes(StandardCharsets.UTF_8));
        String head = "--XyZ\r\nContent-Disposition: form-data; name=\"stage\"\r\n\r\nFOUND\r\n--XyZ\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-";
        String body = head + "0".repeat(21 * 1024 * 1024) + "\r\n--XyZ--\r\n";
        HttpResponse<String> tooLarge = send(HttpRequest.newBuilder(uri("/api/v1/hazards/" + anyHazard()
                        + "/attachments")).header("Authorization", auth)
                .header("Content-Type", "multipart/form-data; boundary=XyZ").POST(body(body)));
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(tooLarge.body()).contains("上传的内容超过了允许的大小上限");
    }

    private long anyHazard() throws Exception {
        long enterprise = jdbc.sql("select id from enterprise.enterprise where credit_code = '911410023123456732'")
                .query(Long.class).single();
        Integer id = JsonPath.read(mvc.perform(post("/api/v1/hazards")
                        .with(httpBasic("yaodu.inspector", IntegrationTest.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"enterpriseId":%d,"place":"门卫","description":"上传测试","category":"OBJECT",
                                 "level":"GENERAL","source":"GOVERNMENT"}""".formatted(enterprise)))
                .andReturn().getResponse().getContentAsString(), "$.id");
        return id;
    }

    private static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\"[^>]*(?:value|content)=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("a CSRF token on the page").isTrue();
        return m.group(1);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.BodyPublisher body(String text) {
        return HttpRequest.BodyPublishers.ofString(text, StandardCharsets.ISO_8859_1);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}

package cn.anhuan.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import cn.anhuan.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What the client chooses in headers stays out of what the platform believes: {@code X-Forwarded-For} only from
 * a trusted proxy (the tests' one: 127.0.0.2), and never a Host header in a redirect. Over real sockets, so
 * that Tomcat's own handling is part of the test.
 */
@IntegrationTest
class ClientAddressTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    ThrottleProperties properties;

    @Test
    void forwardedForIsBelievedFromATrustedProxyOnly() throws IOException {
        for (int i = 0; i <= properties.freeFailuresPerAddress(); i++) {
            String trusted = send("127.0.0.2", "GET /api/v1/me HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: 203.0.113.7\r\n"
                    + "Authorization: Basic " + basic("proxied" + i, "wrong-password") + "\r\nConnection: close\r\n\r\n");
            assertThat(trusted).startsWith("HTTP/1.1 401");
            String direct = send("127.0.0.3", "GET /api/v1/me HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: 203.0.113.8\r\n"
                    + "Authorization: Basic " + basic("direct" + i, "wrong-password") + "\r\nConnection: close\r\n\r\n");
            assertThat(direct).startsWith("HTTP/1.1 401");
        }
        assertThat(delayedAddresses()).contains("203.0.113.7", "127.0.0.3").doesNotContain("127.0.0.2", "203.0.113.8");
        assertThat(jdbc.sql("select actor_ip from audit.entry where action = 'login.delayed' and entity_id = '203.0.113.7'")
                .query(String.class).single()).as("the audit trail's address too").isEqualTo("203.0.113.7");
    }

    @Test
    void aRedirectNeverNamesTheHostTheClientSent() throws IOException {
        String answer = send("127.0.0.1", "GET /regions HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 302");
        assertThat(header(answer, "Location")).isEqualTo("/login");
        String logout = send("127.0.0.1", "GET /swagger-ui.html HTTP/1.1\r\nHost: evil.example:8443\r\nConnection: close\r\n\r\n");
        assertThat(header(logout, "Location")).doesNotContain("evil.example");
    }

    @Test
    void afterSignInThePageThatAskedForItIsReachedByPathOnly() throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(get("/hazards").header("Host", "evil.example").session(session));
        String target = mvc.perform(post("/login").session(session).with(csrf()).param("username", "leader")
                .param("password", IntegrationTest.PASSWORD)).andReturn().getResponse().getRedirectedUrl();
        assertThat(target).startsWith("/hazards").doesNotContain("evil.example");
    }

    private java.util.List<String> delayedAddresses() {
        return jdbc.sql("select entity_id from audit.entry where action = 'login.delayed' and entity_type = 'address'")
                .query(String.class).list();
    }

    private static String basic(String user, String password) {
        return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String header(String response, String name) {
        for (String line : response.substring(0, response.indexOf("\r\n\r\n")).split("\r\n")) {
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return line.substring(name.length() + 1).trim();
            }
        }
        return null;
    }

    /** One HTTP/1.1 exchange from the given local address; the answer as text. */
    private String send(String from, String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port, InetAddress.getByName(from), 0)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}

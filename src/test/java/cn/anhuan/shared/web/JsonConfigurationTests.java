package cn.anhuan.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

import cn.anhuan.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpOutputMessage;

/**
 * JSON answers carry a Content-Length (no chunked body, so Tomcat sends them in one write); an answer larger than
 * the buffer is streamed in chunks, byte for byte the same.
 */
@IntegrationTest
class JsonConfigurationTests {

    @LocalServerPort
    int port;

    @Test
    void apiAnswersOverTheWireHaveTheirLengthAndNoChunks() throws Exception {
        String basic = Base64.getEncoder().encodeToString(("city.safety:" + IntegrationTest.PASSWORD).getBytes());
        for (String path : new String[] {"/api/v1/hazards?limit=200", "/api/v1/hazards?status=NONE", "/api/v1/hazards/0"}) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic "
                        + basic + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                byte[] all = socket.getInputStream().readAllBytes();
                String text = new String(all, StandardCharsets.UTF_8);
                int end = text.indexOf("\r\n\r\n");
                String head = text.substring(0, end).toLowerCase();
                assertThat(head).as(path).doesNotContain("transfer-encoding").contains("content-length: ")
                        .contains("content-type: application/");
                int length = Integer.parseInt(head.replaceAll("(?s).*content-length: (\\d+).*", "$1"));
                int headBytes = text.substring(0, end + 4).getBytes(StandardCharsets.UTF_8).length;
                assertThat(all.length - headBytes).as(path).isEqualTo(length).isPositive();
            }
        }
    }

    @Test
    void smallBodiesAreSentOnceWithTheirLength() throws IOException {
        Message target = new Message();
        JsonConfiguration.Buffered buffered = new JsonConfiguration.Buffered(target);
        byte[] body = random(40_000);
        buffered.getBody().write(body, 0, 10_000);
        buffered.getBody().write(body[10_000]);
        buffered.getBody().write(body, 10_001, body.length - 10_001);
        buffered.flush();
        assertThat(target.body.size()).as("nothing sent before the end").isZero();
        buffered.finish();
        assertThat(target.getHeaders().getContentLength()).isEqualTo(body.length);
        assertThat(target.body.toByteArray()).isEqualTo(body);
        assertThat(target.writes).isEqualTo(1);
    }

    @Test
    void largeBodiesAreStreamedWithoutLength() throws IOException {
        Message target = new Message();
        JsonConfiguration.Buffered buffered = new JsonConfiguration.Buffered(target);
        byte[] body = random(JsonConfiguration.BUFFERED * 3 + 17);
        for (int off = 0; off < body.length; off += 8000) {
            buffered.getBody().write(body, off, Math.min(8000, body.length - off));
        }
        buffered.flush();
        buffered.finish();
        assertThat(target.getHeaders().getContentLength()).isEqualTo(-1);
        assertThat(target.body.toByteArray()).isEqualTo(body);
    }

    @Test
    void anEmptyBodyHasLengthZero() throws IOException {
        Message target = new Message();
        JsonConfiguration.Buffered buffered = new JsonConfiguration.Buffered(target);
        buffered.finish();
        assertThat(target.getHeaders().getContentLength()).isZero();
        assertThat(target.body.size()).isZero();
    }

    private static byte[] random(int n) {
        byte[] bytes = new byte[n];
        new Random(n).nextBytes(bytes);
        return bytes;
    }

    private static final class Message implements HttpOutputMessage {
        final HttpHeaders headers = new HttpHeaders();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        int writes;

        @Override
        public OutputStream getBody() {
            return new OutputStream() {
                @Override
                public void write(int b) {
                    writes++;
                    body.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    writes++;
                    body.write(b, off, len);
                }
            };
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }
    }
}

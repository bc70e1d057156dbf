package cn.anhuan.shared.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Map;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.http.server.ServletServerHttpResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON answers leave with a Content-Length in one socket write.
 *
 * <p>Spring's Jackson converter streams into the response and flushes it; with no length known, Tomcat then sends
 * the body as chunks and the closing chunk in a second write when the request ends (about 4 % of the hazard list
 * API's CPU went to that second system call). This converter collects the JSON of an answer (up to
 * {@link #BUFFERED} bytes, more than the largest page any list allows) and writes it once with its length; a
 * larger answer spills into the ordinary chunked stream, so memory stays bounded. Only a plain servlet answer is
 * buffered: streamed bodies (server-sent events, emitters) are written as Spring writes them.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    /** Answers up to this size are sent with a Content-Length; larger ones are streamed in chunks. */
    static final int BUFFERED = 512 * 1024;

    /** Replaces the JSON converter Spring Boot registers (its customizer has order 0; this one runs after it). */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    ServerHttpMessageConvertersCustomizer contentLengthJson(JsonMapper mapper) {
        return builder -> builder.withJsonConverter(new ContentLengthJsonConverter(mapper));
    }

    static final class ContentLengthJsonConverter extends JacksonJsonHttpMessageConverter {

        ContentLengthJsonConverter(JsonMapper mapper) {
            super(mapper);
        }

        @Override
        protected void writeInternal(Object value, ResolvableType type, HttpOutputMessage output,
                Map<String, Object> hints) throws IOException {
            if (!(output instanceof ServletServerHttpResponse response)
                    || response.getHeaders().getContentLength() >= 0
                    || response.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
                super.writeInternal(value, type, output, hints);
                return;
            }
            Buffered buffered = new Buffered(response);
            super.writeInternal(value, type, buffered, hints);
            buffered.finish();
        }
    }

    /** The answer's headers as they are, its body collected until it is complete or too large. */
    static final class Buffered extends OutputStream implements HttpOutputMessage {

        private final HttpOutputMessage target;
        private byte[] bytes = new byte[16 * 1024];
        private int count;
        private OutputStream spilled;

        Buffered(HttpOutputMessage target) {
            this.target = target;
        }

        @Override
        public HttpHeaders getHeaders() {
            return target.getHeaders();
        }

        @Override
        public OutputStream getBody() {
            return this;
        }

        @Override
        public void write(int b) throws IOException {
            if (spilled != null || count == bytes.length) {
                write(new byte[] {(byte) b}, 0, 1);
                return;
            }
            bytes[count++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (spilled != null) {
                spilled.write(b, off, len);
                return;
            }
            if (count + len > BUFFERED) {
                spilled = target.getBody();
                spilled.write(bytes, 0, count);
                spilled.write(b, off, len);
                bytes = null;
                return;
            }
            if (count + len > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.min(BUFFERED, Math.max(bytes.length * 2, count + len)));
            }
            System.arraycopy(b, off, bytes, count, len);
            count += len;
        }

        /** Jackson flushes when it is done; the body is sent by {@link #finish()} instead. */
        @Override
        public void flush() throws IOException {
            if (spilled != null) {
                spilled.flush();
            }
        }

        /** The collected body with its length (the caller flushes the response). */
        void finish() throws IOException {
            if (spilled != null) {
                return;
            }
            target.getHeaders().setContentLength(count);
            target.getBody().write(bytes, 0, count);
        }
    }
}

package cn.anhuan.shared.web;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tomcat settings Spring Boot has no property for. */
@Configuration(proxyBeanMethods = false)
class TomcatConfiguration {

    /** Bytes a connection buffers before writing to its socket (Tomcat's default: 8 KiB). */
    static final int SOCKET_WRITE_BUFFER = 32 * 1024;

    /**
     * A JSON page of 50 list rows (the API's default page) is about 28 KB: with Tomcat's 8 KiB socket buffer it
     * left in several write calls, each a trip through the TCP stack (a tenth of an API call's CPU on the hazard
     * list). 32 KiB per open connection, allocated while the connection is open.
     */
    @Bean
    TomcatConnectorCustomizer socketWriteBuffer() {
        return connector -> {
            if (!connector.setProperty("socket.appWriteBufSize", Integer.toString(SOCKET_WRITE_BUFFER))) {
                throw new IllegalStateException("Tomcat refused socket.appWriteBufSize");
            }
        };
    }
}

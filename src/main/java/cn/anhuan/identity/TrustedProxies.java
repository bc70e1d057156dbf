package cn.anhuan.identity;

import java.util.stream.Collectors;

import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * The client's address behind reverse proxies: Tomcat's {@link RemoteIpValve} takes {@code X-Forwarded-For}
 * (and {@code X-Forwarded-Proto}) only from a peer in {@code anhuan.security.trusted-proxies}, so that
 * {@code getRemoteAddr()} (login throttle, citizen reports' limit, audit trail) is the client's and a client
 * cannot choose it with a header. Without trusted proxies no valve is added: the socket's peer is the client.
 * The {@code Host} header is never taken from a proxy header.
 */
@Component
class TrustedProxies implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final SecurityProperties properties;

    TrustedProxies(SecurityProperties properties) {
        this.properties = properties;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        if (!properties.trustedProxies().isEmpty()) {
            factory.addEngineValves(valve(properties));
        }
    }

    static RemoteIpValve valve(SecurityProperties properties) {
        RemoteIpValve valve = new RemoteIpValve();
        // Every entry as CIDR: Tomcat reads a list with a '/' as network masks, without one as a regular expression.
        valve.setInternalProxies(properties.trustedProxies().stream().map(String::trim)
                .map(p -> p.contains("/") ? p : p + (p.contains(":") ? "/128" : "/32"))
                .collect(Collectors.joining(",")));
        valve.setTrustedProxies(null);
        valve.setRemoteIpHeader("X-Forwarded-For");
        valve.setProtocolHeader("X-Forwarded-Proto");
        valve.setHostHeader(null);
        valve.setPortHeader(null);
        return valve;
    }
}

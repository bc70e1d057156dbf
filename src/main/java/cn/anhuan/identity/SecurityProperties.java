package cn.anhuan.identity;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Platform-wide security settings.
 *
 * @param trustedProxies   addresses or CIDR ranges of reverse proxies whose {@code X-Forwarded-For} and
 *                         {@code X-Forwarded-Proto} are believed; empty: the socket's peer is the client
 * @param tokenMaxLifetime the longest an API token is valid; a token created without a validity gets this
 */
@ConfigurationProperties("anhuan.security")
record SecurityProperties(@DefaultValue List<String> trustedProxies,
                          @DefaultValue("90d") Duration tokenMaxLifetime) {

    SecurityProperties {
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
        if (tokenMaxLifetime.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException("anhuan.security.token-max-lifetime must be at least one day");
        }
    }
}

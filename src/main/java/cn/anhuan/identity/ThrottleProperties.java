package cn.anhuan.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login throttling.
 *
 * @param maxFailures      consecutive failures of one account before it is locked
 * @param lockDuration     how long the account stays locked
 * @param maxFailuresPerIp failures from one address within {@code ipWindow} before it is refused
 * @param ipWindow         the window for the per-address count
 */
@ConfigurationProperties("anhuan.security.login")
record ThrottleProperties(@DefaultValue("5") int maxFailures,
                          @DefaultValue("15m") Duration lockDuration,
                          @DefaultValue("30") int maxFailuresPerIp,
                          @DefaultValue("15m") Duration ipWindow) {
}

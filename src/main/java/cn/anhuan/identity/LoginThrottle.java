package cn.anhuan.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import cn.anhuan.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Counts failed logins per account (locks it after {@code maxFailures}, persisted, audited) and per client
 * address (refuses it for a window, in memory), for the form, HTTP Basic alike.
 */
@Component
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final UserRepository users;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final ThrottleProperties properties;
    private final Clock clock;
    private final Map<String, Window> failuresByAddress = new ConcurrentHashMap<>();

    LoginThrottle(UserRepository users, AuditTrail audit, TransactionTemplate tx, ThrottleProperties properties,
                  Clock clock) {
        this.users = users;
        this.audit = audit;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
    }

    /** True when the current request's address has failed too often recently. */
    boolean addressBlocked() {
        String address = currentAddress();
        if (address == null) {
            return false;
        }
        Window w = failuresByAddress.get(address);
        return w != null && w.count >= properties.maxFailuresPerIp()
                && w.start.plus(properties.ipWindow()).isAfter(clock.instant());
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        String address = event.getAuthentication().getDetails() instanceof WebAuthenticationDetails d
                ? d.getRemoteAddress() : currentAddress();
        if (address != null) {
            Instant now = clock.instant();
            failuresByAddress.compute(address, (k, w) -> w == null || w.start.plus(properties.ipWindow()).isBefore(now)
                    ? new Window(now, 1) : new Window(w.start, w.count + 1));
        }
        String username = String.valueOf(event.getAuthentication().getPrincipal());
        tx.executeWithoutResult(status -> users.findByUsername(username).ifPresent(u -> {
            int failures = users.recordFailure(u.id());
            if (failures >= properties.maxFailures()) {
                Instant until = clock.instant().plus(properties.lockDuration());
                users.lock(u.id(), until);
                audit.record("user.locked", "user", u.id(), u.regionCode(), null,
                        Map.of("lockedUntil", until.toString(), "failedAttempts", failures));
                log.warn("Account {} locked until {} after {} failed logins", username, until, failures);
            }
        }));
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof AnhuanUser u) {
            tx.executeWithoutResult(status -> users.resetFailures(u.id()));
        }
    }


    private static String currentAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
                ? a.getRequest().getRemoteAddr() : null;
    }

    private record Window(Instant start, int count) {
    }
}

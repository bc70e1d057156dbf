package cn.anhuan.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import cn.anhuan.audit.AuditTrail;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Password login (form and HTTP Basic alike) with a progressive delay instead of a lock: every failed attempt
 * of an account name and of a client address, beyond a few free ones, makes the next attempt of that name or
 * from that address wait longer (doubling up to a cap). An attempt that comes too early is refused without
 * looking at the password. Unknown names are counted like existing ones and get the same answer (the password
 * encoder runs for them too), so the answers never tell which accounts exist. No account is ever locked: an
 * attacker can only slow an account down to one attempt per {@code max-delay}. State is in memory, bounded
 * in size and forgotten after {@code forget-after}; crossing into the delayed state is audited.
 */
@Component
class LoginThrottle implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final DaoAuthenticationProvider passwords;
    private final UserRepository users;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final ThrottleProperties properties;
    private final Clock clock;
    private final Cache<String, Failures> accounts;
    private final Cache<String, Failures> addresses;

    LoginThrottle(UserDetailsService userDetails, PasswordEncoder encoder, UserRepository users, AuditTrail audit,
                  TransactionTemplate tx, ThrottleProperties properties, Clock clock) {
        this.passwords = new DaoAuthenticationProvider(userDetails);
        this.passwords.setPasswordEncoder(encoder);
        this.users = users;
        this.audit = audit;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
        this.accounts = cache(properties, clock);
        this.addresses = cache(properties, clock);
    }

    private static Cache<String, Failures> cache(ThrottleProperties properties, Clock clock) {
        return Caffeine.newBuilder().maximumSize(properties.maxTracked()).expireAfterWrite(properties.forgetAfter())
                .ticker(() -> clock.millis() * 1_000_000L).build();
    }

    /** A name's or an address's failures: how many, and when the last one was. */
    private record Failures(int count, Instant last) {
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String name = name(attempt);
        String address = attempt.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
        if (!waitFor(name, address).isZero()) {
            throw new BadCredentialsException("Bad credentials");
        }
        try {
            Authentication result = passwords.authenticate(attempt);
            accounts.invalidate(name);
            return result;
        } catch (BadCredentialsException e) {
            failed(name, address);
            throw e;
        }
    }

    /** How long the next attempt of this name from this address must still wait (zero: it is heard now). */
    Duration waitFor(String name, String address) {
        Duration account = remaining(accounts.getIfPresent(name), properties.freeFailures());
        Duration byAddress = address == null ? Duration.ZERO
                : remaining(addresses.getIfPresent(address), properties.freeFailuresPerAddress());
        return account.compareTo(byAddress) >= 0 ? account : byAddress;
    }

    private Duration remaining(Failures failures, int free) {
        if (failures == null) {
            return Duration.ZERO;
        }
        Instant next = failures.last().plus(properties.delayAfter(failures.count(), free));
        Duration left = Duration.between(clock.instant(), next);
        return left.isNegative() ? Duration.ZERO : left;
    }

    private void failed(String name, String address) {
        Instant now = clock.instant();
        int byName = count(accounts, name, now);
        if (byName == properties.freeFailures() + 1) {
            users.findByUsername(name).ifPresent(u -> {
                log.warn("Logins of account {} delayed after {} failures", name, byName);
                tx.executeWithoutResult(s -> audit.record("login.delayed", "user", u.id(), u.regionCode(), null,
                        Map.of("failedAttempts", byName, "delay", properties.initialDelay().toString())));
            });
        }
        if (address != null && count(addresses, address, now) == properties.freeFailuresPerAddress() + 1) {
            log.warn("Logins from address {} delayed after {} failures", address, properties.freeFailuresPerAddress() + 1);
            tx.executeWithoutResult(s -> audit.record("login.delayed", "address", address, null, null,
                    Map.of("failedAttempts", properties.freeFailuresPerAddress() + 1,
                            "delay", properties.initialDelay().toString())));
        }
    }

    private static int count(Cache<String, Failures> cache, String key, Instant now) {
        return cache.asMap().merge(key, new Failures(1, now), (old, one) -> new Failures(old.count() + 1, now)).count();
    }

    /** The name as the account lookup sees it, so that variants of one name share one counter. */
    private static String name(Authentication attempt) {
        Object principal = attempt instanceof UsernamePasswordAuthenticationToken ? attempt.getPrincipal() : null;
        String name = principal == null ? "" : principal.toString().trim().toLowerCase(Locale.ROOT);
        return name.length() > 64 ? name.substring(0, 64) : name;
    }
}

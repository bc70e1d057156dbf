package cn.anhuan.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login throttling: a progressive delay per account name and per client address instead of a lock.
 *
 * @param freeFailures           failed logins of one account name that cost nothing; each further one delays
 *                               the next attempt of that name
 * @param freeFailuresPerAddress the same for one client address (many people may share an office's address)
 * @param initialDelay           the first delay; it doubles with every further failure
 * @param maxDelay               the longest delay
 * @param forgetAfter            a name or address without a failure for this long starts again from nothing
 * @param maxTracked             names and addresses remembered (each); the least used are forgotten first
 */
@ConfigurationProperties("anhuan.security.login")
record ThrottleProperties(@DefaultValue("3") int freeFailures,
                          @DefaultValue("10") int freeFailuresPerAddress,
                          @DefaultValue("1s") Duration initialDelay,
                          @DefaultValue("30s") Duration maxDelay,
                          @DefaultValue("15m") Duration forgetAfter,
                          @DefaultValue("100000") int maxTracked) {

    /**
     * How long the next attempt waits after {@code failures} failures of which {@code free} cost nothing:
     * {@link #initialDelay} doubled per further failure, at most {@link #maxDelay}.
     */
    Duration delayAfter(int failures, int free) {
        int over = failures - free;
        if (over <= 0) {
            return Duration.ZERO;
        }
        Duration delay = initialDelay;
        for (int i = 1; i < over && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}

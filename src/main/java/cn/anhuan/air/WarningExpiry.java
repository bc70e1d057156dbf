package cn.anhuan.air;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lifts the active warning once its announced end ({@code ends_at}) has passed, as the system actor, through
 * {@link WarningService}'s lift (the same change record and audit entry as a person's lift), with the reason
 * {@value #REASON}. Run by {@link AirJobs}.
 */
@Component
class WarningExpiry {

    static final String REASON = "air.warning.expiredReason";
    private static final Logger log = LoggerFactory.getLogger(WarningExpiry.class);

    private final JdbcClient jdbc;
    private final WarningService warnings;
    private final MessageSource messages;
    private final Clock clock;

    WarningExpiry(JdbcClient jdbc, WarningService warnings, MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.warnings = warnings;
        this.messages = messages;
        this.clock = clock;
    }

    /** Lifts every active warning whose end has passed; returns how many. */
    @Transactional
    public int liftExpired() {
        // Row locks: a person lifting or changing the warning at this moment waits, then finds it lifted.
        record Due(long id, int version) {
        }
        List<Due> due = jdbc.sql("""
                select id, version from air.warning where status = 'ACTIVE' and ends_at <= :now order by id for update""")
                .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .query((rs, n) -> new Due(rs.getLong(1), rs.getInt(2))).list();
        // The record's text is in the platform's default language (zh-CN); pages translate the key.
        String reason = messages.getMessage(REASON, null, Locale.SIMPLIFIED_CHINESE);
        for (Due d : due) {
            warnings.lift(d.id(), reason, REASON, d.version());
            log.info("Warning {} lifted: its end has passed", d.id());
        }
        return due.size();
    }
}

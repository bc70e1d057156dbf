package cn.anhuan.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Triggers {@link AuditCheckpoints#checkpoint()} (through its transactional proxy) every
 * {@code anhuan.audit.checkpoint.interval}. There is no checkpoint at shutdown: the embedded PostgreSQL stops
 * by its own shutdown hook alongside Spring's, so the database is often gone by then.
 */
@Component
class CheckpointSchedule {

    private static final Logger log = LoggerFactory.getLogger(CheckpointSchedule.class);

    private final AuditCheckpoints checkpoints;

    CheckpointSchedule(AuditCheckpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    @Scheduled(fixedDelayString = "${anhuan.audit.checkpoint.interval:10m}",
            initialDelayString = "${anhuan.audit.checkpoint.interval:10m}")
    void scheduled() {
        AuditCheckpoints.Result result = checkpoints.checkpoint();
        if (result.outcome() == AuditCheckpoints.Outcome.WRITTEN) {
            log.debug("Audit checkpoint {} signed", result.latest().seq());
        }
    }
}

package cn.anhuan.monitoring;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs {@link QuarantinePruning} every {@code anhuan.monitoring.sample.prune-every} (through its proxy). */
@Component
class QuarantinePruningJob {

    private final QuarantinePruning pruning;

    QuarantinePruningJob(QuarantinePruning pruning) {
        this.pruning = pruning;
    }

    @Scheduled(fixedDelayString = "${anhuan.monitoring.sample.prune-every:10m}",
            initialDelayString = "${anhuan.monitoring.sample.prune-every:10m}")
    void run() {
        pruning.prune();
    }
}

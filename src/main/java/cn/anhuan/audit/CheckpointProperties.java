package cn.anhuan.audit;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Anchoring of the audit chain outside the database.
 *
 * @param keyFile  the Ed25519 key pair that signs checkpoints (created at first start, mode 0600)
 * @param file     the append-only log of signed checkpoints, one line each
 * @param interval how often the chain head is checkpointed (only when it moved)
 * @param publish  show the latest checkpoint and the public key on {@code /public/audit-anchor}
 */
@ConfigurationProperties("anhuan.audit.checkpoint")
record CheckpointProperties(@DefaultValue("./data/audit-key") Path keyFile,
                            @DefaultValue("./data/audit-checkpoints.log") Path file,
                            @DefaultValue("10m") Duration interval,
                            @DefaultValue("true") boolean publish) {
}

package cn.anhuan.monitoring;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the HJ 212 receiver against abuse ({@code anhuan.monitoring.*}; the receiver's other settings are
 * still under {@code monitoring.hj212.*}, see {@link MonitoringProperties}).
 *
 * @param bind                     address to listen on; unset: {@code monitoring.hj212.bind} (all interfaces)
 * @param maxConnections           open connections in total; more are closed as soon as accepted
 * @param maxConnectionsPerAddress open connections from one remote address
 * @param frameTimeout             a connection that sent no complete HJ 212 frame for this long is closed
 * @param sample                   how much of the rejected and quarantined traffic is kept raw
 */
@ConfigurationProperties("anhuan.monitoring")
record ReceiverProperties(String bind, @DefaultValue("2000") int maxConnections,
                          @DefaultValue("50") int maxConnectionsPerAddress, @DefaultValue("60s") Duration frameTimeout,
                          @DefaultValue Sample sample) {

    /** The address to listen on: {@code anhuan.monitoring.bind}, else the older {@code monitoring.hj212.bind}. */
    String bindOr(String fallback) {
        return bind == null || bind.isBlank() ? fallback : bind.strip();
    }

    /**
     * Every rejected frame and quarantined packet is counted per source address and reason; only a sample is kept.
     *
     * @param rejectsPerSource    rejected frames kept per source address and reason
     * @param quarantinePerSource quarantined packets kept per source address and reason (released once the device
     *                            is registered)
     * @param retention           kept frames older than this are deleted
     * @param quota               rejected and quarantined frames kept in all (raw bytes); beyond, only counted
     * @param pruneEvery          how often retention and quota are enforced
     */
    record Sample(@DefaultValue("100") int rejectsPerSource, @DefaultValue("1000") int quarantinePerSource,
                  @DefaultValue("30d") Duration retention, @DefaultValue("256MB") DataSize quota,
                  @DefaultValue("10m") Duration pruneEvery) {
    }
}

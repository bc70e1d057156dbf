package cn.anhuan.scheduling;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The scheduler of this instance.
 *
 * @param enabled           whether this instance runs scheduled jobs (tests that do not test them turn it off)
 * @param instanceName      this instance's name in {@code picked_by} (empty: the host name)
 * @param threads           jobs running at once on this instance
 * @param pollingInterval   how often the instance looks for due executions
 * @param heartbeatInterval how often a running execution's heartbeat is written
 * @param missedHeartbeats  heartbeats an execution may miss before another instance considers it dead and runs it
 *                          again (at least 4; a run of an instance that died is picked up after about this many intervals)
 * @param shutdownMaxWait   how long stopping waits for running executions
 */
@ConfigurationProperties("anhuan.scheduling")
record SchedulingProperties(@DefaultValue("true") boolean enabled, @DefaultValue("") String instanceName,
                            @DefaultValue("2") int threads, @DefaultValue("10s") Duration pollingInterval,
                            @DefaultValue("30s") Duration heartbeatInterval, @DefaultValue("4") int missedHeartbeats,
                            @DefaultValue("30s") Duration shutdownMaxWait) {
}

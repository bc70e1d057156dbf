package cn.anhuan.monitoring;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the receiver and the alarms. {@code monitoring.hj212.port} 0 picks a free port (tests).
 *
 * @param hj212 the TCP receiver
 * @param alarm alarm rules
 * @param reduction the check of the emergency reduction list during a heavy-pollution warning
 */
@ConfigurationProperties("monitoring")
record MonitoringProperties(@DefaultValue Hj212 hj212, @DefaultValue Alarm alarm, @DefaultValue Reduction reduction) {

    /**
     * @param baselineDays     the enterprise's usual emissions are measured over this many days before the warning
     * @param tolerancePercent measured emissions may exceed the baseline less the promised cut by this share of
     *                         the cut (measurement uncertainty) before the line is listed for inspection
     */
    record Reduction(@DefaultValue("7") int baselineDays, @DefaultValue("10") int tolerancePercent) {
    }

    /**
     * @param enabled       whether the TCP receiver starts
     * @param port          TCP port (default 9212)
     * @param bind          address to listen on
     * @param batchSize     packets per database transaction at most
     * @param queueCapacity packets waiting for the writers before reading from sockets pauses
     * @param writers       writer threads, each storing its own batches (PostgreSQL works on them in parallel)
     * @param idleTimeout   a connection that sends nothing this long is closed
     * @param splitTimeout  how long sub-packets (PNUM/PNO) wait for their siblings before quarantine
     * @param maxClockSkew  DataTime further than this from the receive time marks the packet's clock as wrong
     */
    record Hj212(@DefaultValue("true") boolean enabled, @DefaultValue("9212") int port,
                 @DefaultValue("0.0.0.0") String bind, @DefaultValue("2000") int batchSize,
                 @DefaultValue("20000") int queueCapacity, @DefaultValue("2") int writers, @DefaultValue("10m") Duration idleTimeout,
                 @DefaultValue("60s") Duration splitTimeout, @DefaultValue("1h") Duration maxClockSkew) {
    }

    /**
     * @param offlineFactor a device is offline after this many expected intervals without data
     * @param offlineMinimum and never before this long
     * @param checkEvery    how often the offline check runs
     * @param abnormalFlags data flags that raise a FLAG alarm
     * @param ignoredFlags  data flags whose values never count towards an exceedance
     */
    record Alarm(@DefaultValue("3") int offlineFactor, @DefaultValue("10m") Duration offlineMinimum,
                 @DefaultValue("60s") Duration checkEvery, @DefaultValue("D,F,T,B") String abnormalFlags,
                 @DefaultValue("M,C") String ignoredFlags) {

        /** Whether a data flag raises a FLAG alarm (flags are single letters; the list is comma-separated). */
        boolean abnormal(char flag) {
            return flag != 0 && flag != ',' && abnormalFlags.indexOf(flag) >= 0;
        }

        /** Whether a value with this data flag is left out of exceedance counting. */
        boolean ignored(char flag) {
            return flag != 0 && flag != ',' && ignoredFlags.indexOf(flag) >= 0;
        }
    }
}

package cn.anhuan.air;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the air-quality module.
 *
 * @param realtimePm2012 how HJ 633-2012 real-time reports treat PM: the 24-h sliding means the text names
 *                       (default), or 1-h values on the 24-h table as several publishers did
 * @param warningScheme  the heavy-pollution warning scheme the platform proposes by: 2018 (default) or 2017
 * @param mergeGapDays   clean days (AQI at most 200) that may separate two runs still counted as one episode
 * @param warningExpiryCheck how often the active warning is lifted when its announced end has passed
 */
@ConfigurationProperties("anhuan.air")
record AirProperties(@DefaultValue("SLIDING_24H") AqiCalculator.RealtimePm2012 realtimePm2012,
                     @DefaultValue("2018") String warningScheme,
                     @DefaultValue("0") int mergeGapDays,
                     @DefaultValue("5m") java.time.Duration warningExpiryCheck) {
}

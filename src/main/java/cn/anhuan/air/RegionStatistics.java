package cn.anhuan.air;

import java.math.BigDecimal;

/**
 * A county's (or the city's) figures for a month or a year: days with a valid AQI, good days (AQI ≤ 100) and
 * their ratio, mean PM2.5 and PM10 of the daily values, days per level (index 0 = level 1), and the rank
 * (1 = lowest PM2.5).
 */
public record RegionStatistics(String regionCode, int validDays, int goodDays, BigDecimal goodRatio,
                               BigDecimal pm25Mean, BigDecimal pm10Mean, int[] daysByLevel, int rank) {
}

package cn.anhuan.air;

import java.time.Instant;
import java.time.LocalDate;

/** The AQI of a county-level unit (or the city) for an hour or a day, from the mean of its stations. */
public record RegionAqi(String regionCode, Instant hour, LocalDate day, AqiResult result, int stations) {
}

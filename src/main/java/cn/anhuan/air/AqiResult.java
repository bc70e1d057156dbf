package cn.anhuan.air;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One AQI evaluation, stored with the standard that produced it.
 *
 * @param aqi            the AQI, or null where the standard says NA (missing data)
 * @param level          its level, or null with a null AQI
 * @param primary        primary pollutants (AQI above 50; ties all listed)
 * @param nonAttainment  indicators whose IAQI is above 100
 * @param missing        indicators the report needs that were absent
 */
public record AqiResult(AqiStandard standard, AqiReport report, Integer aqi, AqiLevel level, List<Indicator> primary,
                        List<Indicator> nonAttainment, List<Indicator> missing, Map<Indicator, Integer> iaqi) {

    public AqiResult {
        primary = List.copyOf(primary);
        nonAttainment = List.copyOf(nonAttainment);
        missing = List.copyOf(missing);
        iaqi = Collections.unmodifiableMap(new EnumMap<>(iaqi.isEmpty() ? new EnumMap<>(Indicator.class) : iaqi));
    }
}

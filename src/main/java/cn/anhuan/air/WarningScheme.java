package cn.anhuan.air;

import java.util.List;

/**
 * The warning-level rules on forecast daily AQI. 2018 (环办大气函〔2018〕875号, the default): yellow after 2 days
 * above 200, orange after 3, red after 4 with 2 above 300 or any day reaching 500; no blue. 2017 (环大气〔2017〕86号):
 * blue at 1 day above 200, yellow at 2, orange at 3 with one above 300, red as 2018.
 */
public enum WarningScheme {
    S2017("2017"), S2018("2018");

    private final String code;

    WarningScheme(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The levels this scheme can issue, lowest first (2018 has no blue). */
    public List<WarningLevel> levels() {
        return this == S2018 ? List.of(WarningLevel.YELLOW, WarningLevel.ORANGE, WarningLevel.RED)
                : List.of(WarningLevel.values());
    }

    public static WarningScheme ofCode(String code) {
        for (WarningScheme s : values()) {
            if (s.code.equals(code)) {
                return s;
            }
        }
        throw new IllegalArgumentException(code);
    }

    /**
     * The level the forecast calls for, or null. The episode is the first run of days above 200 in the forecast;
     * runs separated by at most {@code mergeGapDays} days at or below 200 count as one episode (regions set this).
     */
    public WarningLevel propose(List<Integer> dailyAqi, int mergeGapDays) {
        int above200 = 0;
        int above300 = 0;
        boolean reaches500 = false;
        boolean inEpisode = false;
        int gap = 0;
        for (Integer aqi : dailyAqi) {
            if (aqi == null) {
                break;
            }
            if (aqi > 200) {
                inEpisode = true;
                gap = 0;
                above200++;
                if (aqi > 300) {
                    above300++;
                }
                if (aqi >= 500) {
                    reaches500 = true;
                }
            } else if (inEpisode && ++gap > mergeGapDays) {
                break;
            }
        }
        if (reaches500 || (above200 >= 4 && above300 >= 2)) {
            return WarningLevel.RED;
        }
        if (this == S2018) {
            return above200 >= 3 ? WarningLevel.ORANGE : above200 >= 2 ? WarningLevel.YELLOW : null;
        }
        if (above200 >= 3 && above300 >= 1) {
            return WarningLevel.ORANGE;
        }
        return above200 >= 2 ? WarningLevel.YELLOW : above200 >= 1 ? WarningLevel.BLUE : null;
    }

    /** Lifting: the forecast stays at or below 200 for more than 36 hours, i.e. the next two days. */
    public static boolean liftingAllowed(List<Integer> dailyAqi) {
        return dailyAqi.size() >= 2 && dailyAqi.get(0) != null && dailyAqi.get(1) != null
                && dailyAqi.get(0) <= 200 && dailyAqi.get(1) <= 200;
    }
}

package cn.anhuan.monitoring.hj212;

import java.util.Arrays;

/**
 * The values of one factor in one packet: {@code <code>-Rtd}, {@code -Avg}, {@code -Min}, {@code -Max},
 * {@code -Cou} and their converted ({@code Zs}) forms, with the data flag. The code is normalised to HJ 212-2017;
 * the legacy (HJ/T 212-2005) code it arrived with is kept. Absent values are NaN.
 */
public final class Reading {

    public static final int RTD = 0;
    public static final int AVG = 1;
    public static final int MIN = 2;
    public static final int MAX = 3;
    public static final int COU = 4;
    public static final int ZS_RTD = 5;
    public static final int ZS_AVG = 6;
    public static final int ZS_MIN = 7;
    public static final int ZS_MAX = 8;
    public static final int ZS_COU = 9;
    public static final int VALUES = 10;

    private final String code;
    private final String legacyCode;
    private final double[] values = new double[VALUES];
    private char flag;
    private String extraFlag;
    final int codeOffset;
    final int codeLength;

    Reading(String code, String legacyCode, int codeOffset, int codeLength) {
        this.code = code;
        this.legacyCode = legacyCode;
        this.codeOffset = codeOffset;
        this.codeLength = codeLength;
        Arrays.fill(values, Double.NaN);
    }

    /** The factor code (HJ 212-2017, or as received when no mapping is known). */
    public String code() {
        return code;
    }

    /** The HJ/T 212-2005 code it was sent with, or null. */
    public String legacyCode() {
        return legacyCode;
    }

    public double value(int kind) {
        return values[kind];
    }

    void set(int kind, double value) {
        values[kind] = value;
    }

    /** The data flag (N, F, M, S, D, C, T, B), or 0 when none was sent. */
    public char flag() {
        return flag;
    }

    void flag(char flag) {
        this.flag = flag;
    }

    /** The {@code EFlag} (equipment flag) as sent, or null. */
    public String extraFlag() {
        return extraFlag;
    }

    void extraFlag(String extraFlag) {
        this.extraFlag = extraFlag;
    }

    /** The value that stands for this reading: real-time, else average, else cumulative. */
    public double main() {
        return !Double.isNaN(values[RTD]) ? values[RTD] : !Double.isNaN(values[AVG]) ? values[AVG] : values[COU];
    }

    /** The converted (折算) counterpart of {@link #main()}, NaN when not sent. */
    public double converted() {
        return !Double.isNaN(values[ZS_RTD]) ? values[ZS_RTD] : values[ZS_AVG];
    }
}

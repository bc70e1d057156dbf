package cn.anhuan.enterprise;

import java.util.Locale;

/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters of
 * {@code 0-9 A-H J-N P-R T U W-Y}; position 18 is the check character over positions 1–17 (weights 3^(i-1) mod 31),
 * positions 9–17 are the GB 11714 organisation code whose own check character is position 17, and positions
 * 3–8 are the GB/T 2260 code of the registering authority.
 */
public final class CreditCode {

    static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    /** Why a code is not valid, or OK. */
    public enum Check {
        OK, LENGTH, CHARACTER, CHECK_DIGIT, ORGANISATION_CHECK
    }

    private CreditCode() {
    }

    public static String normalise(String code) {
        return code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
    }

    public static Check check(String raw) {
        String code = normalise(raw);
        if (code.length() != 18) {
            return Check.LENGTH;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = CHARSET.indexOf(code.charAt(i));
            if (v < 0) {
                return Check.CHARACTER;
            }
            sum += v * WEIGHTS[i];
        }
        if (CHARSET.indexOf(code.charAt(17)) < 0) {
            return Check.CHARACTER;
        }
        int c = 31 - sum % 31;
        if (CHARSET.charAt(c == 31 ? 0 : c) != code.charAt(17)) {
            return Check.CHECK_DIGIT;
        }
        return organisationCheck(code.substring(8, 16)) == code.charAt(16) ? Check.OK : Check.ORGANISATION_CHECK;
    }

    /** The GB 11714 check character of an 8-character organisation code body (digits 0–9, letters A=10 … Z=35). */
    static char organisationCheck(String body) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char ch = body.charAt(i);
            int v = Character.isDigit(ch) ? ch - '0' : ch - 'A' + 10;
            sum += v * ORG_WEIGHTS[i];
        }
        int c = 11 - sum % 11;
        return c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c);
    }

    /** The registering authority's region code (positions 3–8). */
    public static String regionDigits(String code) {
        return normalise(code).substring(2, 8);
    }

    /** Completes a 16-character body (positions 1–16) with both check characters: for generated demo data. */
    static String complete(String body16) {
        String with17 = body16 + organisationCheck(body16.substring(8, 16));
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CHARSET.indexOf(with17.charAt(i)) * WEIGHTS[i];
        }
        int c = 31 - sum % 31;
        return with17 + CHARSET.charAt(c == 31 ? 0 : c);
    }
}

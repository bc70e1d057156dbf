package cn.anhuan.shared;

import java.time.Instant;
import java.time.LocalDate;

/**
 * {@link Instant#toString()} and {@link LocalDate#toString()} without {@link java.time.format.DateTimeFormatter}:
 * the same ISO-8601 text (an instant in UTC, seconds always, a fraction in groups of three digits only when there
 * is one), written straight into a char array. For JSON serialisers of long lists, where the formatter was a
 * tenth of the serialising time. {@code IsoTimesTests} compares both on a million instants and many dates.
 */
public final class IsoTimes {

    private IsoTimes() {
    }

    /** 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z: outside, the year has a sign or a fifth digit. */
    private static final long FIRST = -62_167_219_200L;
    private static final long END = 253_402_300_800L;

    public static String instant(Instant t) {
        long seconds = t.getEpochSecond();
        if (seconds < FIRST || seconds >= END) {
            return t.toString();
        }
        int secondOfDay = (int) Math.floorMod(seconds, 86_400);
        char[] c = new char[30];
        date(c, LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400)));
        c[10] = 'T';
        digits(c, 11, secondOfDay / 3600, 2);
        c[13] = ':';
        digits(c, 14, secondOfDay / 60 % 60, 2);
        c[16] = ':';
        digits(c, 17, secondOfDay % 60, 2);
        int n = 19;
        int nano = t.getNano();
        if (nano > 0) {
            c[n++] = '.';
            if (nano % 1_000_000 == 0) {
                digits(c, n, nano / 1_000_000, 3);
                n += 3;
            } else if (nano % 1_000 == 0) {
                digits(c, n, nano / 1_000, 6);
                n += 6;
            } else {
                digits(c, n, nano, 9);
                n += 9;
            }
        }
        c[n++] = 'Z';
        return new String(c, 0, n);
    }

    /** {@link LocalDate#toString()} (ISO yyyy-MM-dd) the same way. */
    public static String date(LocalDate d) {
        int year = d.getYear();
        if (year < 0 || year > 9999) {
            return d.toString();
        }
        char[] c = new char[10];
        date(c, d);
        return new String(c);
    }

    /** yyyy-MM-dd into the first ten chars (a year of 0 to 9999). */
    private static void date(char[] c, LocalDate d) {
        digits(c, 0, d.getYear(), 4);
        c[4] = '-';
        digits(c, 5, d.getMonthValue(), 2);
        c[7] = '-';
        digits(c, 8, d.getDayOfMonth(), 2);
    }

    /** {@code value} as exactly {@code width} decimal digits (zero-padded) at {@code at}. */
    private static void digits(char[] c, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}

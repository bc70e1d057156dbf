package cn.anhuan.monitoring.hj212;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * Parses the data segment of a framed packet straight from its bytes: header fields up to {@code CP=&&}, then
 * the data area's {@code key=value} items separated by {@code ;} and {@code ,}. Factor values become
 * {@link Reading}s (legacy codes normalised), DataTime becomes epoch milliseconds (China time, 14 or 17 digits),
 * anything else lands in the extras. A packet without MN, CN or a closed CP is malformed.
 */
public final class PacketParser {

    private static final long CHINA_OFFSET_MS = 8 * 3_600_000L;
    private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13,
            1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    private final FactorCodes codes;

    public PacketParser(FactorCodes codes) {
        this.codes = codes;
    }

    /** Thrown for a framed packet whose segment cannot be read; the message is the reason. */
    public static final class MalformedPacketException extends Exception {
        public MalformedPacketException(String reason) {
            super(reason, null, false, false);
        }
    }

    public Packet parse(byte[] f) throws MalformedPacketException {
        Packet p = new Packet(f);
        int end = f.length - 6;
        int i = 6;
        int cpStart = -1;
        while (i < end) {
            if (end - i >= 5 && f[i] == 'C' && f[i + 1] == 'P' && f[i + 2] == '=' && f[i + 3] == '&' && f[i + 4] == '&') {
                cpStart = i + 5;
                break;
            }
            int eq = indexOf(f, i, end, (byte) '=');
            int semi = eq < 0 ? -1 : indexOf(f, eq + 1, end, (byte) ';');
            if (semi < 0) {
                throw new MalformedPacketException("no CP");
            }
            header(p, f, i, eq, semi);
            i = semi + 1;
        }
        if (cpStart < 0) {
            throw new MalformedPacketException("no CP");
        }
        if (end - cpStart < 2 || f[end - 1] != '&' || f[end - 2] != '&') {
            throw new MalformedPacketException("CP not closed");
        }
        if (p.mn == null || p.mn.isEmpty()) {
            throw new MalformedPacketException("no MN");
        }
        if (p.cn == null || p.cn.isEmpty()) {
            throw new MalformedPacketException("no CN");
        }
        dataArea(p, f, cpStart, end - 2);
        return p;
    }

    private static void header(Packet p, byte[] f, int from, int eq, int to) {
        int len = eq - from;
        if (len == 2) {
            int a = f[from];
            int b = f[from + 1];
            if (a == 'Q' && b == 'N') {
                p.qn = ascii(f, eq + 1, to);
            } else if (a == 'S' && b == 'T') {
                p.st = ascii(f, eq + 1, to);
            } else if (a == 'C' && b == 'N') {
                p.cn = ascii(f, eq + 1, to);
            } else if (a == 'P' && b == 'W') {
                p.pw = ascii(f, eq + 1, to);
            } else if (a == 'M' && b == 'N') {
                p.mn = ascii(f, eq + 1, to);
            } else {
                anomaly(p, "header " + ascii(f, from, eq));
            }
        } else if (len == 4 && f[from] == 'F' && f[from + 1] == 'l' && f[from + 2] == 'a' && f[from + 3] == 'g') {
            p.flag = integer(f, eq + 1, to);
        } else if (len == 4 && f[from] == 'P' && f[from + 1] == 'N' && f[from + 2] == 'U' && f[from + 3] == 'M') {
            p.pnum = integer(f, eq + 1, to);
        } else if (len == 3 && f[from] == 'P' && f[from + 1] == 'N' && f[from + 2] == 'O') {
            p.pno = integer(f, eq + 1, to);
        } else {
            anomaly(p, "header " + ascii(f, from, eq));
        }
    }

    private void dataArea(Packet p, byte[] f, int from, int to) {
        List<Reading> readings = null;
        int j = from;
        while (j < to) {
            int stop = j;
            while (stop < to && f[stop] != ';' && f[stop] != ',') {
                stop++;
            }
            if (stop > j) {
                readings = item(p, f, j, stop, readings);
            }
            j = stop + 1;
        }
        if (readings != null) {
            p.readings = readings;
        }
    }

    private List<Reading> item(Packet p, byte[] f, int from, int to, List<Reading> readings) {
        int eq = indexOf(f, from, to, (byte) '=');
        if (eq < 0) {
            anomaly(p, "item without = " + utf8(f, from, to));
            return readings;
        }
        if (eq - from == 8 && f[from] == 'D' && f[from + 1] == 'a' && f[from + 2] == 't' && f[from + 3] == 'a'
                && f[from + 4] == 'T' && f[from + 5] == 'i' && f[from + 6] == 'm' && f[from + 7] == 'e') {
            p.dataTime = time(f, eq + 1, to);
            if (p.dataTime == Packet.NO_TIME) {
                anomaly(p, "DataTime " + utf8(f, eq + 1, to));
            }
            return readings;
        }
        int dash = indexOf(f, from, eq, (byte) '-');
        if (dash <= from) {
            extra(p, f, from, eq, to);
            return readings;
        }
        int kind = kind(f, dash + 1, eq);
        if (kind == UNKNOWN) {
            anomaly(p, "field " + utf8(f, from, eq));
            extra(p, f, from, eq, to);
            return readings;
        }
        if (readings == null) {
            readings = new ArrayList<>(8);
        }
        Reading r = find(readings, f, from, dash);
        if (r == null) {
            String sent = ascii(f, from, dash);
            String code = codes.normalise(sent);
            r = new Reading(code, code.equals(sent) ? null : sent, from, dash - from);
            readings.add(r);
        }
        if (kind == FLAG) {
            if (to - eq == 2) {
                r.flag((char) f[eq + 1]);
            } else {
                anomaly(p, "flag " + utf8(f, from, to));
            }
        } else if (kind == ZS_FLAG) {
            if (r.flag() == 0 && to - eq == 2) {
                r.flag((char) f[eq + 1]);
            }
        } else if (kind == EFLAG) {
            r.extraFlag(ascii(f, eq + 1, to));
        } else if (kind == SAMPLE_TIME) {
            extra(p, f, from, eq, to);
        } else {
            double v = number(f, eq + 1, to);
            if (Double.isNaN(v)) {
                anomaly(p, "value " + utf8(f, from, to));
            } else {
                r.set(kind, v);
            }
        }
        return readings;
    }

    private static Reading find(List<Reading> readings, byte[] f, int from, int to) {
        int len = to - from;
        for (int k = 0, n = readings.size(); k < n; k++) {
            Reading r = readings.get(k);
            if (r.codeLength == len && java.util.Arrays.equals(f, r.codeOffset, r.codeOffset + len, f, from, to)) {
                return r;
            }
        }
        return null;
    }

    private static final int UNKNOWN = -1;
    private static final int FLAG = 100;
    private static final int ZS_FLAG = 101;
    private static final int EFLAG = 102;
    private static final int SAMPLE_TIME = 103;

    private static int kind(byte[] f, int from, int to) {
        int len = to - from;
        boolean zs = len > 2 && f[from] == 'Z' && f[from + 1] == 's';
        int s = zs ? from + 2 : from;
        int rest = to - s;
        if (rest == 3) {
            int a = f[s];
            int b = f[s + 1];
            int c = f[s + 2];
            if (a == 'R' && b == 't' && c == 'd') {
                return zs ? Reading.ZS_RTD : Reading.RTD;
            } else if (a == 'A' && b == 'v' && c == 'g') {
                return zs ? Reading.ZS_AVG : Reading.AVG;
            } else if (a == 'M' && b == 'i' && c == 'n') {
                return zs ? Reading.ZS_MIN : Reading.MIN;
            } else if (a == 'M' && b == 'a' && c == 'x') {
                return zs ? Reading.ZS_MAX : Reading.MAX;
            } else if (a == 'C' && b == 'o' && c == 'u') {
                return zs ? Reading.ZS_COU : Reading.COU;
            }
            return UNKNOWN;
        }
        if (rest == 4 && f[s] == 'F' && f[s + 1] == 'l' && f[s + 2] == 'a' && f[s + 3] == 'g') {
            return zs ? ZS_FLAG : FLAG;
        }
        if (zs) {
            return UNKNOWN;
        }
        if (len == 2 && f[from] == 'R' && (f[from + 1] == 'S' || f[from + 1] == 'T')) {
            return Reading.RTD;
        }
        if (len == 5 && f[from] == 'E' && f[from + 1] == 'F' && f[from + 2] == 'l' && f[from + 3] == 'a'
                && f[from + 4] == 'g') {
            return EFLAG;
        }
        if (len == 10 && new String(f, from, len, StandardCharsets.ISO_8859_1).equals("SampleTime")) {
            return SAMPLE_TIME;
        }
        return UNKNOWN;
    }

    /** A decimal number; exact to the nearest double when its digits fit in 53 bits. NaN when not a number. */
    static double number(byte[] f, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && (f[i] == '-' || f[i] == '+')) {
            negative = f[i] == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        boolean any = false;
        int scale = -1;
        for (; i < to; i++) {
            int c = f[i];
            if (c >= '0' && c <= '9') {
                any = true;
                if (digits < 18) {
                    mantissa = mantissa * 10 + (c - '0');
                    if (mantissa != 0) {
                        digits++;
                    }
                    if (scale >= 0) {
                        scale++;
                    }
                } else {
                    return slow(f, from, to);
                }
            } else if (c == '.' && scale < 0) {
                scale = 0;
            } else {
                return slow(f, from, to);
            }
        }
        if (!any) {
            return Double.NaN;
        }
        if (scale < 0) {
            scale = 0;
        }
        if (mantissa >= (1L << 53) || scale >= POW10.length) {
            return slow(f, from, to);
        }
        double v = scale == 0 ? mantissa : mantissa / POW10[scale];
        return negative ? -v : v;
    }

    private static double slow(byte[] f, int from, int to) {
        try {
            double v = Double.parseDouble(new String(f, from, to - from, StandardCharsets.ISO_8859_1));
            return Double.isFinite(v) ? v : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** {@code YYYYMMDDhhmmss} with optional {@code zzz}, China time, as epoch milliseconds; NO_TIME if invalid. */
    static long time(byte[] f, int from, int to) {
        int len = to - from;
        if (len != 14 && len != 17) {
            return Packet.NO_TIME;
        }
        for (int i = from; i < to; i++) {
            if (f[i] < '0' || f[i] > '9') {
                return Packet.NO_TIME;
            }
        }
        int year = digits(f, from, 4);
        int month = digits(f, from + 4, 2);
        int day = digits(f, from + 6, 2);
        int hour = digits(f, from + 8, 2);
        int minute = digits(f, from + 10, 2);
        int second = digits(f, from + 12, 2);
        int millis = len == 17 ? digits(f, from + 14, 3) : 0;
        if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59
                || second > 59) {
            return Packet.NO_TIME;
        }
        long days = epochDay(year, month, day);
        return ((days * 24 + hour) * 60 + minute) * 60_000L + second * 1000L + millis - CHINA_OFFSET_MS;
    }

    private static int daysIn(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static long epochDay(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }

    private static int digits(byte[] f, int from, int n) {
        int v = 0;
        for (int i = from; i < from + n; i++) {
            v = v * 10 + (f[i] - '0');
        }
        return v;
    }

    private static int integer(byte[] f, int from, int to) {
        if (from == to || to - from > 9) {
            return -1;
        }
        int v = 0;
        for (int i = from; i < to; i++) {
            int d = f[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    private static void extra(Packet p, byte[] f, int from, int eq, int to) {
        if (p.extras.isEmpty()) {
            p.extras = new HashMap<>(4);
        }
        p.extras.put(utf8(f, from, eq), utf8(f, eq + 1, to));
    }

    private static void anomaly(Packet p, String what) {
        if (p.anomalies.isEmpty()) {
            p.anomalies = new ArrayList<>(2);
        }
        p.anomalies.add(what);
    }

    private static int indexOf(byte[] f, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (f[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static String ascii(byte[] f, int from, int to) {
        return new String(f, from, to - from, StandardCharsets.ISO_8859_1);
    }

    private static String utf8(byte[] f, int from, int to) {
        return new String(f, from, to - from, StandardCharsets.UTF_8);
    }
}

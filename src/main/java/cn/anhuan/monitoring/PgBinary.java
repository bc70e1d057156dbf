package cn.anhuan.monitoring;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Rows in PostgreSQL's binary COPY format, built in one growable array: no text formatting of numbers or times,
 * and the server parses nothing. Header and trailer per the COPY documentation.
 */
final class PgBinary {

    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};
    private static final long PG_EPOCH_MS = 946_684_800_000L;

    private byte[] buf = new byte[1 << 16];
    private int pos;
    private int rows;
    private byte[] done;

    PgBinary() {
        put(HEADER);
    }

    PgBinary row(int fields) {
        rows++;
        return int16Raw(fields);
    }

    int rows() {
        return rows;
    }

    PgBinary int8(long v) {
        int32Raw(8);
        ensure(8);
        for (int s = 56; s >= 0; s -= 8) {
            buf[pos++] = (byte) (v >>> s);
        }
        return this;
    }

    PgBinary int2(int v) {
        int32Raw(2);
        return int16Raw(v);
    }

    PgBinary bool(boolean v) {
        int32Raw(1);
        ensure(1);
        buf[pos++] = (byte) (v ? 1 : 0);
        return this;
    }

    /** A float8, or NULL for NaN. */
    PgBinary float8(double v) {
        return Double.isNaN(v) ? nul() : int8(Double.doubleToRawLongBits(v));
    }

    PgBinary timestamp(long epochMillis) {
        return int8((epochMillis - PG_EPOCH_MS) * 1000);
    }

    PgBinary text(String s) {
        if (s == null) {
            return nul();
        }
        return bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Text without NUL bytes, which PostgreSQL text cannot hold. */
    PgBinary cleanText(String s) {
        return s == null ? nul() : text(s.indexOf('\0') >= 0 ? s.replace("\0", "") : s);
    }

    PgBinary bytes(byte[] b) {
        int32Raw(b.length);
        put(b);
        return this;
    }

    PgBinary nul() {
        return int32Raw(-1);
    }

    /** The whole COPY payload with its trailer. */
    byte[] finish() {
        if (done == null) {
            int16Raw(-1);
            done = Arrays.copyOf(buf, pos);
        }
        return done;
    }

    private PgBinary int16Raw(int v) {
        ensure(2);
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
        return this;
    }

    private PgBinary int32Raw(int v) {
        ensure(4);
        buf[pos++] = (byte) (v >>> 24);
        buf[pos++] = (byte) (v >>> 16);
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
        return this;
    }

    private void put(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
    }

    private void ensure(int n) {
        if (pos + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
        }
    }
}

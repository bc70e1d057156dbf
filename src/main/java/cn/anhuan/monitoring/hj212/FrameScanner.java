package cn.anhuan.monitoring.hj212;

import io.netty.buffer.ByteBuf;

/**
 * Cuts HJ 212 frames out of a byte stream: {@code ##} + four length digits + segment + four hex CRC digits +
 * CR LF. Survives packets split across reads (returns {@code null} until a frame is complete), several
 * packets in one read and garbage between them (resynchronises on the next {@code ##}; each garbage line is
 * one {@link Frame.Kind#MALFORMED} frame). The length is checked separately from the CRC. Stateless.
 */
public final class FrameScanner {

    /** Declared lengths above this are not waited for: the frame is cut at its line end instead. */
    public static final int HARD_MAX_SEGMENT = 4096;
    private static final int OVERHEAD = 12;

    private FrameScanner() {
    }

    /** The next frame in {@code in} from its reader index (which it advances past the frame), or null. */
    public static Frame next(ByteBuf in) {
        int start = in.readerIndex();
        int end = in.writerIndex();
        if (start >= end) {
            return null;
        }
        int p = hashes(in, start, end);
        if (p != start) {
            int stop = p < 0 ? (in.getByte(end - 1) == '#' ? end - 1 : end) : p;
            int lf = in.indexOf(start, stop, (byte) '\n');
            int cut = lf >= 0 ? lf + 1 : stop;
            if (cut == start || (lf < 0 && p < 0 && end - start < HARD_MAX_SEGMENT + OVERHEAD)) {
                return null;
            }
            return garbage(in, start, cut);
        }
        if (end - p < 6) {
            return null;
        }
        int n = 0;
        for (int i = p + 2; i < p + 6; i++) {
            int d = in.getByte(i) - '0';
            if (d < 0 || d > 9) {
                return skipToNext(in, p, end);
            }
            n = n * 10 + d;
        }
        int frameEnd = p + n + OVERHEAD;
        if (n > HARD_MAX_SEGMENT) {
            return cutAtLineEnd(in, p, end, false);
        }
        int early = in.indexOf(p + 6, Math.min(end, frameEnd - 1), (byte) '\n');
        if (early >= 0) {
            return lengthMismatch(in, p, early + 1);
        }
        if (end < frameEnd) {
            return null;
        }
        if (in.getByte(frameEnd - 2) != '\r' || in.getByte(frameEnd - 1) != '\n') {
            return cutAtLineEnd(in, p, end, true);
        }
        byte[] bytes = take(in, p, frameEnd);
        int declared = hex(bytes, 6 + n);
        if (declared >= 0 && declared == Hj212Crc.hj212(bytes, 6, n)) {
            return new Frame(Frame.Kind.VALID, bytes);
        }
        if (declared >= 0) {
            int modbus = Hj212Crc.modbus(bytes, 6, n);
            if (declared == modbus || declared == (((modbus & 0xFF) << 8) | (modbus >>> 8))) {
                return new Frame(Frame.Kind.MODBUS_CRC, bytes);
            }
        }
        return new Frame(Frame.Kind.BAD_CRC, bytes);
    }

    /** What is left when the stream ends: garbage or an incomplete frame, as one malformed frame. */
    public static Frame rest(ByteBuf in) {
        int start = in.readerIndex();
        int end = in.writerIndex();
        return start < end ? garbage(in, start, end) : null;
    }

    private static Frame skipToNext(ByteBuf in, int p, int end) {
        int next = hashes(in, p + 2, end);
        int lf = in.indexOf(p + 2, next < 0 ? end : next, (byte) '\n');
        int cut = lf >= 0 ? lf + 1 : next;
        if (cut < 0) {
            if (end - p < HARD_MAX_SEGMENT + OVERHEAD) {
                return null;
            }
            cut = end;
        }
        return garbage(in, p, cut);
    }

    /** The declared length is wrong: the frame runs to the line end; look at the CRC to say how wrong. */
    private static Frame cutAtLineEnd(ByteBuf in, int p, int end, boolean waitForLine) {
        int lf = in.indexOf(p + 6, end, (byte) '\n');
        if (lf < 0) {
            if (waitForLine && end - p < HARD_MAX_SEGMENT + OVERHEAD) {
                return null;
            }
            return garbage(in, p, end);
        }
        return lengthMismatch(in, p, lf + 1);
    }

    private static Frame lengthMismatch(ByteBuf in, int p, int cut) {
        byte[] bytes = take(in, p, cut);
        int tail = bytes.length - (bytes[bytes.length - 2] == '\r' ? 2 : 1);
        int segment = tail - 4 - 6;
        if (segment < 0) {
            return new Frame(Frame.Kind.MALFORMED, bytes);
        }
        int declared = hex(bytes, tail - 4);
        boolean crc = declared >= 0 && declared == Hj212Crc.hj212(bytes, 6, segment);
        return new Frame(crc ? Frame.Kind.BAD_LENGTH : Frame.Kind.BAD_CRC_AND_LENGTH, bytes);
    }

    private static Frame garbage(ByteBuf in, int from, int to) {
        byte[] bytes = take(in, from, to);
        for (byte b : bytes) {
            if (b != '\r' && b != '\n' && b != ' ' && b != '\t') {
                return new Frame(Frame.Kind.MALFORMED, bytes);
            }
        }
        return in.readerIndex() < in.writerIndex() ? next(in) : null;
    }

    private static byte[] take(ByteBuf in, int from, int to) {
        byte[] bytes = new byte[to - from];
        in.getBytes(from, bytes);
        in.readerIndex(to);
        return bytes;
    }

    private static int hashes(ByteBuf in, int from, int end) {
        int i = from;
        while (i < end - 1) {
            int h = in.indexOf(i, end - 1, (byte) '#');
            if (h < 0) {
                return -1;
            }
            if (in.getByte(h + 1) == '#') {
                return h;
            }
            i = h + 1;
        }
        return -1;
    }

    /** Four hex digits (either case) at {@code off}, or -1. */
    private static int hex(byte[] b, int off) {
        int v = 0;
        for (int i = off; i < off + 4; i++) {
            int c = b[i];
            int d = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10
                    : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
            if (d < 0) {
                return -1;
            }
            v = (v << 4) | d;
        }
        return v;
    }
}

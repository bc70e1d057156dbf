package cn.anhuan.monitoring.hj212;

import java.nio.charset.StandardCharsets;

/**
 * One unit cut from the byte stream: a packet whose length and CRC checked out, or a reject with its reason.
 * {@code bytes} is the whole frame as received, from {@code ##} to the line end (for a reject: what was skipped).
 */
public record Frame(Kind kind, byte[] bytes) {

    /** The outcome of framing. */
    public enum Kind {
        /** Declared length, CR LF and the HJ 212 CRC are right. */
        VALID,
        /** Length and CR LF right, the HJ 212 CRC wrong but CRC-16/MODBUS (either byte order) right. */
        MODBUS_CRC,
        BAD_CRC,
        /** The CR LF is not where the declared length puts it; the CRC matches the segment actually sent. */
        BAD_LENGTH,
        BAD_CRC_AND_LENGTH,
        /** Not {@code ##dddd…XXXX}: a probe, a fragment, binary garbage. */
        MALFORMED;

        public boolean framed() {
            return this == VALID || this == MODBUS_CRC;
        }
    }

    /** The data segment's length (framed packets only). */
    public int segmentLength() {
        return bytes.length - 12;
    }

    /** A complete frame for a data segment: {@code ##}, the length in UTF-8 bytes, the segment, the CRC, CR LF. */
    public static byte[] encode(String segment) {
        return encode(segment.getBytes(StandardCharsets.UTF_8));
    }

    /** A complete frame for a data segment given as bytes. */
    public static byte[] encode(byte[] seg) {
        byte[] head = String.format("##%04d", seg.length).getBytes(StandardCharsets.US_ASCII);
        byte[] tail = (Hj212Crc.hex(Hj212Crc.hj212(seg, 0, seg.length)) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[head.length + seg.length + tail.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(seg, 0, out, head.length, seg.length);
        System.arraycopy(tail, 0, out, head.length + seg.length, tail.length);
        return out;
    }

    /** The frame as text for logs and the quarantine list (UTF-8, invalid bytes replaced). */
    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}

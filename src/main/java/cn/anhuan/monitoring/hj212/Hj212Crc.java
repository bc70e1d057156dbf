package cn.anhuan.monitoring.hj212;

/**
 * The CRC of HJ 212 Appendix A ("ANSI CRC16": register 0xFFFF, reflected polynomial 0xA001, the byte XORed
 * into the previous high byte) and, for devices that send it, CRC-16/MODBUS. After {@code (crc >>> 8) ^ b}
 * the state is one byte, so the eight shift steps of the standard's loop are one table lookup.
 */
public final class Hj212Crc {

    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int crc = i;
            for (int k = 0; k < 8; k++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
            }
            TABLE[i] = crc;
        }
    }

    private Hj212Crc() {
    }

    /** The HJ 212 CRC of {@code len} bytes from {@code off}. */
    public static int hj212(byte[] data, int off, int len) {
        int crc = 0xFFFF;
        for (int i = off, end = off + len; i < end; i++) {
            crc = TABLE[(crc >>> 8) ^ (data[i] & 0xFF)];
        }
        return crc;
    }

    /** CRC-16/MODBUS (the byte XORed into the whole register), which some loggers send instead. */
    public static int modbus(byte[] data, int off, int len) {
        int crc = 0xFFFF;
        for (int i = off, end = off + len; i < end; i++) {
            crc = (crc >>> 8) ^ TABLE[(crc ^ data[i]) & 0xFF];
        }
        return crc;
    }

    /** The four upper-case hex digits that carry a CRC on the wire, high byte first. */
    public static String hex(int crc) {
        return String.format("%04X", crc & 0xFFFF);
    }
}

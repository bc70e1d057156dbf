package cn.anhuan.hazard;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/** Images made byte by byte for tests: PNG headers that promise any size, JPEGs with an EXIF orientation. */
public final class CraftedImages {

    private CraftedImages() {
    }

    /** A PNG with the given header and the given (already zlib-compressed) image data. */
    public static byte[] png(int width, int height, int bitDepth, int colourType, byte[] idat) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) bitDepth).put((byte) colourType).put((byte) 0).put((byte) 0).put((byte) 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", idat);
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** Compressed image data of all-zero rows (filter byte 0 and {@code bytesPerPixel × width} zeros each). */
    public static byte[] zeros(int width, int height, int bytesPerPixel) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] row = new byte[1 + width * bytesPerPixel];
        try (DeflaterOutputStream z = new DeflaterOutputStream(out, new Deflater(Deflater.BEST_COMPRESSION))) {
            for (int y = 0; y < height; y++) {
                z.write(row);
            }
        }
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(t);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** The JPEG with an APP1 Exif segment right after SOI whose IFD0 holds only the Orientation tag. */
    public static byte[] withExifOrientation(byte[] jpeg, int orientation) {
        ByteBuffer exif = ByteBuffer.allocate(36).putShort((short) 0xFFE1).putShort((short) 34)
                .put("Exif\0\0".getBytes(StandardCharsets.US_ASCII))
                .put(new byte[] {'M', 'M', 0, 42}).putInt(8)
                .putShort((short) 1)
                .putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0)
                .putInt(0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.writeBytes(exif.array());
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }
}

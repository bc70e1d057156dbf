package cn.anhuan.hazard;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.concurrent.Semaphore;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import cn.anhuan.shared.BusinessRuleException;
import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifIFD0Directory;
import org.springframework.stereotype.Component;

/**
 * Thumbnails of uploaded photos without letting a photo take the heap: the pixel count is read from the image's
 * header and refused above {@code anhuan.files.max-pixels} before anything is decoded; decoding reads only every
 * n-th pixel (source subsampling), so memory follows the thumbnail's size, not the photo's; at most
 * {@code anhuan.files.max-concurrent-decodes} images are decoded at once; the EXIF orientation is applied, so a
 * phone photo taken upright shows upright.
 */
@Component
class Thumbnails {

    static final int SIZE = 320;

    private final long maxPixels;
    final Semaphore decodes;

    Thumbnails(FileProperties files) {
        this.maxPixels = files.maxPixels();
        this.decodes = new Semaphore(Math.max(1, files.maxConcurrentDecodes()), true);
    }

    /**
     * A JPEG of at most {@link #SIZE} pixels a side, upright.
     *
     * @throws BusinessRuleException on field {@code file} when the image cannot be read or has too many pixels
     */
    byte[] of(byte[] bytes) {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw unreadable();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if ((long) width * height > maxPixels) {
                    throw new BusinessRuleException("file", "hazard.file.pixels", width, height,
                            megapixels(maxPixels));
                }
                BufferedImage image = decode(reader, Math.max(width, height));
                return jpeg(orient(scaled(image), orientation(bytes)));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof BusinessRuleException b) {
                throw b;
            }
            throw unreadable();
        }
    }

    private BufferedImage decode(ImageReader reader, int longSide) throws IOException {
        ImageReadParam param = reader.getDefaultReadParam();
        int step = Math.max(1, longSide / (2 * SIZE));
        param.setSourceSubsampling(step, step, 0, 0);
        decodes.acquireUninterruptibly();
        try {
            return reader.read(0, param);
        } finally {
            decodes.release();
        }
    }

    private static BufferedImage scaled(BufferedImage image) {
        double scale = Math.min(1.0, (double) SIZE / Math.max(image.getWidth(), image.getHeight()));
        int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage thumb = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = thumb.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, w, h, Color.WHITE, null);
        g.dispose();
        return thumb;
    }

    /** The EXIF orientation (1 to 8; 1 = as stored), 1 when the file has none or it cannot be read. */
    static int orientation(byte[] bytes) {
        try {
            var dir = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes))
                    .getFirstDirectoryOfType(ExifIFD0Directory.class);
            if (dir != null && dir.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                int o = dir.getInt(ExifIFD0Directory.TAG_ORIENTATION);
                return o >= 1 && o <= 8 ? o : 1;
            }
        } catch (ImageProcessingException | MetadataException | IOException | RuntimeException e) {
            return 1;
        }
        return 1;
    }

    /** The image turned and mirrored as EXIF orientation {@code o} says it must be shown. */
    static BufferedImage orient(BufferedImage src, int o) {
        if (o == 1) {
            return src;
        }
        int w = src.getWidth();
        int h = src.getHeight();
        boolean swap = o >= 5;
        BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = src.getRGB(x, y);
                switch (o) {
                    case 2 -> out.setRGB(w - 1 - x, y, rgb);
                    case 3 -> out.setRGB(w - 1 - x, h - 1 - y, rgb);
                    case 4 -> out.setRGB(x, h - 1 - y, rgb);
                    case 5 -> out.setRGB(y, x, rgb);
                    case 6 -> out.setRGB(h - 1 - y, x, rgb);
                    case 7 -> out.setRGB(h - 1 - y, w - 1 - x, rgb);
                    default -> out.setRGB(y, w - 1 - x, rgb);
                }
            }
        }
        return out;
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    private static BusinessRuleException unreadable() {
        return new BusinessRuleException("file", "hazard.file.image");
    }

    private static String megapixels(long pixels) {
        return java.math.BigDecimal.valueOf(pixels).movePointLeft(6).stripTrailingZeros().toPlainString();
    }
}

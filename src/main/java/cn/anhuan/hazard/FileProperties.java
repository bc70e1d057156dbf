package cn.anhuan.hazard;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where uploaded files live and how large they may be.
 *
 * @param dir                  the directory (outside the database)
 * @param maxBytes             the largest accepted file
 * @param maxPixels            the largest accepted image, width × height as its header declares them
 * @param maxConcurrentDecodes images decoded at once (for thumbnails); further uploads wait their turn
 */
@ConfigurationProperties("anhuan.files")
record FileProperties(@DefaultValue("./data/files") Path dir, @DefaultValue("10485760") long maxBytes,
                      @DefaultValue("40000000") long maxPixels, @DefaultValue("2") int maxConcurrentDecodes) {
}

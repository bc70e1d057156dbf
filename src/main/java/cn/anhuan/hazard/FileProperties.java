package cn.anhuan.hazard;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where uploaded files live and how large they may be.
 *
 * @param dir      the directory (outside the database)
 * @param maxBytes the largest accepted file
 */
@ConfigurationProperties("anhuan.files")
record FileProperties(@DefaultValue("./data/files") Path dir, @DefaultValue("10485760") long maxBytes) {
}

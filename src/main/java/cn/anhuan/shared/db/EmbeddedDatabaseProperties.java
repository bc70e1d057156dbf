package cn.anhuan.shared.db;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL, used when no {@code spring.datasource.url} is set.
 *
 * @param dataDir where the cluster lives (kept across restarts)
 * @param durable fsync and synchronous commit on; only tests turn it off
 * @param port    fixed port, or 0 for a free one
 * @param reset   delete the data directory before starting (tests only: every run starts empty)
 * @param passwordFile the superuser's password (mode 0600), generated at first start; unset: beside the data
 *                directory, {@code ./data/pg-password}
 */
@ConfigurationProperties("anhuan.database.embedded")
record EmbeddedDatabaseProperties(@DefaultValue("./data/pg") Path dataDir,
                                  @DefaultValue("true") boolean durable,
                                  @DefaultValue("0") int port,
                                  @DefaultValue("false") boolean reset,
                                  Path passwordFile) {

    /** The configured password file, or the one beside the data directory. */
    Path effectivePasswordFile() {
        return passwordFile != null ? passwordFile : EmbeddedDatabase.defaultPasswordFile(dataDir);
    }
}

package cn.anhuan.shared.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may connect to the embedded cluster: everyone with the password (scram-sha-256), over the socket in the
 * data directory or loopback, and nobody without it. Clusters made before this rule (zonky's {@code initdb -A
 * trust}, where any local process was superuser) are moved to it at start.
 */
final class ClientAuthentication {

    static final String PG_HBA = """
            # Written by Anhuan at every start: every connection needs the password (scram-sha-256).
            # TYPE  DATABASE     USER  ADDRESS       METHOD
            local   all          all                 scram-sha-256
            host    all          all   127.0.0.1/32  scram-sha-256
            host    all          all   ::1/128       scram-sha-256
            local   replication  all                 scram-sha-256
            host    replication  all   127.0.0.1/32  scram-sha-256
            host    replication  all   ::1/128       scram-sha-256
            """;

    private static final Logger log = LoggerFactory.getLogger(ClientAuthentication.class);

    private ClientAuthentication() {
    }

    /** Whether the cluster in {@code dataDirectory} still admits connections on other terms than the password. */
    static boolean needsMigration(Path dataDirectory) throws IOException {
        Path hba = dataDirectory.resolve("pg_hba.conf");
        return !Files.exists(hba) || !Files.readString(hba, StandardCharsets.UTF_8).equals(PG_HBA);
    }

    /**
     * Sets the superuser's password (its SCRAM verifier is computed by the driver, so the password itself never
     * reaches the server's log), then writes the password-only {@code pg_hba.conf} and reloads it. Running it
     * again after a crash half-way is harmless.
     */
    static void migrate(Path dataDirectory, String jdbcUrl, String password) throws IOException {
        Properties credentials = new Properties();
        credentials.setProperty("user", EmbeddedDatabase.SUPERUSER);
        credentials.setProperty("password", password);
        try (Connection c = DriverManager.getConnection(jdbcUrl, credentials); Statement s = c.createStatement()) {
            c.unwrap(PGConnection.class).alterUserPassword(EmbeddedDatabase.SUPERUSER, password.toCharArray(),
                    "scram-sha-256");
            Path hba = dataDirectory.resolve("pg_hba.conf");
            Path next = dataDirectory.resolve("pg_hba.conf.new");
            Files.writeString(next, PG_HBA, StandardCharsets.UTF_8);
            Files.move(next, hba, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            s.execute("select pg_reload_conf()");
        } catch (SQLException e) {
            throw new IOException("Cannot move the embedded database in " + dataDirectory
                    + " to password authentication", e);
        }
        log.warn("The embedded database in {} admitted local connections without a password; it now requires the"
                + " password in its password file (scram-sha-256)", dataDirectory);
    }
}

package cn.anhuan.shared.db;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL server: durable, on loopback and a socket in its own data directory only, every
 * connection authenticated by the password of its password file (scram-sha-256), and able to start again over
 * a data directory whose JVM was killed with {@code kill -9} (the orphaned postmaster is stopped first, then
 * PostgreSQL's own crash recovery replays the WAL).
 */
public final class EmbeddedDatabase implements Closeable {

    /** The cluster's superuser, the role the platform connects as. */
    public static final String SUPERUSER = "postgres";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres postgres;
    private final String password;

    private EmbeddedDatabase(EmbeddedPostgres postgres, String password) {
        this.postgres = postgres;
        this.password = password;
    }

    /** The password file of a data directory unless one is configured: {@code ./data/pg} has {@code ./data/pg-password}. */
    public static Path defaultPasswordFile(Path dataDirectory) {
        Path dir = dataDirectory.toAbsolutePath().normalize();
        return dir.resolveSibling(dir.getFileName() + "-password");
    }

    /** Starts PostgreSQL over {@code dataDirectory} with the password file beside it. */
    public static EmbeddedDatabase start(Path dataDirectory, boolean durable, int port) throws IOException {
        return start(dataDirectory, defaultPasswordFile(dataDirectory), durable, port);
    }

    /**
     * Starts PostgreSQL over {@code dataDirectory}, creating the cluster on first use.
     *
     * @param durable fsync, synchronous commit and full-page writes on (the application); off only for
     *                throw-away test data
     */
    public static EmbeddedDatabase start(Path dataDirectory, Path passwordFile, boolean durable, int port)
            throws IOException {
        Path dir = dataDirectory.toAbsolutePath().normalize();
        Files.createDirectories(dir);
        stopOrphanedPostmaster(dir);
        String password = DatabasePassword.readOrCreate(passwordFile);
        boolean fresh = !Files.exists(dir.resolve("postgresql.conf"));
        String onOff = durable ? "on" : "off";
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir.toFile())
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(120))
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("fsync", onOff)
                .setServerConfig("synchronous_commit", onOff)
                .setServerConfig("full_page_writes", onOff)
                .setServerConfig("max_connections", "100")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("unix_socket_directories", dir.toString())
                .setServerConfig("unix_socket_permissions", "0700")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setLocaleConfig("locale", "C")
                .setLocaleConfig("encoding", "UTF8")
                // zonky passes its "locale" options to initdb as --name=value after its own "-A trust", and a
                // later option wins: the new cluster has the password from the first moment on.
                .setLocaleConfig("auth", "scram-sha-256")
                .setLocaleConfig("pwfile", passwordFile.toAbsolutePath().toString())
                .setConnectConfig("password", password)
                .setDataDirectoryCustomizer(initialized -> {
                    if (fresh) {
                        writePgHba(initialized.toPath());
                    }
                });
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres postgres = builder.start();
        EmbeddedDatabase database = new EmbeddedDatabase(postgres, password);
        if (ClientAuthentication.needsMigration(dir)) {
            ClientAuthentication.migrate(dir, database.jdbcUrl(), password);
        }
        log.info("Embedded PostgreSQL on 127.0.0.1:{}, data in {}, password in {}, durable={}", postgres.getPort(), dir,
                passwordFile.toAbsolutePath(), durable);
        return database;
    }

    private static void writePgHba(Path dir) {
        try {
            Files.writeString(dir.resolve("pg_hba.conf"), ClientAuthentication.PG_HBA, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JDBC URL of the {@code postgres} database, without credentials: user {@link #SUPERUSER}, {@link #password()}. */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    /** The superuser's password, from the password file. */
    public String password() {
        return password;
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    /**
     * A postmaster whose JVM died keeps running and holds the data directory; a new start would wait and then
     * fail on {@code postmaster.pid}. Stop it: SIGINT is PostgreSQL's fast shutdown, which checkpoints.
     */
    static void stopOrphanedPostmaster(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> postmaster = readPid(pidFile).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (postmaster.isEmpty()) {
            log.info("Stale postmaster.pid in {} with no live postmaster; PostgreSQL will recover", dir);
            return;
        }
        ProcessHandle handle = postmaster.get();
        log.warn("Stopping orphaned postmaster {} of a previous run over {}", handle.pid(), dir);
        signal(handle.pid(), "INT");
        try {
            handle.onExit().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("Orphaned postmaster {} did not stop in time; killing it (crash recovery follows)", handle.pid());
            handle.destroyForcibly();
            try {
                handle.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception again) {
                throw new IOException("Cannot stop orphaned postmaster " + handle.pid(), again);
            }
        }
    }

    private static Optional<Long> readPid(Path pidFile) throws IOException {
        String first = Files.readAllLines(pidFile, StandardCharsets.US_ASCII).stream().findFirst().orElse("").trim();
        try {
            return Optional.of(Long.parseLong(first));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void signal(long pid, String signal) throws IOException {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while signalling " + pid, e);
        }
    }

    /** Starts the database in its own process (used by the kill -9 recovery test). Prints the JDBC URL. */
    public static void main(String[] args) throws Exception {
        EmbeddedDatabase db = start(Path.of(args[0]), true, 0);
        System.out.println("READY " + db.jdbcUrl());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}

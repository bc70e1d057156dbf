package cn.anhuan.shared.db;

import java.io.Closeable;
import java.io.IOException;
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
 * The embedded PostgreSQL server: durable, on loopback only, and able to start again over a data directory
 * whose JVM was killed with {@code kill -9} (the orphaned postmaster is stopped first, then PostgreSQL's own
 * crash recovery replays the WAL).
 */
public final class EmbeddedDatabase implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts PostgreSQL over {@code dataDirectory}, creating the cluster on first use.
     *
     * @param durable fsync, synchronous commit and full-page writes on (the application); off only for
     *                throw-away test data
     */
    public static EmbeddedDatabase start(Path dataDirectory, boolean durable, int port) throws IOException {
        Path dir = dataDirectory.toAbsolutePath().normalize();
        Files.createDirectories(dir);
        stopOrphanedPostmaster(dir);
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
                .setLocaleConfig("locale", "C")
                .setLocaleConfig("encoding", "UTF8");
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL on 127.0.0.1:{}, data in {}, durable={}", postgres.getPort(), dir, durable);
        return new EmbeddedDatabase(postgres);
    }

    /** The JDBC URL of the {@code postgres} database as the {@code postgres} superuser. */
    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
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

package cn.anhuan.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database is durable and survives {@code kill -9} of its JVM: the next start stops the orphaned
 * postmaster and opens the same data with nothing lost.
 */
class EmbeddedDatabaseRecoveryTests {

    @TempDir
    Path dir;

    @Test
    void restartsOverTheDataOfAKilledJvmWithNothingLost() throws Exception {
        killAndRestart(false);
    }

    @Test
    void recoversWhenThePostmasterDiedToo() throws Exception {
        killAndRestart(true);
    }

    private void killAndRestart(boolean killPostmasterToo) throws Exception {
        Path data = dir.resolve("pg");
        Process child = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                EmbeddedDatabase.class.getName(), data.toString())
                .redirectErrorStream(true).start();
        String url = awaitReady(child);
        String password = DatabasePassword.read(EmbeddedDatabase.defaultPasswordFile(data));
        try (Connection c = DriverManager.getConnection(url, EmbeddedDatabase.SUPERUSER, password);
             Statement s = c.createStatement()) {
            s.execute("create table survivor (id int primary key, note text)");
            s.execute("insert into survivor values (1, 'committed before kill -9')");
            try (ResultSet rs = s.executeQuery("show fsync")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("on");
            }
            try (ResultSet rs = s.executeQuery("show synchronous_commit")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("on");
            }
        }
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.exists(data.resolve("postmaster.pid"))).as("orphaned postmaster left behind").isTrue();
        if (killPostmasterToo) {
            long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
            ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
            postmaster.destroyForcibly();
            postmaster.onExit().get(30, TimeUnit.SECONDS);
        }

        try (EmbeddedDatabase restarted = EmbeddedDatabase.start(data, true, 0);
             Connection c = DriverManager.getConnection(restarted.jdbcUrl(), EmbeddedDatabase.SUPERUSER, restarted.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select note from survivor where id = 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("committed before kill -9");
        }
    }

    @Test
    void listensOnLoopbackOnly() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("loopback"), false, 0);
             Connection c = DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.SUPERUSER, db.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("show listen_addresses")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("localhost");
        }
    }

    private static String awaitReady(Process child) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        StringBuilder log = new StringBuilder();
        for (String line = out.readLine(); line != null && System.nanoTime() < deadline; line = out.readLine()) {
            if (line.startsWith("READY ")) {
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
                drain.setDaemon(true);
                drain.start();
                return line.substring(6);
            }
            log.append(line).append('\n');
        }
        child.destroyForcibly();
        throw new AssertionError("Child database did not start:\n" + log);
    }

    private static String javaBinary() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }
}

package cn.anhuan.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded cluster admits only connections with the password of its password file (mode 0600), for a new
 * cluster and for one made before by zonky's {@code initdb -A trust}, which admitted every local process as
 * superuser.
 */
class EmbeddedDatabaseAuthenticationTests {

    @TempDir
    Path dir;

    @Test
    void aNewClusterRefusesConnectionsWithoutItsPassword() throws Exception {
        Path data = dir.resolve("pg");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(data, false, 0)) {
            Path passwordFile = dir.resolve("pg-password");
            assertThat(Files.getPosixFilePermissions(passwordFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(Files.readString(passwordFile).strip()).isEqualTo(db.password()).hasSizeGreaterThanOrEqualTo(40);

            assertRefused(db.jdbcUrl(), null);
            assertRefused(db.jdbcUrl(), "postgres");
            assertRefused(db.jdbcUrl(), db.password() + "x");
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.SUPERUSER, db.password());
                 Statement s = c.createStatement()) {
                assertThat(single(s, "show password_encryption")).isEqualTo("scram-sha-256");
                assertThat(single(s, "show listen_addresses")).isEqualTo("localhost");
                assertThat(single(s, "select rolpassword from pg_authid where rolname = 'postgres'"))
                        .startsWith("SCRAM-SHA-256$");
                assertThat(single(s, "select string_agg(distinct auth_method, ',') from pg_hba_file_rules"))
                        .isEqualTo("scram-sha-256");
            }
        }
        try (EmbeddedDatabase again = EmbeddedDatabase.start(data, false, 0)) {
            assertThat(again.password()).as("the password stays across restarts")
                    .isEqualTo(Files.readString(dir.resolve("pg-password")).strip());
            assertRefused(again.jdbcUrl(), null);
        }
    }

    @Test
    void aClusterMadeWithTrustIsMovedToThePasswordAtStartWithItsData() throws Exception {
        Path data = dir.resolve("old");
        try (EmbeddedPostgres trusting = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
                .setServerConfig("unix_socket_directories", data.toString()).start();
             Connection c = trusting.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create table kept (note text)");
            s.execute("insert into kept values ('written while trust was the rule')");
        }
        assertThat(Files.readString(data.resolve("pg_hba.conf"))).containsPattern("(?m)^host.*trust$");

        try (EmbeddedDatabase db = EmbeddedDatabase.start(data, false, 0)) {
            assertThat(Files.getPosixFilePermissions(dir.resolve("old-password")))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(Files.readString(data.resolve("pg_hba.conf"))).doesNotContain("trust");
            // pg_reload_conf() only signals the postmaster; the new rules hold once it has read them.
            Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertRefused(db.jdbcUrl(), null));
            assertRefused(db.jdbcUrl(), "wrong");
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.SUPERUSER, db.password());
                 Statement s = c.createStatement()) {
                assertThat(single(s, "select note from kept")).isEqualTo("written while trust was the rule");
            }
        }
    }

    private static void assertRefused(String url, String password) {
        assertThatThrownBy(() -> {
            try (Connection c = password == null
                    ? DriverManager.getConnection(url + "?user=postgres")
                    : DriverManager.getConnection(url, EmbeddedDatabase.SUPERUSER, password)) {
                c.isValid(1);
            }
        }).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("password", "authentication"));
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}

package cn.anhuan.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;

import cn.anhuan.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The started platform's embedded database: its pool connects with the password, a client without it is refused. */
@IntegrationTest
class PlatformDatabaseAccessTests {

    @Autowired
    EmbeddedDatabase database;

    @Autowired
    JdbcClient jdbc;

    @Test
    void thePlatformConnectsWithThePasswordFileAndNoOneConnectsWithoutIt() throws Exception {
        Path passwordFile = Path.of("target/test-pg-password");
        assertThat(Files.getPosixFilePermissions(passwordFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(passwordFile).strip()).isEqualTo(database.password());
        assertThat(jdbc.sql("select count(*) from organization.region").query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("select auth_method from pg_hba_file_rules").query(String.class).set())
                .containsExactly("scram-sha-256");

        assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl() + "?user=postgres").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("password");
        assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), "postgres", "postgres").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("password");
    }
}

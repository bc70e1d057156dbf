package cn.anhuan.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;

import cn.anhuan.AnhuanApplication;
import cn.anhuan.IntegrationTest;
import cn.anhuan.audit.AuditLog;
import cn.anhuan.audit.AuditVerification;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code backup} of the running platform (demo data, a monthly partition made at run time, an uploaded file),
 * {@code restore} into an empty data directory, and the platform started on the restored directory: the audit
 * chain verifies and every table has the rows it had; and the same commands on an external database.
 */
@IntegrationTest
class DatabaseBackupTests {

    private static final List<String> KEY_TABLES = List.of("organization.region", "organization.department",
            "identity.app_user", "enterprise.enterprise", "enterprise.licence", "risk.point", "hazard.hazard",
            "hazard.step", "air.hourly", "monitoring.device", "monitoring.reading", "audit.entry");

    private static final String CHAIN = "select md5(string_agg(hash, ',' order by id)) from audit.entry";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EmbeddedDatabase database;

    @Value("${anhuan.files.dir}")
    Path filesDir;

    @TempDir
    Path dir;

    @Test
    void aBackupRestoredIntoAnEmptyDataDirectoryStartsWithTheSameRowsFilesAndAVerifiedAuditTrail() throws Exception {
        long device = jdbc.sql("select min(id) from monitoring.device").query(Long.class).single();
        // What Partitions.ensure does when the first packet of a month arrives: a partition the migrations lack.
        jdbc.sql("create table if not exists monitoring.reading_2031_01 partition of monitoring.reading"
                + " for values from ('2031-01-01 00:00:00+08') to ('2031-02-01 00:00:00+08')").update();
        jdbc.sql("""
                insert into monitoring.reading (device_id, pollutant, cn, data_time, rtd, received_at)
                select :d, 'a21026', 2011, timestamptz '2031-01-01 00:00:00+08' + g * interval '1 minute', g, now()
                from generate_series(1, 500) g on conflict do nothing""").param("d", device).update();
        Path upload = filesDir.resolve("backup-test/photo.jpg");
        Files.createDirectories(upload.getParent());
        byte[] photo = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3, 4, 5};
        Files.write(upload, photo);
        Map<String, Long> before = counts(jdbc);
        assertThat(before.get("monitoring.reading")).isGreaterThanOrEqualTo(500);

        Path archive = dir.resolve("anhuan.backup");
        assertThat(DatabaseBackup.run("backup", "--to", archive.toString(), "--spring.profiles.active=test")).isZero();
        assertThat(Files.getPosixFilePermissions(archive)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            assertThat(zip.getEntry("files/backup-test/photo.jpg")).isNotNull();
        }

        Path data = dir.resolve("restored/pg");
        Path files = dir.resolve("restored/files");
        String[] restore = {"restore", "--from", archive.toString(), "--spring.profiles.active=test",
                "--anhuan.database.embedded.data-dir=" + data, "--anhuan.database.embedded.reset=false",
                "--anhuan.files.dir=" + files};
        assertThat(DatabaseBackup.run(restore)).isZero();
        assertThat(Files.readAllBytes(files.resolve("backup-test/photo.jpg"))).isEqualTo(photo);
        assertThat(DatabaseBackup.run(restore)).as("a second restore over the restored data is refused").isEqualTo(1);

        try (ConfigurableApplicationContext restored = new SpringApplicationBuilder(AnhuanApplication.class)
                .profiles("test")
                // Arguments, not default properties: those would lose to application-test.properties.
                .run("--anhuan.database.embedded.data-dir=" + data, "--anhuan.database.embedded.reset=false",
                        "--anhuan.files.dir=" + files, "--server.port=0", "--monitoring.hj212.port=0",
                        "--logging.file.name=" + dir.resolve("restored.log"), "--anhuan.hazard.escalation.cron=-")) {
            AuditVerification verification = restored.getBean(AuditLog.class).verify();
            assertThat(verification.problems()).isEmpty();
            assertThat(verification.intact()).isTrue();
            assertThat(verification.checked()).isEqualTo(before.get("audit.entry")).isPositive();
            assertThat(counts(restored.getBean(JdbcClient.class))).isEqualTo(before);
            assertThat(restored.getBean(JdbcClient.class).sql("select count(*) from monitoring.reading_2031_01")
                    .query(Long.class).single()).isEqualTo(500);
        } finally {
            Files.deleteIfExists(upload);
            jdbc.sql("drop table monitoring.reading_2031_01").update();
        }
    }

    @Test
    void backsUpAndRestoresAnExternalDatabaseNamedBySpringDatasourceUrl() throws Exception {
        jdbc.sql("drop database if exists restored_external").update();
        jdbc.sql("create database restored_external").update();
        String server = "jdbc:postgresql://localhost:" + database.port() + "/";
        String[] credentials = {"--spring.datasource.username=postgres",
                "--spring.datasource.password=" + database.password(), "--spring.profiles.active=test"};
        Path archive = dir.resolve("external.backup");
        Map<String, Long> before = counts(jdbc);
        String chain = jdbc.sql(CHAIN).query(String.class).single();

        assertThat(DatabaseBackup.run(concat(new String[] {"backup", "--to", archive.toString(),
                "--spring.datasource.url=" + server + "postgres"}, credentials))).isZero();
        assertThat(DatabaseBackup.run(concat(new String[] {"restore", "--from", archive.toString(),
                "--spring.datasource.url=" + server + "restored_external",
                "--anhuan.files.dir=" + dir.resolve("external-files")}, credentials))).isZero();

        try (HikariDataSource restored = new HikariDataSource()) {
            restored.setJdbcUrl(server + "restored_external");
            restored.setUsername("postgres");
            restored.setPassword(database.password());
            JdbcClient target = JdbcClient.create(restored);
            assertThat(counts(target)).isEqualTo(before);
            assertThat(target.sql(CHAIN).query(String.class).single()).as("the same hash chain").isEqualTo(chain);
            assertThat(target.sql("select count(*) from flyway_schema_history").query(Long.class).single())
                    .isEqualTo(jdbc.sql("select count(*) from flyway_schema_history").query(Long.class).single());
        } finally {
            jdbc.sql("drop database restored_external with (force)").update();
        }
    }

    private static String[] concat(String[] a, String[] b) {
        return java.util.stream.Stream.concat(Arrays.stream(a), Arrays.stream(b)).toArray(String[]::new);
    }

    private static Map<String, Long> counts(JdbcClient jdbc) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : KEY_TABLES) {
            counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
        }
        return counts;
    }
}

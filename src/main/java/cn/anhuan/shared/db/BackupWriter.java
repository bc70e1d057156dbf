package cn.anhuan.shared.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Writes a backup archive: every table of every application schema from one consistent snapshot (a repeatable
 * read, read-only transaction, as pg_dump takes it) in PostgreSQL's text COPY format, the partitions made at run
 * time, sequence values, and the uploaded files. The Debian client tools here are older than the embedded
 * server and refuse it, and the embedded bundle has none, so the dump is taken over JDBC; the schema itself is
 * the Flyway migrations', which the restore replays to the same version.
 */
final class BackupWriter {

    static final String APPLICATION_SCHEMAS = "n.nspname not in ('information_schema', 'pg_catalog', 'pg_toast')"
            + " and n.nspname not like 'pg\\_temp\\_%' and n.nspname not like 'pg\\_toast\\_temp\\_%'";

    private BackupWriter() {
    }

    /** Writes the archive to {@code target} (mode 0600: it holds every record and account) and returns its manifest. */
    static BackupManifest write(Connection c, Path filesDir, Path target) throws IOException, SQLException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        BackupManifest manifest;
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(partial, StandardOpenOption.WRITE))) {
            manifest = dumpDatabase(c, zip);
            int files = addFiles(filesDir, zip);
            manifest = new BackupManifest(manifest.flywayVersion(), manifest.serverVersion(), manifest.created(),
                    manifest.tables(), manifest.partitions(), manifest.sequences(), files);
            zip.putNextEntry(new ZipEntry(BackupManifest.ENTRY));
            manifest.write(zip);
            zip.closeEntry();
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        return manifest;
    }

    private static BackupManifest dumpDatabase(Connection c, ZipOutputStream zip) throws IOException, SQLException {
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        c.setReadOnly(true);
        try {
            String flyway = flywayVersion(c);
            String server = single(c, "show server_version");
            List<BackupManifest.Table> tables = new ArrayList<>();
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (String[] table : tables(c)) {
                String columns = columns(c, table[0], table[1]);
                BackupManifest.Table t = new BackupManifest.Table(table[0], table[1], columns, 0);
                zip.putNextEntry(new ZipEntry(t.entry(tables.size())));
                long rows = copy.copyOut("copy " + t.qualified() + " (" + columns + ") to stdout", zip);
                zip.closeEntry();
                tables.add(new BackupManifest.Table(table[0], table[1], columns, rows));
            }
            BackupManifest manifest = new BackupManifest(flyway, server, OffsetDateTime.now().toString(), tables,
                    partitions(c), sequences(c), 0);
            c.commit();
            return manifest;
        } finally {
            c.rollback();
            c.setReadOnly(false);
            c.setAutoCommit(true);
        }
    }

    private static List<String[]> tables(Connection c) throws SQLException {
        List<String[]> tables = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                select n.nspname, c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where c.relkind = 'r' and %s order by 1, 2""".formatted(APPLICATION_SCHEMAS))) {
            while (rs.next()) {
                tables.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        return tables;
    }

    /** Stored columns in order; generated columns are computed again on restore. */
    private static String columns(Connection c, String schema, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select attname from pg_attribute where attrelid = cast(? as regclass)
                  and attnum > 0 and not attisdropped and attgenerated = '' order by attnum""")) {
            ps.setString(1, SqlNames.qualified(schema, table));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(SqlNames.quote(rs.getString(1)));
                }
            }
        }
        return String.join(", ", names);
    }

    /** Partitions, parents before their own partitions. */
    private static List<BackupManifest.Partition> partitions(Connection c) throws SQLException {
        List<BackupManifest.Partition> partitions = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                select n.nspname, c.relname, pn.nspname, p.relname, pg_get_expr(c.relpartbound, c.oid)
                from pg_class c join pg_namespace n on n.oid = c.relnamespace
                join pg_inherits i on i.inhrelid = c.oid join pg_class p on p.oid = i.inhparent
                join pg_namespace pn on pn.oid = p.relnamespace
                where c.relispartition and c.relkind in ('r', 'p') and %s order by c.relkind = 'r', 1, 2""".formatted(APPLICATION_SCHEMAS))) {
            while (rs.next()) {
                partitions.add(new BackupManifest.Partition(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5)));
            }
        }
        return partitions;
    }

    private static List<BackupManifest.Sequence> sequences(Connection c) throws SQLException {
        List<BackupManifest.Sequence> sequences = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                select schemaname, sequencename, last_value from pg_sequences n
                where %s order by 1, 2""".formatted(APPLICATION_SCHEMAS.replace("n.nspname", "n.schemaname")))) {
            while (rs.next()) {
                Number value = (Number) rs.getObject(3);
                sequences.add(new BackupManifest.Sequence(rs.getString(1), rs.getString(2),
                        value == null ? null : value.longValue()));
            }
        }
        return sequences;
    }

    private static int addFiles(Path filesDir, ZipOutputStream zip) throws IOException {
        if (!Files.isDirectory(filesDir)) {
            return 0;
        }
        int count = 0;
        try (Stream<Path> paths = Files.walk(filesDir)) {
            for (Path file : paths.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(BackupRestore.FILES + filesDir.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, zip);
                zip.closeEntry();
                count++;
            }
        }
        return count;
    }

    /** The newest applied migration: the version the restore migrates an empty database to. */
    private static String flywayVersion(Connection c) throws SQLException {
        MigrationVersion newest = null;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select version from flyway_schema_history where success and version is not null")) {
            while (rs.next()) {
                MigrationVersion v = MigrationVersion.fromVersion(rs.getString(1));
                newest = newest == null || v.isNewerThan(newest) ? v : newest;
            }
        }
        if (newest == null) {
            throw new SQLException("The database has no applied Flyway migration: nothing of Anhuan to back up");
        }
        return newest.getVersion();
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}

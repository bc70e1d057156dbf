package cn.anhuan.shared.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Restores a backup archive into an empty database and an empty files directory: the Flyway migrations up to the
 * backup's version make the schema, the run-time partitions are made again, then every table's rows are loaded in
 * one transaction with triggers off (the audit trail's guards and foreign keys: the rows come from one consistent
 * snapshot), sequences are set, and each table's row count is checked against the manifest before the commit.
 */
final class BackupRestore {

    static final String FILES = "files/";

    private BackupRestore() {
    }

    static BackupManifest restore(Path archive, DataSource dataSource, String[] migrationLocations, Path filesDir)
            throws IOException, SQLException {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            ZipEntry manifestEntry = zip.getEntry(BackupManifest.ENTRY);
            if (manifestEntry == null) {
                throw new IOException(archive + " is not a complete Anhuan backup (no " + BackupManifest.ENTRY + ")");
            }
            BackupManifest manifest;
            try (InputStream in = zip.getInputStream(manifestEntry)) {
                manifest = BackupManifest.read(in);
            }
            List<Path> files = fileTargets(zip, filesDir);
            requireEmpty(dataSource, filesDir);
            Flyway.configure(BackupRestore.class.getClassLoader()).dataSource(dataSource)
                    .locations(migrationLocations).target(manifest.flywayVersion()).load().migrate();
            try (Connection c = dataSource.getConnection()) {
                loadTables(c, zip, manifest);
                try (Statement s = c.createStatement()) {
                    s.execute("analyze");
                }
            }
            if (files.size() != manifest.files()) {
                throw new IOException("The backup holds " + files.size() + " files, its manifest lists " + manifest.files());
            }
            restoreFiles(zip, filesDir);
            return manifest;
        }
    }

    private static void requireEmpty(DataSource dataSource, Path filesDir) throws IOException, SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
                     where c.relkind in ('r', 'p') and %s""".formatted(BackupWriter.APPLICATION_SCHEMAS))) {
            rs.next();
            if (rs.getLong(1) > 0) {
                throw new IOException("The target database already has tables; restore only into an empty database");
            }
        }
        if (Files.isDirectory(filesDir)) {
            try (Stream<Path> children = Files.list(filesDir)) {
                if (children.findAny().isPresent()) {
                    throw new IOException("The files directory " + filesDir.toAbsolutePath() + " is not empty");
                }
            }
        }
    }

    private static void loadTables(Connection c, ZipFile zip, BackupManifest manifest) throws IOException, SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("set local session_replication_role = replica");
            for (BackupManifest.Partition p : manifest.partitions()) {
                s.execute(p.createSql());
            }
            List<String> missing = new ArrayList<>();
            for (BackupManifest.Table t : manifest.tables()) {
                try (ResultSet rs = s.executeQuery("select to_regclass('" + t.qualified().replace("'", "''") + "')")) {
                    rs.next();
                    if (rs.getString(1) == null) {
                        missing.add(t.qualified());
                    }
                }
            }
            if (!missing.isEmpty()) {
                throw new IOException("The migrations up to " + manifest.flywayVersion()
                        + " do not make these tables of the backup: " + missing);
            }
            // The migrations' own seed rows (and their history) give way to the backup's.
            s.execute("truncate " + manifest.tables().stream().map(BackupManifest.Table::qualified)
                    .collect(Collectors.joining(", ")));
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            List<BackupManifest.Table> tables = manifest.tables();
            for (int i = 0; i < tables.size(); i++) {
                BackupManifest.Table t = tables.get(i);
                ZipEntry entry = zip.getEntry(t.entry(i));
                if (entry == null) {
                    throw new IOException("The backup lacks the data of " + t.qualified());
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    copy.copyIn("copy " + t.qualified() + " (" + t.columns() + ") from stdin", in);
                }
                try (ResultSet rs = s.executeQuery("select count(*) from " + t.qualified())) {
                    rs.next();
                    if (rs.getLong(1) != t.rows()) {
                        throw new IOException(t.qualified() + " has " + rs.getLong(1) + " rows after the restore, the"
                                + " backup " + t.rows());
                    }
                }
            }
            try (PreparedStatement setval = c.prepareStatement("select setval(cast(? as regclass), ?, true)")) {
                for (BackupManifest.Sequence q : manifest.sequences()) {
                    if (q.lastValue() != null) {
                        setval.setString(1, SqlNames.qualified(q.schema(), q.name()));
                        setval.setLong(2, q.lastValue());
                        setval.execute();
                    }
                }
            }
            c.commit();
        } catch (IOException | SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /**
     * Where each file of the archive goes, checked before anything is written: a name that leads outside the files
     * directory ({@code ../}, an absolute path) refuses the whole archive.
     */
    static List<Path> fileTargets(ZipFile zip, Path filesDir) throws IOException {
        Path root = filesDir.toAbsolutePath().normalize();
        List<Path> targets = new ArrayList<>();
        for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
            ZipEntry entry = entries.nextElement();
            if (entry.isDirectory() || !entry.getName().startsWith(FILES)) {
                continue;
            }
            Path target = root.resolve(entry.getName().substring(FILES.length())).normalize();
            if (!target.startsWith(root) || target.equals(root)) {
                throw new IOException("The backup names a file outside the files directory: " + entry.getName());
            }
            targets.add(target);
        }
        return targets;
    }

    private static void restoreFiles(ZipFile zip, Path filesDir) throws IOException {
        Path root = filesDir.toAbsolutePath().normalize();
        for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
            ZipEntry entry = entries.nextElement();
            if (entry.isDirectory() || !entry.getName().startsWith(FILES)) {
                continue;
            }
            Path target = root.resolve(entry.getName().substring(FILES.length())).normalize();
            Files.createDirectories(target.getParent());
            try (InputStream in = zip.getInputStream(entry)) {
                Files.copy(in, target);
            }
        }
    }
}

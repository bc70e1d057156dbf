package cn.anhuan.shared.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.modulith.NamedInterface;

/**
 * The {@code backup} and {@code restore} commands: {@code java -jar anhuan.jar backup --to FILE} and
 * {@code restore --from FILE}, with the application's own configuration (profiles, {@code --name=value},
 * environment variables). They work on the external database when {@code spring.datasource.url} is set, else on
 * the embedded one: a backup while the platform runs connects to its server, otherwise it starts the server
 * itself; a restore makes a new cluster in an empty data directory. Exposed to the application's main class only.
 */
@NamedInterface("backup")
public final class DatabaseBackup {

    private static final Logger log = LoggerFactory.getLogger(DatabaseBackup.class);

    private DatabaseBackup() {
    }

    /** Whether {@code args} ask for one of these commands instead of the platform. */
    public static boolean isCommand(String... args) {
        return args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"));
    }

    /** Runs the command in {@code args}; 0 when it succeeded, 1 when it failed (the reason is logged), 2 for bad usage. */
    public static int run(String... args) {
        String command = args.length > 0 ? args[0] : "";
        String option = command.equals("backup") ? "--to" : "--from";
        int at = Arrays.asList(args).indexOf(option);
        if (!isCommand(args) || at < 0 || at + 1 >= args.length) {
            System.err.println("usage: backup --to FILE | restore --from FILE  [--spring.datasource.url=… | "
                    + "--anhuan.database.embedded.data-dir=…] [--anhuan.files.dir=…]");
            return 2;
        }
        Path archive = Path.of(args[at + 1]);
        String[] springArgs = Arrays.stream(args).skip(1).filter(a -> !a.equals(option) && !a.equals(args[at + 1]))
                .toArray(String[]::new);
        try (ConfigurableApplicationContext settings = settings(springArgs)) {
            Environment env = settings.getEnvironment();
            Path filesDir = Path.of(env.getProperty("anhuan.files.dir", "./data/files"));
            if (command.equals("backup")) {
                backup(env, archive, filesDir);
            } else {
                restore(env, archive, filesDir);
            }
            return 0;
        } catch (IOException | SQLException | RuntimeException e) {
            log.error("{} failed: {}", command, e.getMessage(), e);
            return 1;
        }
    }

    private static void backup(Environment env, Path archive, Path filesDir) throws IOException, SQLException {
        try (Target target = Target.forBackup(env); Connection c = target.dataSource().getConnection()) {
            BackupManifest m = BackupWriter.write(c, filesDir, archive);
            log.info("Backed up {} tables ({} rows, schema version {}) and {} files into {}", m.tables().size(),
                    m.tables().stream().mapToLong(BackupManifest.Table::rows).sum(), m.flywayVersion(), m.files(),
                    archive.toAbsolutePath());
        }
    }

    private static void restore(Environment env, Path archive, Path filesDir) throws IOException, SQLException {
        if (!Files.isRegularFile(archive)) {
            throw new IOException("No backup at " + archive.toAbsolutePath());
        }
        String[] locations = env.getProperty("spring.flyway.locations", String[].class,
                new String[] {"classpath:db/migration"});
        try (Target target = Target.forRestore(env)) {
            BackupManifest m = BackupRestore.restore(archive, target.dataSource(), locations, filesDir);
            log.info("Restored {} tables ({} rows, schema version {}) and {} files from {} (taken {})",
                    m.tables().size(), m.tables().stream().mapToLong(BackupManifest.Table::rows).sum(),
                    m.flywayVersion(), m.files(), archive.toAbsolutePath(), m.created());
        }
    }

    /**
     * The configuration only: no beans, no web server, and not the listener that would start the embedded
     * database early (a running platform's server must be joined, not stopped as an orphan).
     */
    private static ConfigurableApplicationContext settings(String[] args) {
        SpringApplication app = new SpringApplication(Settings.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setBannerMode(Banner.Mode.OFF);
        app.setLogStartupInfo(false);
        app.setRegisterShutdownHook(false);
        app.setListeners(app.getListeners().stream().filter(l -> !(l instanceof EmbeddedDatabaseStartup)).toList());
        return app.run(args);
    }

    @Configuration(proxyBeanMethods = false)
    static class Settings {
    }

    /** The database a command works on, and the embedded server it started, if any, to stop afterwards. */
    private record Target(HikariDataSource dataSource, EmbeddedDatabase startedHere) implements AutoCloseable {

        static Target forBackup(Environment env) throws IOException {
            String url = env.getProperty("spring.datasource.url");
            if (url != null && !url.isBlank()) {
                return external(env, url);
            }
            EmbeddedDatabaseProperties p = embedded(env);
            Path data = p.dataDir().toAbsolutePath().normalize();
            String password = DatabasePassword.read(p.effectivePasswordFile());
            Integer running = runningPort(data);
            if (running != null) {
                log.info("The embedded database in {} is running on port {}: backing up from it", data, running);
                return new Target(pool("jdbc:postgresql://localhost:" + running + "/postgres",
                        EmbeddedDatabase.SUPERUSER, password), null);
            }
            if (!Files.exists(data.resolve("PG_VERSION"))) {
                throw new IOException("No embedded database in " + data);
            }
            return started(EmbeddedDatabase.start(data, p.effectivePasswordFile(), p.durable(), 0));
        }

        static Target forRestore(Environment env) throws IOException {
            String url = env.getProperty("spring.datasource.url");
            if (url != null && !url.isBlank()) {
                return external(env, url);
            }
            EmbeddedDatabaseProperties p = embedded(env);
            Path data = p.dataDir().toAbsolutePath().normalize();
            if (Files.exists(data.resolve("PG_VERSION"))) {
                throw new IOException("The data directory " + data + " already holds a database; restore into an"
                        + " empty one (set anhuan.database.embedded.data-dir), then point the platform at it");
            }
            return started(EmbeddedDatabase.start(data, p.effectivePasswordFile(), p.durable(), 0));
        }

        private static Target external(Environment env, String url) {
            return new Target(pool(url, env.getProperty("spring.datasource.username"),
                    env.getProperty("spring.datasource.password")), null);
        }

        private static Target started(EmbeddedDatabase db) {
            return new Target(pool(db.jdbcUrl(), EmbeddedDatabase.SUPERUSER, db.password()), db);
        }

        private static EmbeddedDatabaseProperties embedded(Environment env) {
            return Binder.get(env).bind("anhuan.database.embedded", EmbeddedDatabaseProperties.class)
                    .orElseGet(() -> new EmbeddedDatabaseProperties(Path.of("./data/pg"), true, 0, false, null));
        }

        /** The port of a live postmaster over {@code data} (its {@code postmaster.pid}, line 4), or null. */
        private static Integer runningPort(Path data) throws IOException {
            Path pidFile = data.resolve("postmaster.pid");
            if (!Files.exists(pidFile)) {
                return null;
            }
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
            if (lines.size() < 4) {
                return null;
            }
            boolean alive = ProcessHandle.of(Long.parseLong(lines.get(0).trim())).map(ProcessHandle::isAlive).orElse(false);
            return alive ? Integer.valueOf(lines.get(3).trim()) : null;
        }

        private static HikariDataSource pool(String url, String user, String password) {
            HikariDataSource ds = new HikariDataSource();
            ds.setJdbcUrl(url);
            ds.setUsername(user);
            ds.setPassword(password);
            ds.setMaximumPoolSize(2);
            ds.setPoolName("anhuan-backup");
            return ds;
        }

        @Override
        public void close() throws IOException {
            dataSource.close();
            if (startedHere != null) {
                startedHere.close();
            }
        }
    }
}

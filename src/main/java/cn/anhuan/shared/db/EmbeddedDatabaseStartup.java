package cn.anhuan.shared.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Starts the embedded PostgreSQL in the background as soon as the environment is known, so that the database
 * comes up while Spring reads its bean definitions; the DataSource bean then only waits for it. Registered in
 * {@code META-INF/spring.factories}.
 */
public class EmbeddedDatabaseStartup implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private static final Map<Path, CompletableFuture<EmbeddedDatabase>> STARTING = new ConcurrentHashMap<>();

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        String url = environment.getProperty("spring.datasource.url");
        if (url != null && !url.isBlank()) {
            return;
        }
        Binder.get(environment).bind("anhuan.database.embedded", EmbeddedDatabaseProperties.class)
                .ifBound(EmbeddedDatabaseStartup::begin);
    }

    static void begin(EmbeddedDatabaseProperties properties) {
        STARTING.computeIfAbsent(key(properties), k -> CompletableFuture.supplyAsync(() -> start(properties)));
    }

    /** The database started early for these properties, or a new one started now. */
    static EmbeddedDatabase take(EmbeddedDatabaseProperties properties) throws IOException {
        CompletableFuture<EmbeddedDatabase> started = STARTING.remove(key(properties));
        if (started == null) {
            return start(properties);
        }
        try {
            return started.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw e;
        }
    }

    private static EmbeddedDatabase start(EmbeddedDatabaseProperties properties) {
        try {
            if (properties.reset()) {
                EmbeddedDatabase.stopOrphanedPostmaster(properties.dataDir());
                deleteRecursively(properties.dataDir());
            }
            return EmbeddedDatabase.start(properties.dataDir(), properties.effectivePasswordFile(), properties.durable(),
                    properties.port());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path key(EmbeddedDatabaseProperties properties) {
        return properties.dataDir().toAbsolutePath().normalize();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

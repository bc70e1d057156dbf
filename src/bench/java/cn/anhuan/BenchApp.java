package cn.anhuan;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the platform for a benchmark program: a fresh, durable embedded PostgreSQL under {@code target/bench-pg},
 * a free HTTP port, warnings-only logging, plus the benchmark's own settings. They are set as system properties
 * because default properties lose to {@code application.properties} (which would point the run at {@code ./data}).
 */
public final class BenchApp {

    private BenchApp() {
    }

    public static ConfigurableApplicationContext start(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(Map.of(
                "anhuan.database.embedded.data-dir", "target/bench-pg",
                "anhuan.database.embedded.reset", "true",
                "anhuan.database.embedded.durable", "true",
                "server.port", "0",
                "monitoring.hj212.port", "0",
                "ANHUAN_DEMO_PASSWORD", "Bench-pass-2026",
                "logging.file.name", "target/bench.log",
                "logging.level.root", "WARN"));
        all.putAll(settings);
        all.forEach(System::setProperty);
        return new SpringApplication(AnhuanApplication.class).run();
    }
}

package cn.anhuan.monitoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * The shared HJ 212 field corpus, read where it lies ({@code ../shared/data/hj212-field-2016}, or the directory
 * in {@code ANHUAN_HJ212_CORPUS}). Absent (a user's fresh clone) the test is skipped with a message; in CI
 * ({@code CI=true}) it fails instead.
 */
public final class Corpus {

    /** Where the shared data lies on the project's machines when the checkout is not next to it. */
    static final String SHARED = "/work/shared/data/hj212-field-2016";

    private Corpus() {
    }

    public static Path directory() {
        String configured = System.getenv("ANHUAN_HJ212_CORPUS");
        Path dir = configured != null ? Path.of(configured)
                : Path.of(System.getProperty("user.dir")).resolve("../shared/data/hj212-field-2016").normalize();
        if (configured == null && !Files.isDirectory(dir) && Files.isDirectory(Path.of(SHARED))) {
            dir = Path.of(SHARED);
        }
        if (!Files.isDirectory(dir)) {
            String message = "HJ 212 corpus not found at " + dir + " (nor at " + SHARED + "; set ANHUAN_HJ212_CORPUS)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message + ": missing in CI");
            }
            Assumptions.abort(message + ": skipped");
        }
        return dir;
    }

    public static List<Path> files() {
        try (Stream<Path> s = Files.list(directory())) {
            return s.filter(p -> p.getFileName().toString().endsWith(".h212")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

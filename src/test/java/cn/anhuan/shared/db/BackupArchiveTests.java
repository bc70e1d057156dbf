package cn.anhuan.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A backup archive's file names are checked before a restore writes anything: none may leave the files directory. */
class BackupArchiveTests {

    @TempDir
    Path dir;

    @Test
    void filesOfTheArchiveGoBelowTheFilesDirectory() throws Exception {
        Path archive = archive("files/hazard/1/photo.jpg", "data/0.copy");
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            assertThat(BackupRestore.fileTargets(zip, dir.resolve("files")))
                    .isEqualTo(List.of(dir.resolve("files/hazard/1/photo.jpg").toAbsolutePath()));
        }
    }

    @Test
    void refusesAnArchiveNamingAFileOutsideTheFilesDirectory() throws Exception {
        for (String name : List.of("files/../../etc/cron.d/evil", "files//etc/passwd", "files/a/../../b")) {
            Path archive = archive("files/ok.txt", name);
            try (ZipFile zip = new ZipFile(archive.toFile())) {
                assertThatThrownBy(() -> BackupRestore.fileTargets(zip, dir.resolve("files")))
                        .as(name).isInstanceOf(IOException.class).hasMessageContaining("outside the files directory");
            }
            Files.delete(archive);
        }
    }

    private Path archive(String... names) throws IOException {
        Path archive = dir.resolve("test.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(archive))) {
            for (String name : names) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(1);
                zip.closeEntry();
            }
        }
        return archive;
    }
}

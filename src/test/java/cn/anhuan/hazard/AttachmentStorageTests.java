package cn.anhuan.hazard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cn.anhuan.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.support.TransactionTemplate;

/** An attachment's file reaches the disk only when its row commits; a rolled-back upload leaves nothing behind. */
@IntegrationTest
class AttachmentStorageTests {

    @Autowired
    HazardService hazards;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    HazardAttachments attachments;
    @Autowired
    FileProperties files;
    @Autowired
    TransactionTemplate tx;

    @Test
    @WithUserDetails("yaodu.inspector")
    void aFailingTransactionLeavesNoFile() throws Exception {
        long hazard = hazard();
        byte[] photo = CraftedImages.png(64, 48, 8, 0, CraftedImages.zeros(64, 48, 1));
        Set<Path> before = filesOnDisk();
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            attachments.upload(hazard, "FOUND", "rolled-back.png", photo);
            throw new IllegalStateException("a later step of the same transaction fails");
        })).hasMessageContaining("later step");
        assertThat(jdbc.sql("select count(*) from hazard.attachment where hazard_id = :h").param("h", hazard)
                .query(Long.class).single()).isZero();
        assertThat(filesOnDisk()).as("files after the rollback").isEqualTo(before);
    }

    @Test
    @WithUserDetails("yaodu.inspector")
    void theFileIsMovedIntoPlaceOnlyAfterTheCommit() throws Exception {
        long hazard = hazard();
        byte[] photo = CraftedImages.png(64, 48, 8, 0, CraftedImages.zeros(64, 48, 1));
        String key = tx.execute(status -> {
            Attachment a = attachments.upload(hazard, "FOUND", "committed.png", photo);
            String k = jdbc.sql("select storage_key from hazard.attachment where id = :id").param("id", a.id())
                    .query(String.class).single();
            assertThat(files.dir().resolve(k)).as("before the commit").doesNotExist();
            return k;
        });
        assertThat(files.dir().resolve(key)).hasBinaryContent(photo);
        assertThat(files.dir().resolve(key + ".thumb.jpg")).exists();
        try (Stream<Path> incoming = Files.list(files.dir().resolve(AttachmentFiles.INCOMING))) {
            assertThat(incoming.toList()).as("temporary files left").isEmpty();
        }
    }

    private Set<Path> filesOnDisk() throws IOException {
        if (!Files.exists(files.dir())) {
            return Set.of();
        }
        try (Stream<Path> all = Files.walk(files.dir())) {
            return all.filter(Files::isRegularFile).collect(Collectors.toSet());
        }
    }

    private long hazard() {
        long enterprise = jdbc.sql("select id from enterprise.enterprise where credit_code = '911410023123456732'")
                .query(Long.class).single();
        return hazards.report(new ReportHazard(enterprise, "库房", "存储测试", "OBJECT", "GENERAL", null, "GOVERNMENT",
                null)).id();
    }
}

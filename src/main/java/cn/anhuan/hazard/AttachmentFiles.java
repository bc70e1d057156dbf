package cn.anhuan.hazard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The files of attachments on disk, in step with their rows: a file is written to {@code .incoming/} first (so
 * a full disk fails the upload before anything commits), moved to its place only after the transaction that
 * inserts its row has committed, and deleted when that transaction rolls back. No file without a row.
 */
@Component
class AttachmentFiles {

    static final String INCOMING = ".incoming";
    private static final Logger log = LoggerFactory.getLogger(AttachmentFiles.class);

    private final Path dir;

    AttachmentFiles(FileProperties files) {
        this.dir = files.dir();
    }

    Path path(String key) {
        return dir.resolve(key);
    }

    Path thumbnailPath(String key) {
        return dir.resolve(key + ".thumb.jpg");
    }

    /** Writes the file (and its thumbnail, if any) under {@code key} once the current transaction commits. */
    void storeOnCommit(String key, byte[] bytes, byte[] thumbnail) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("Attachment files are stored only within a transaction");
        }
        List<Staged> staged = new ArrayList<>(2);
        try {
            Path incoming = Files.createDirectories(dir.resolve(INCOMING));
            staged.add(new Staged(Files.write(Files.createTempFile(incoming, "upload-", ".part"), bytes), path(key)));
            if (thumbnail != null) {
                staged.add(new Staged(Files.write(Files.createTempFile(incoming, "upload-", ".part"), thumbnail),
                        thumbnailPath(key)));
            }
        } catch (IOException e) {
            staged.forEach(Staged::discard);
            throw new UncheckedIOException("Cannot stage " + key, e);
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                for (Staged s : staged) {
                    s.moveIntoPlace();
                }
            }

            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    staged.forEach(Staged::discard);
                }
            }
        });
    }

    /** A written temporary file and where it belongs. */
    private record Staged(Path temp, Path target) {

        void moveIntoPlace() {
            try {
                Files.createDirectories(target.getParent());
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                // The row has committed: keep the temporary file, the only copy, for someone to move by hand.
                log.error("Attachment file {} committed but not moved into place from {}", target, temp, e);
            }
        }

        /** Deletes the temporary file if it is still there. */
        void discard() {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                log.warn("Cannot delete temporary attachment file {}", temp, e);
            }
        }
    }
}

package cn.anhuan.shared.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded cluster's superuser password, generated at first start and kept in a file that only the
 * application's user may read (mode 0600). It never appears in a URL or the log.
 */
final class DatabasePassword {

    private static final Logger log = LoggerFactory.getLogger(DatabasePassword.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final int RANDOM_BYTES = 32;

    private DatabasePassword() {
    }

    /** The password in {@code file}, created with 256 random bits if the file does not exist yet. */
    static String readOrCreate(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (!Files.exists(file)) {
            byte[] random = new byte[RANDOM_BYTES];
            new SecureRandom().nextBytes(random);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            try {
                // Created with its final mode, so there is no moment at which another user could open it.
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                Files.writeString(file, password + "\n", StandardCharsets.US_ASCII);
                log.info("Generated the embedded database's password in {}", file.toAbsolutePath());
            } catch (FileAlreadyExistsException raced) {
                // another start made it first: use that one
            }
        }
        if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            log.warn("{} was readable by others; setting its mode to 0600", file.toAbsolutePath());
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
        return read(file);
    }

    /** The password in an existing file. */
    static String read(Path file) throws IOException {
        String password = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (password.isEmpty()) {
            throw new IOException(file.toAbsolutePath() + " is empty; remove it only together with the data directory");
        }
        return password;
    }
}

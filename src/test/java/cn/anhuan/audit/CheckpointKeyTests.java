package cn.anhuan.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The signing key lives in its own file: created owner-only, read back as the same key, refused when exposed. */
class CheckpointKeyTests {

    @TempDir
    Path dir;

    @Test
    void aMissingKeyIsCreatedReadableByItsOwnerOnly() throws Exception {
        Path file = dir.resolve("keys/audit-key");
        CheckpointKey created = CheckpointKey.loadOrCreate(file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).contains("-----BEGIN PRIVATE KEY-----", "-----BEGIN PUBLIC KEY-----");
        CheckpointKey again = CheckpointKey.loadOrCreate(file);
        assertThat(again.fingerprint()).isEqualTo(created.fingerprint()).hasSize(64);
        byte[] message = Checkpoint.signedBytes(7, "a".repeat(64), Instant.parse("2026-12-04T10:00:00Z"));
        assertThat(again.verifies(message, created.sign(message))).isTrue();
    }

    @Test
    void aSignatureCoversSequenceHashAndTime() {
        CheckpointKey key = CheckpointKey.loadOrCreate(dir.resolve("audit-key"));
        Instant at = Instant.parse("2026-12-04T10:00:00Z");
        String signature = key.sign(Checkpoint.signedBytes(7, "a".repeat(64), at));
        assertThat(key.verifies(Checkpoint.signedBytes(8, "a".repeat(64), at), signature)).isFalse();
        assertThat(key.verifies(Checkpoint.signedBytes(7, "b".repeat(64), at), signature)).isFalse();
        assertThat(key.verifies(Checkpoint.signedBytes(7, "a".repeat(64), at.plusMillis(1)), signature)).isFalse();
        assertThat(key.verifies(Checkpoint.signedBytes(7, "a".repeat(64), at), "not base64!")).isFalse();
        CheckpointKey other = CheckpointKey.loadOrCreate(dir.resolve("other-key"));
        assertThat(other.verifies(Checkpoint.signedBytes(7, "a".repeat(64), at), signature)).isFalse();
    }

    @Test
    void aKeyFileOthersMayReadIsRefused() throws Exception {
        Path file = dir.resolve("audit-key");
        CheckpointKey.loadOrCreate(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> CheckpointKey.loadOrCreate(file))
                .hasMessageContaining("rw-r--r--").hasMessageContaining("chmod 600");
    }

    @Test
    void aPublicKeyOfAnotherPairIsRefused() throws Exception {
        Path one = dir.resolve("one");
        Path two = dir.resolve("two");
        CheckpointKey.loadOrCreate(one);
        CheckpointKey.loadOrCreate(two);
        String first = Files.readString(one, StandardCharsets.US_ASCII);
        String second = Files.readString(two, StandardCharsets.US_ASCII);
        String mixed = first.substring(0, first.indexOf("-----BEGIN PUBLIC KEY-----"))
                + second.substring(second.indexOf("-----BEGIN PUBLIC KEY-----"));
        Files.writeString(one, mixed, StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> CheckpointKey.loadOrCreate(one)).hasMessageContaining("not an Ed25519 key pair")
                .hasRootCauseMessage("the public key does not belong to the private key");
    }
}

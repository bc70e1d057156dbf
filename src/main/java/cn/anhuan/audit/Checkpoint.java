package cn.anhuan.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * A signed statement that the audit chain's entry {@code seq} had the hash {@code headHash} at {@code at}.
 * One line of the checkpoint log: {@code seq headHash at signature}, the signature (Ed25519, Base64) over
 * {@link #signedText()}.
 */
public record Checkpoint(long seq, String headHash, Instant at, String signature) {

    private static final Pattern SEQ = Pattern.compile("[0-9]{1,18}");
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    /** What the signature covers; the prefix keeps a checkpoint signature from meaning anything else. */
    public String signedText() {
        return signedText(seq, headHash, at);
    }

    static String signedText(long seq, String headHash, Instant at) {
        return "anhuan-audit-checkpoint/1 " + seq + " " + headHash + " " + at;
    }

    static byte[] signedBytes(long seq, String headHash, Instant at) {
        return signedText(seq, headHash, at).getBytes(StandardCharsets.US_ASCII);
    }

    /** The line as written to the log (without the line end). */
    public String line() {
        return seq + " " + headHash + " " + at + " " + signature;
    }

    /** Reads a line of the log; null when it is not one. */
    static Checkpoint parse(String line) {
        String[] f = line.strip().split(" ");
        if (f.length != 4 || !HASH.matcher(f[1]).matches() || !SEQ.matcher(f[0]).matches()) {
            return null;
        }
        try {
            return new Checkpoint(Long.parseLong(f[0]), f[1], Instant.parse(f[2]), f[3]);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

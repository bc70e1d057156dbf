package cn.anhuan.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The append-only file of checkpoints, one line each. It is only ever opened to append; each line is written
 * in one write under a file lock and forced to disk before the checkpoint counts as written.
 */
final class CheckpointLog {

    /** One line of the file as read: its number (from 1), its text and the checkpoint, null when malformed. */
    record Line(int number, String text, Checkpoint checkpoint) {
    }

    private final Path file;

    CheckpointLog(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    synchronized void append(Checkpoint checkpoint) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND); FileLock lock = channel.lock()) {
                ByteBuffer bytes = ByteBuffer.wrap((checkpoint.line() + "\n").getBytes(StandardCharsets.US_ASCII));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot append to the audit checkpoint log " + file, e);
        }
    }

    /** Every non-empty line, in file order; an absent file has none. */
    List<Line> read() {
        List<Line> lines = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            int number = 0;
            for (String text; (text = reader.readLine()) != null; ) {
                number++;
                if (!text.isBlank()) {
                    lines.add(new Line(number, text, Checkpoint.parse(text)));
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the audit checkpoint log " + file, e);
        }
        return lines;
    }
}

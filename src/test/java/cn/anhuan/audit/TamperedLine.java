package cn.anhuan.audit;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One checkpoint's line in the log with the first digit of its head hash changed in place (the line keeps its
 * length, so lines appended meanwhile stay intact); {@link #close()} puts the digit back.
 */
final class TamperedLine implements AutoCloseable {

    final int number;
    private final Path file;
    private final long offset;
    private final char original;

    TamperedLine(Path file, Checkpoint checkpoint) throws IOException {
        List<String> lines = Files.readAllLines(file);
        this.number = lines.indexOf(checkpoint.line()) + 1;
        if (number == 0) {
            throw new IllegalStateException("checkpoint " + checkpoint.seq() + " is not in " + file);
        }
        long start = 0;
        for (int i = 0; i < number - 1; i++) {
            start += lines.get(i).length() + 1;
        }
        this.file = file;
        this.offset = start + Long.toString(checkpoint.seq()).length() + 1;
        this.original = checkpoint.headHash().charAt(0);
        write(original == 'f' ? 'e' : 'f');
    }

    @Override
    public void close() throws IOException {
        write(original);
    }

    private void write(char c) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(offset);
            raf.write(c);
        }
    }
}

package cn.anhuan.monitoring.replay;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.concurrent.atomic.AtomicLong;

import cn.anhuan.monitoring.hj212.Frame;
import cn.anhuan.monitoring.hj212.Hj212Crc;

/**
 * Replays HJ 212 corpus files (one packet per line, as recorded) over TCP, the way field loggers send: each MN
 * always on the same connection, in file order, over {@code --connections} sockets, at {@code --rate} packets per
 * second in total (0: as fast as possible). Lines are sent byte for byte, garbage included. With {@code --ack}
 * every framed packet without a Flag is re-framed as HJ 212-2017 with {@code Flag=5} and a QN, and the replay
 * waits for the 9014 of each packet with the A bit before it sends the next (what a logger does before deleting
 * its buffer). Acknowledgements are counted by QN ({@link AckLedger}), in both modes.
 *
 * <pre>java -cp target/classes cn.anhuan.monitoring.replay.Hj212Replay --port 9212 --rate 2000 ../shared/data/hj212-field-2016/*.h212</pre>
 */
public final class Hj212Replay {

    private Hj212Replay() {
    }

    public static void main(String[] args) throws Exception {
        String host = "127.0.0.1";
        int port = 9212;
        int connections = 50;
        int rate = 0;
        boolean ack = false;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--host" -> host = args[++i];
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--connections" -> connections = Integer.parseInt(args[++i]);
                case "--rate" -> rate = Integer.parseInt(args[++i]);
                case "--ack" -> ack = true;
                default -> files.add(Path.of(args[i]));
            }
        }
        if (files.isEmpty()) {
            System.err.println("usage: Hj212Replay [--host h] [--port 9212] [--connections 50] [--rate packets/s] [--ack] file...");
            System.exit(2);
        }
        List<byte[]> lines = new ArrayList<>();
        for (Path f : files) {
            lines.addAll(lines(Files.readAllBytes(f)));
        }
        long start = System.nanoTime();
        Result r = replay(host, port, connections, rate, ack, lines);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("sent %d lines over %d connections in %.1f s (%.0f lines/s); acknowledged %d%n",
                r.sent(), connections, seconds, r.sent() / seconds, r.acknowledged());
    }

    /** What a replay did: lines sent, acknowledgements received. */
    public record Result(long sent, long acknowledged) {
    }

    /** Splits a corpus file into lines, each with its own line end (CR LF or LF). */
    public static List<byte[]> lines(byte[] data) {
        List<byte[]> lines = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < data.length; i++) {
            if (data[i] == '\n') {
                lines.add(java.util.Arrays.copyOfRange(data, from, i + 1));
                from = i + 1;
            }
        }
        if (from < data.length) {
            lines.add(java.util.Arrays.copyOfRange(data, from, data.length));
        }
        return lines;
    }

    public static Result replay(String host, int port, int connections, int rate, boolean ack, List<byte[]> lines)
            throws Exception {
        return replay(host, port, connections, rate, ack, lines, i -> { });
    }

    /**
     * Replays {@code lines}; with {@code ack}, {@code acknowledged} is told the index of every line whose 9014 came
     * back (a device would delete those from its buffer and resend the others). Throws the first connection's
     * failure after every connection has ended.
     */
    public static Result replay(String host, int port, int connections, int rate, boolean ack, List<byte[]> lines,
                                IntConsumer acknowledged) throws Exception {
        List<List<Integer>> perConnection = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            perConnection.add(new ArrayList<>());
        }
        List<byte[]> toSend = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            byte[] line = ack ? reframe(lines.get(i)) : lines.get(i);
            toSend.add(line);
            String mn = mn(line);
            perConnection.get(Math.floorMod(mn == null ? java.util.Arrays.hashCode(line) : mn.hashCode(), connections))
                    .add(i);
        }
        AtomicLong sent = new AtomicLong();
        AtomicLong acked = new AtomicLong();
        double perConnectionRate = rate <= 0 ? 0 : (double) rate / connections;
        List<Thread> threads = new ArrayList<>();
        List<Exception> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (List<Integer> mine : perConnection) {
            if (mine.isEmpty()) {
                continue;
            }
            Thread t = new Thread(() -> {
                try (Socket s = new Socket(host, port)) {
                    s.setTcpNoDelay(!ack);
                    OutputStream out = new java.io.BufferedOutputStream(s.getOutputStream(), 64 * 1024);
                    AckLedger ledger = new AckLedger();
                    ReplyLines replies = new ReplyLines(s, ledger, index -> {
                        acked.incrementAndGet();
                        acknowledged.accept(index);
                    });
                    long begin = System.nanoTime();
                    long n = 0;
                    for (int index : mine) {
                        byte[] line = toSend.get(index);
                        out.write(line);
                        n++;
                        sent.incrementAndGet();
                        if (ledger.sent(index, line) != null && ack) {
                            out.flush();
                            replies.awaitAck(index);
                        }
                        if (perConnectionRate > 0) {
                            out.flush();
                            long due = begin + (long) (n * 1e9 / perConnectionRate);
                            long wait = due - System.nanoTime();
                            if (wait > 0) {
                                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                            }
                        }
                    }
                    out.flush();
                    if (ack) {
                        replies.awaitRest();
                    }
                    s.shutdownOutput();
                    replies.drain();
                } catch (Exception e) {
                    failures.add(e);
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        return new Result(sent.get(), acked.get());
    }

    /** Whether a line asks for a 9014: a frame whose header has a Flag with the A bit ({@link #reframe} sets it). */
    public static boolean expectsAck(byte[] line) {
        return new AckLedger().sent(0, line) != null;
    }

    /** The MN of a line, or null. */
    public static String mn(byte[] line) {
        String s = new String(line, StandardCharsets.ISO_8859_1);
        int i = s.indexOf("MN=");
        if (i < 0) {
            return null;
        }
        int end = s.indexOf(';', i);
        return end < 0 ? null : s.substring(i + 3, end);
    }

    /**
     * A corpus packet as HJ 212-2017 with the A bit: Flag=5 and a QN of its own (instead of the line's) in the
     * header; new length and CRC.
     */
    public static byte[] reframe(byte[] line) {
        String s = new String(line, StandardCharsets.ISO_8859_1);
        if (!s.startsWith("##") || s.length() < 12 || !s.endsWith("\r\n")) {
            return line;
        }
        String segment = s.substring(6, s.length() - 6);
        byte[] original = segment.getBytes(StandardCharsets.ISO_8859_1);
        if (!s.substring(2, 6).equals(String.format("%04d", original.length))
                || !s.substring(s.length() - 6, s.length() - 2).equalsIgnoreCase(
                        Hj212Crc.hex(Hj212Crc.hj212(original, 0, original.length)))) {
            return line;
        }
        if (!segment.contains("CP=&&") || segment.contains("Flag=") && segment.indexOf("Flag=") < segment.indexOf("CP=")) {
            return line;
        }
        int cp = segment.indexOf("CP=&&");
        // one QN per distinct line, replacing the line's own (devices reuse QNs for different packets, and a second
        // QN would not match: the receiver answers with the last one)
        String header = segment.substring(0, cp).replaceAll("(^|;)QN=[^;]*;", "$1");
        String qn = "QN=" + String.format("%017d", Math.abs((long) java.util.Arrays.hashCode(line)) % 100_000_000_000_000_000L) + ";";
        // the bytes as received (ISO-8859-1 maps each byte to one char and back), with QN and Flag added
        return Frame.encode((qn + header + "Flag=5;" + segment.substring(cp)).getBytes(StandardCharsets.ISO_8859_1));
    }
}

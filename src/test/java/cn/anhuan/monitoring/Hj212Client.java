package cn.anhuan.monitoring;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A minimal HJ 212 device for tests: sends bytes, reads the replies (frames ending in CR LF) that come back. */
public final class Hj212Client implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    public Hj212Client(int port) throws IOException {
        this(port, "127.0.0.1");
    }

    /** A device connecting from a loopback address of its own (127.x.y.z), so tests can tell sources apart. */
    public Hj212Client(int port, String localAddress) throws IOException {
        socket = new Socket();
        socket.bind(new java.net.InetSocketAddress(localAddress, 0));
        socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
        in = socket.getInputStream();
    }

    public void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    public void send(String segment) throws IOException {
        send(cn.anhuan.monitoring.hj212.Frame.encode(segment));
    }

    /** Replies received within {@code millis}, until {@code expected} of them have come. */
    public List<String> replies(int expected, long millis) throws IOException {
        List<String> replies = new ArrayList<>();
        long deadline = System.currentTimeMillis() + millis;
        byte[] buf = new byte[4096];
        while (replies.size() < expected && System.currentTimeMillis() < deadline) {
            socket.setSoTimeout((int) Math.max(1, deadline - System.currentTimeMillis()));
            int n;
            try {
                n = in.read(buf);
            } catch (SocketTimeoutException e) {
                break;
            }
            if (n < 0) {
                break;
            }
            pending.write(buf, 0, n);
            String s = pending.toString(StandardCharsets.UTF_8);
            int end;
            while ((end = s.indexOf("\r\n")) >= 0) {
                replies.add(s.substring(0, end));
                s = s.substring(end + 2);
            }
            pending.reset();
            pending.write(s.getBytes(StandardCharsets.UTF_8));
        }
        return replies;
    }

    /** Whether the receiver closed the connection (waits up to {@code millis} for the end of the stream). */
    public boolean closedByPeer(long millis) throws IOException {
        socket.setSoTimeout((int) millis);
        try {
            byte[] buf = new byte[4096];
            long deadline = System.currentTimeMillis() + millis;
            while (System.currentTimeMillis() < deadline) {
                if (in.read(buf) < 0) {
                    return true;
                }
            }
            return false;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (java.net.SocketException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

package cn.anhuan.monitoring.replay;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** The receiver's replies on one socket, line by line; a line cut by a timeout is kept for the next call. */
final class ReplyLines {

    private final Socket socket;
    private final InputStream in;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private boolean closed;

    ReplyLines(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new java.io.BufferedInputStream(socket.getInputStream());
    }

    /** The next reply line, or null when none came by {@code deadlineMillis} (0: wait for ever) or the peer closed. */
    String next(long deadlineMillis) throws IOException {
        while (!closed) {
            int timeout = 0;
            if (deadlineMillis > 0) {
                long left = deadlineMillis - System.currentTimeMillis();
                if (left <= 0) {
                    return null;
                }
                timeout = (int) left;
            }
            socket.setSoTimeout(timeout);
            int c;
            try {
                c = in.read();
            } catch (SocketTimeoutException e) {
                return null;
            }
            if (c < 0) {
                closed = true;
            } else if (c == '\n') {
                String line = partial.toString(StandardCharsets.ISO_8859_1);
                partial.reset();
                return line;
            } else {
                partial.write(c);
            }
        }
        return null;
    }

    /** Whether the receiver closed its side. */
    boolean closed() {
        return closed;
    }
}

package cn.anhuan.monitoring.replay;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.function.IntConsumer;

/**
 * The receiver's replies on one socket, read line by line (a line cut by a timeout is kept for the next call), each
 * acknowledgement credited to the packet the {@link AckLedger} matches it with.
 */
final class ReplyLines {

    private final Socket socket;
    private final InputStream in;
    private final AckLedger ledger;
    private final IntConsumer credit;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private boolean closed;

    ReplyLines(Socket socket, AckLedger ledger, IntConsumer credit) throws IOException {
        this.socket = socket;
        this.in = new java.io.BufferedInputStream(socket.getInputStream());
        this.ledger = ledger;
        this.credit = credit;
    }

    /**
     * Waits up to 5 s for the acknowledgement of packet {@code index}, crediting every acknowledgement that comes
     * meanwhile to the packet whose QN it carries (an earlier one whose reply was late, for instance).
     */
    void awaitAck(int index) throws IOException {
        long deadline = System.currentTimeMillis() + 5_000;
        for (String reply; (reply = next(deadline)) != null; ) {
            if (credit(reply) == index) {
                return;
            }
        }
    }

    /**
     * Before closing, waits for the acknowledgements still due (the receiver closes the connection when the device
     * does, and would not send them), as long as one comes every 5 s.
     */
    void awaitRest() throws IOException {
        long deadline = System.currentTimeMillis() + 5_000;
        for (String reply; ledger.waiting() > 0 && (reply = next(deadline)) != null; ) {
            if (credit(reply) >= 0) {
                deadline = System.currentTimeMillis() + 5_000;
            }
        }
    }

    /**
     * Reads until the receiver closes its side (closing with unread replies would reset the connection and make the
     * receiver drop what it has not read yet); acknowledgements still count.
     */
    void drain() throws IOException {
        for (String reply; (reply = next(0)) != null; ) {
            credit(reply);
        }
    }

    private int credit(String reply) {
        int index = ledger.reply(reply);
        if (index >= 0) {
            credit.accept(index);
        }
        return index;
    }

    /** The next reply line, or null when none came by {@code deadlineMillis} (0: wait for ever) or the peer closed. */
    private String next(long deadlineMillis) throws IOException {
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
}

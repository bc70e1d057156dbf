package cn.anhuan.monitoring;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.channel.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admits a new HJ 212 connection only below the caps in total and per remote address, so that a flood of idle
 * connections cannot use up the process's file descriptors (which the web side needs too); a refused connection is
 * closed at once, before any handler is set up. One per receiver.
 */
final class ConnectionLimits {

    private static final Logger log = LoggerFactory.getLogger(ConnectionLimits.class);

    private final int maxTotal;
    private final int maxPerAddress;
    private final ReceiverStats stats;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<InetAddress, Integer> perAddress = new ConcurrentHashMap<>();
    private volatile long lastLog;

    ConnectionLimits(int maxTotal, int maxPerAddress, ReceiverStats stats) {
        this.maxTotal = maxTotal;
        this.maxPerAddress = maxPerAddress;
        this.stats = stats;
    }

    /** Whether the channel may stay open; if so, its slot is given back when it closes. */
    boolean admit(Channel ch) {
        if (!(ch.remoteAddress() instanceof InetSocketAddress remote) || remote.getAddress() == null) {
            return false;
        }
        InetAddress address = remote.getAddress();
        if (open.incrementAndGet() > maxTotal) {
            open.decrementAndGet();
            refused(stats.refusedTotal, address, "the receiver has " + maxTotal + " connections");
            return false;
        }
        if (perAddress.merge(address, 1, Integer::sum) > maxPerAddress) {
            release(address);
            refused(stats.refusedPerAddress, address, "that address has " + maxPerAddress + " connections");
            return false;
        }
        ch.closeFuture().addListener(f -> release(address));
        return true;
    }

    private void release(InetAddress address) {
        open.decrementAndGet();
        perAddress.computeIfPresent(address, (a, n) -> n == 1 ? null : n - 1);
    }

    private void refused(java.util.concurrent.atomic.LongAdder counter, InetAddress address, String why) {
        counter.increment();
        long now = System.currentTimeMillis();
        if (now - lastLog > 1000) {
            lastLog = now;
            log.warn("HJ 212 connection from {} refused: {}", address.getHostAddress(), why);
        }
    }
}

package cn.anhuan.monitoring;

import java.util.List;

import cn.anhuan.monitoring.hj212.Packet;
import io.netty.channel.Channel;

/** What the receiver hands to the writer: an accepted packet, a quarantined one, or a rejected frame. */
sealed interface Inbound {

    long receivedAt();

    /**
     * An accepted packet of a registered device. {@code parts} are the packets as received (one, or every
     * sub-packet of a split packet), each stored in the log and acknowledged; {@code data} carries the readings.
     */
    record Accepted(DeviceRegistry.Device device, List<Packet> parts, Packet data, boolean modbusCrc, Channel channel,
                    long receivedAt) implements Inbound {
    }

    /** {@code source}: the sender's address (without port), the key of the kept sample. */
    record Quarantined(String mn, String reason, String remote, String source, byte[] raw, long receivedAt)
            implements Inbound {
    }

    record Rejected(String reason, String detail, String remote, String source, byte[] raw, long receivedAt)
            implements Inbound {
    }
}

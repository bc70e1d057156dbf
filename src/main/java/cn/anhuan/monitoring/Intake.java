package cn.anhuan.monitoring;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import cn.anhuan.monitoring.hj212.FactorCodes;
import cn.anhuan.monitoring.hj212.Frame;
import cn.anhuan.monitoring.hj212.Packet;
import cn.anhuan.monitoring.hj212.PacketParser;
import io.netty.channel.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Decides what happens to each frame, on the connection's event loop: rejects are counted and logged with their
 * reason; packets are parsed and checked against the device registry (unknown MN, wrong password, disabled →
 * quarantine; MODBUS CRC only for tolerant devices; segment size per device); sub-packets wait for their
 * siblings; everything is queued for the {@link PacketWriter}, which acknowledges after commit. Rejected and
 * quarantined frames are counted by source address and reason, and queued only if the {@link RejectSampler} keeps
 * them.
 */
@Component
class Intake {

    private static final Logger log = LoggerFactory.getLogger(Intake.class);

    private final DeviceRegistry registry;
    private final PacketWriter writer;
    private final ReceiverStats stats;
    private final Clock clock;
    private final MonitoringProperties properties;
    private final RejectSampler sampler;
    private final PacketParser parser = new PacketParser(FactorCodes.standard());
    private final Map<String, Pending> splits = new ConcurrentHashMap<>();
    private long lastRejectLog;

    Intake(DeviceRegistry registry, PacketWriter writer, ReceiverStats stats, Clock clock,
           MonitoringProperties properties, RejectSampler sampler) {
        this.registry = registry;
        this.writer = writer;
        this.stats = stats;
        this.clock = clock;
        this.properties = properties;
        this.sampler = sampler;
    }

    private static final class Pending {
        final Packet[] parts;
        final List<Channel> channels = new ArrayList<>();
        final long since;
        int count;

        Pending(int n, long since) {
            this.parts = new Packet[n];
            this.since = since;
        }
    }

    void accept(Frame frame, Channel channel, String remote) throws InterruptedException {
        long now = clock.millis();
        String source = source(channel);
        if (!frame.kind().framed()) {
            reject(frame.kind().name(), null, remote, source, frame.bytes(), now);
            return;
        }
        Packet p;
        try {
            p = parser.parse(frame.bytes());
        } catch (PacketParser.MalformedPacketException e) {
            reject("MALFORMED", e.getMessage(), remote, source, frame.bytes(), now);
            return;
        }
        Optional<DeviceRegistry.Device> found = registry.find(p.mn());
        if (found.isEmpty()) {
            quarantine(p, "UNKNOWN_DEVICE", remote, source, now);
            return;
        }
        DeviceRegistry.Device d = found.get();
        if (!d.enabled()) {
            quarantine(p, "DISABLED_DEVICE", remote, source, now);
            return;
        }
        if (!registry.passwordMatches(d, p.password())) {
            quarantine(p, "WRONG_PASSWORD", remote, source, now);
            return;
        }
        boolean modbus = frame.kind() == Frame.Kind.MODBUS_CRC;
        if (modbus && !d.tolerantCrc()) {
            reject("BAD_CRC", "CRC-16/MODBUS from a device not marked tolerant", remote, source, frame.bytes(),
                    now);
            return;
        }
        if (frame.segmentLength() > d.maxSegment()) {
            reject("TOO_LONG", frame.segmentLength() + " > " + d.maxSegment(), remote, source, frame.bytes(), now);
            return;
        }
        stats.count(modbus ? "ACCEPTED_MODBUS_CRC" : "ACCEPTED");
        if (p.split()) {
            split(d, p, modbus, channel, now);
            return;
        }
        writer.submit(new Inbound.Accepted(d, List.of(p), p, modbus, channel, now));
    }

    private void split(DeviceRegistry.Device d, Packet p, boolean modbus, Channel channel, long now)
            throws InterruptedException {
        if (p.pno() < 1 || p.pno() > p.pnum()) {
            quarantine(p, "BAD_SPLIT", channel == null ? null : String.valueOf(channel.remoteAddress()), source(channel),
                    now);
            return;
        }
        String key = p.mn() + "|" + p.cn() + "|" + p.pnum();
        Pending pending = splits.computeIfAbsent(key, k -> new Pending(p.pnum(), now));
        List<Packet> parts = null;
        synchronized (pending) {
            if (pending.parts[p.pno() - 1] == null) {
                pending.count++;
            }
            pending.parts[p.pno() - 1] = p;
            pending.channels.add(channel);
            if (pending.count == pending.parts.length) {
                splits.remove(key);
                parts = List.of(pending.parts);
            }
        }
        if (parts != null) {
            writer.submit(new Inbound.Accepted(d, parts, Packet.merge(parts), modbus, channel, now));
        }
    }

    /** Quarantines sub-packets whose siblings did not arrive in time (called periodically). */
    void expireSplits() throws InterruptedException {
        long now = clock.millis();
        long limit = properties.hj212().splitTimeout().toMillis();
        for (Iterator<Map.Entry<String, Pending>> it = splits.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Pending> e = it.next();
            if (now - e.getValue().since > limit) {
                it.remove();
                for (Packet part : e.getValue().parts) {
                    if (part != null) {
                        quarantine(part, "INCOMPLETE_SPLIT", null, "", now);
                    }
                }
            }
        }
    }

    private void quarantine(Packet p, String reason, String remote, String source, long now)
            throws InterruptedException {
        stats.count(reason);
        if (sampler.keep(RejectSampler.Kind.QUARANTINE, source, reason, p.raw().length, now)) {
            writer.submit(new Inbound.Quarantined(p.mn(), reason, remote, source, p.raw(), now));
        }
    }

    /** The sender's IP address: the key of the kept sample (packets released from quarantine: "released"). */
    private static String source(Channel channel) {
        return channel != null && channel.remoteAddress() instanceof InetSocketAddress a && a.getAddress() != null
                ? a.getAddress().getHostAddress() : "released";
    }

    private void reject(String reason, String detail, String remote, String source, byte[] raw, long now)
            throws InterruptedException {
        stats.count(reason);
        if (!sampler.keep(RejectSampler.Kind.REJECT, source, reason, raw.length, now)) {
            return;
        }
        if (now - lastRejectLog > 1000) {
            lastRejectLog = now;
            log.warn("HJ 212 frame rejected from {}: {}{} ({} bytes)", remote, reason,
                    detail == null ? "" : " (" + detail + ")", raw.length);
        }
        writer.submit(new Inbound.Rejected(reason, detail, remote, source, raw, now));
    }
}

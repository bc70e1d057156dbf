package cn.anhuan.monitoring;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Counters of the receiver since start, exported as {@code anhuan.hj212.*} metrics and shown on the monitoring
 * page: frames by outcome (accepted, each reject reason, quarantine reasons), readings stored, duplicates
 * ignored, acknowledgements sent, open connections, connections refused at a cap or closed for sending no frame.
 */
@Component
class ReceiverStats {

    private final MeterRegistry meters;
    private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    final LongAdder readings = new LongAdder();
    final LongAdder duplicateReadings = new LongAdder();
    final LongAdder duplicatePackets = new LongAdder();
    final LongAdder acks = new LongAdder();
    final LongAdder storeFailures = new LongAdder();
    /** Items (accepted, quarantined, rejected) whose transaction committed. */
    final LongAdder committed = new LongAdder();
    final AtomicInteger connections = new AtomicInteger();
    /** Connections closed at once: the receiver was at its cap in total, or for the remote address. */
    final LongAdder refusedTotal = new LongAdder();
    final LongAdder refusedPerAddress = new LongAdder();
    /** Connections closed because they sent no complete frame within the frame timeout. */
    final LongAdder frameTimeouts = new LongAdder();

    ReceiverStats(MeterRegistry meters) {
        this.meters = meters;
        Gauge.builder("anhuan.hj212.connections", connections, AtomicInteger::get).register(meters);
        meters.more().counter("anhuan.hj212.readings", java.util.List.of(), readings);
        meters.more().counter("anhuan.hj212.acks", java.util.List.of(), acks);
        meters.more().counter("anhuan.hj212.duplicates", java.util.List.of(), duplicateReadings);
        meters.more().counter("anhuan.hj212.refused", java.util.List.of(io.micrometer.core.instrument.Tag.of("cap", "total")), refusedTotal);
        meters.more().counter("anhuan.hj212.refused", java.util.List.of(io.micrometer.core.instrument.Tag.of("cap", "address")), refusedPerAddress);
        meters.more().counter("anhuan.hj212.frame.timeouts", java.util.List.of(), frameTimeouts);
    }

    /** Counts a frame's outcome: ACCEPTED, MODBUS_CRC, BAD_CRC, BAD_LENGTH, MALFORMED, UNKNOWN_DEVICE… */
    void count(String outcome) {
        outcomes.computeIfAbsent(outcome, k -> new LongAdder()).increment();
        counters.computeIfAbsent(outcome, k -> Counter.builder("anhuan.hj212.frames").tag("outcome", k)
                .register(meters)).increment();
    }

    long outcome(String outcome) {
        LongAdder a = outcomes.get(outcome);
        return a == null ? 0 : a.sum();
    }

    Map<String, Long> snapshot() {
        Map<String, Long> m = new LinkedHashMap<>();
        outcomes.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> m.put(e.getKey(), e.getValue().sum()));
        m.put("READINGS", readings.sum());
        m.put("DUPLICATE_READINGS", duplicateReadings.sum());
        m.put("DUPLICATE_PACKETS", duplicatePackets.sum());
        m.put("ACKS", acks.sum());
        m.put("STORE_FAILURES", storeFailures.sum());
        m.put("CONNECTIONS", (long) connections.get());
        m.put("REFUSED_CONNECTIONS_TOTAL_CAP", refusedTotal.sum());
        m.put("REFUSED_CONNECTIONS_ADDRESS_CAP", refusedPerAddress.sum());
        m.put("FRAME_TIMEOUTS", frameTimeouts.sum());
        return m;
    }
}

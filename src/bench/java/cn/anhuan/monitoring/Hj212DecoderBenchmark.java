package cn.anhuan.monitoring;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import cn.anhuan.monitoring.hj212.FactorCodes;
import cn.anhuan.monitoring.hj212.Frame;
import cn.anhuan.monitoring.hj212.FrameScanner;
import cn.anhuan.monitoring.hj212.Packet;
import cn.anhuan.monitoring.hj212.PacketParser;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The whole shared corpus (21 files, 190,365 valid packets) decoded in memory on one thread: frames cut, length
 * and CRC checked, segments parsed into readings ({@code decode}); and, as the floor in the same run, framing with
 * length and CRC only ({@code frameOnly}). Scores are valid packets per second. Fails if any valid packet is
 * rejected. Corpus: {@code ../shared/data/hj212-field-2016} or {@code ANHUAN_HJ212_CORPUS}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class Hj212DecoderBenchmark {

    static final int VALID = 190_365;

    private byte[] corpus;
    private final PacketParser parser = new PacketParser(FactorCodes.standard());

    @Setup
    public void load() throws Exception {
        String configured = System.getenv("ANHUAN_HJ212_CORPUS");
        Path dir = configured != null ? Path.of(configured) : Path.of("../shared/data/hj212-field-2016");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".h212")).sorted().toList();
        }
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (Path f : files) {
            all.write(Files.readAllBytes(f));
        }
        corpus = all.toByteArray();
        int[] counts = run(null, true);
        if (counts[0] != VALID || counts[1] != VALID) {
            throw new IllegalStateException("valid " + counts[0] + ", parsed " + counts[1] + " (expected " + VALID + ")");
        }
    }

    int[] run(Blackhole bh, boolean parse) throws PacketParser.MalformedPacketException {
        ByteBuf in = Unpooled.wrappedBuffer(corpus);
        int valid = 0;
        int parsed = 0;
        Frame f;
        while ((f = FrameScanner.next(in)) != null || (f = FrameScanner.rest(in)) != null) {
            if (f.kind() == Frame.Kind.VALID) {
                valid++;
                if (parse) {
                    Packet p = parser.parse(f.bytes());
                    parsed++;
                    if (bh != null) {
                        bh.consume(p);
                    }
                } else if (bh != null) {
                    bh.consume(f);
                }
            }
        }
        return new int[] {valid, parsed};
    }

    @Benchmark
    @OperationsPerInvocation(VALID)
    public int decode(Blackhole bh) throws Exception {
        return run(bh, true)[1];
    }

    @Benchmark
    @OperationsPerInvocation(VALID)
    public int frameOnly(Blackhole bh) throws Exception {
        return run(bh, false)[0];
    }
}

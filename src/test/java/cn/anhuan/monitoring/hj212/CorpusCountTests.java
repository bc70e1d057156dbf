package cn.anhuan.monitoring.hj212;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

import cn.anhuan.monitoring.Corpus;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class CorpusCountTests {

    @Test
    void countsEveryKindOfFrameInTheWholeCorpus() throws Exception {
        Map<Frame.Kind, Integer> counts = new EnumMap<>(Frame.Kind.class);
        PacketParser parser = new PacketParser(FactorCodes.standard());
        int parsed = 0;
        for (Path file : Corpus.files()) {
            ByteBuf in = Unpooled.wrappedBuffer(Corpus.read(file));
            Frame f;
            while ((f = FrameScanner.next(in)) != null || (f = FrameScanner.rest(in)) != null) {
                counts.merge(f.kind(), 1, Integer::sum);
                if (f.kind() == Frame.Kind.VALID) {
                    parser.parse(f.bytes());
                    parsed++;
                }
            }
        }
        System.out.println(counts);
        assertThat(counts.get(Frame.Kind.VALID)).isEqualTo(190_365);
        assertThat(parsed).isEqualTo(190_365);
    }
}

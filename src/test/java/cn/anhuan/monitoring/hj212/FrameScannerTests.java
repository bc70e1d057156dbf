package cn.anhuan.monitoring.hj212;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

/** The frame decoder on the standard's examples, on streams cut at every byte, and on random bytes. */
class FrameScannerTests {

    static final String[] VALID = {
            "##0101QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&1C80\r\n",
            "##0094QN=20160801085857223;ST=91;CN=9011;PW=123456;MN=010000A8900016F000169DC0;Flag=4;CP=&&QnRtn=1&&1B00\r\n",
            "##0087QN=20201015123632010;ST=91;CN=9014;PW=123456;MN=410183160889201000212505;Flag=4;CP=&&&&f001\r\n",
            "##0139ST=32;CN=2011;PW=123456;MN=LD130133000015;CP=&&DataTime=20160824003817000;B01-Rtd=36.91;011-Rtd=231.0,011-Flag=N;060-Rtd=1.803,060-Flag=N&&4980\r\n"};

    static List<Frame> all(ByteBuf in) {
        List<Frame> out = new ArrayList<>();
        Frame f;
        while ((f = FrameScanner.next(in)) != null) {
            out.add(f);
        }
        return out;
    }

    @Test
    void acceptsTheStandardsExamplesAndRejectsTheWrongDataTimeOne() throws Exception {
        for (String v : VALID) {
            assertThat(all(Unpooled.copiedBuffer(v, StandardCharsets.ISO_8859_1))).extracting(Frame::kind)
                    .containsExactly(Frame.Kind.VALID);
        }
        String bad = "##0136ST=32;CN=2011;PW=123456;MN=LD130133000015;CP=&&DataTime=20160824003817;B01-Rtd=36.91;"
                + "011-Rtd=231.0,011-Flag=N;060-Rtd=1.803,060-Flag=N&&4980\r\n";
        assertThat(all(Unpooled.copiedBuffer(bad, StandardCharsets.ISO_8859_1))).extracting(Frame::kind)
                .containsExactly(Frame.Kind.BAD_CRC);
        Packet p = new PacketParser(FactorCodes.standard()).parse(VALID[3].getBytes(StandardCharsets.ISO_8859_1));
        assertThat(p.readings()).extracting(Reading::code).containsExactly("w00000", "w01018", "w21003");
        assertThat(p.readings().get(1).legacyCode()).isEqualTo("011");
        assertThat(p.readings().get(1).value(Reading.RTD)).isEqualTo(231.0);
        assertThat(p.version()).isEqualTo(2005);
        assertThat(p.dataTime()).isEqualTo(java.time.Instant.parse("2016-08-23T16:38:17Z").toEpochMilli());
    }

    @Test
    void aStreamCutAtEveryPossiblePointGivesTheSameFrames() {
        byte[] stream = ("junk##test\0\r\n" + VALID[0] + VALID[1] + "garbage" + VALID[2] + VALID[3])
                .getBytes(StandardCharsets.ISO_8859_1);
        List<Frame.Kind> whole = all(Unpooled.wrappedBuffer(stream)).stream().map(Frame::kind).toList();
        assertThat(whole).containsSubsequence(Frame.Kind.VALID, Frame.Kind.VALID, Frame.Kind.VALID, Frame.Kind.VALID);
        for (int cut = 1; cut < stream.length; cut++) {
            ByteBuf in = Unpooled.buffer();
            in.writeBytes(stream, 0, cut);
            List<Frame> got = all(in);
            in.discardReadBytes();
            in.writeBytes(stream, cut, stream.length - cut);
            got.addAll(all(in));
            Frame rest = FrameScanner.rest(in);
            if (rest != null) {
                got.add(rest);
            }
            assertThat(got.stream().filter(f -> f.kind() == Frame.Kind.VALID).count()).as("cut at " + cut).isEqualTo(4);
        }
    }

    @Test
    void randomBytesNeverThrowNorStallAndValidPacketsAfterThemAreFound() {
        Random random = new Random(212);
        for (int round = 0; round < 2000; round++) {
            byte[] noise = new byte[random.nextInt(300)];
            random.nextBytes(noise);
            if (round % 3 == 0 && noise.length > 6) {
                noise[random.nextInt(noise.length - 2)] = '#';
                System.arraycopy("##0".getBytes(StandardCharsets.ISO_8859_1), 0, noise, random.nextInt(noise.length - 3), 3);
            }
            ByteBuf in = Unpooled.buffer();
            in.writeBytes(noise);
            in.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            in.writeBytes(VALID[0].getBytes(StandardCharsets.ISO_8859_1));
            int before = in.readableBytes();
            List<Frame> got = all(in);
            Frame rest = FrameScanner.rest(in);
            if (rest != null) {
                got.add(rest);
            }
            assertThat(in.readableBytes()).as("everything consumed").isZero();
            assertThat(before).isPositive();
            assertThat(got).extracting(Frame::kind).contains(Frame.Kind.VALID);
        }
    }
}

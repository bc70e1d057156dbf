package cn.anhuan.monitoring.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import cn.anhuan.monitoring.hj212.Frame;
import org.junit.jupiter.api.Test;

/** The replay's --ack counting: each 9014 credits the packet whose QN it carries, nothing else. */
class AckLedgerTests {

    static final String DATA = "ST=32;CN=2011;PW=123456;MN=LD130133000015;";
    static final String CP = "CP=&&DataTime=20160824003817000;B01-Rtd=36.91&&";

    static byte[] packet(String qn, String flag) {
        return Frame.encode((qn == null ? "" : "QN=" + qn + ";") + DATA + (flag == null ? "" : "Flag=" + flag + ";") + CP);
    }

    static String ack2017(String qn) {
        return text(Frame.encode("QN=" + qn + ";ST=91;CN=9014;PW=123456;MN=LD130133000015;Flag=4;CP=&&&&"));
    }

    static String ack2005(String qn) {
        return text(Frame.encode("ST=91;CN=9014;PW=123456;MN=LD130133000015;Flag=0;CP=&&QN=" + qn + "&&"));
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    @Test
    void aReplyCreditsThePacketWithItsQnNotTheOneAwaited() {
        AckLedger ledger = new AckLedger();
        assertThat(ledger.sent(0, packet("20160824000000001", "5"))).isEqualTo("20160824000000001");
        assertThat(ledger.sent(1, packet("20160824000000002", "5"))).isEqualTo("20160824000000002");
        assertThat(ledger.reply(ack2017("20160824000000002"))).isEqualTo(1);
        assertThat(ledger.reply(ack2017("20160824000000001"))).isEqualTo(0);
        assertThat(ledger.reply(ack2017("20160824000000001"))).as("acknowledged once only").isEqualTo(-1);
        assertThat(ledger.unmatched()).isEqualTo(1);
    }

    @Test
    void aFlag1PacketIsAwaitedAndItsReplyWithTheQnInCpCreditsIt() {
        AckLedger ledger = new AckLedger();
        assertThat(ledger.sent(0, packet("20160823235559979", "1"))).isEqualTo("20160823235559979");
        assertThat(ledger.sent(1, packet("20160824000000003", "5"))).isNotNull();
        assertThat(ledger.reply(ack2005("20160823235559979")))
                .as("the first 9014 answers the Flag=1 packet, not the packet sent after it").isZero();
        assertThat(ledger.waiting("20160824000000003")).isTrue();
        assertThat(ledger.reply(ack2017("20160824000000003"))).isEqualTo(1);
    }

    @Test
    void doubledQnsAreCreditedOnceEachInOrder() {
        AckLedger ledger = new AckLedger();
        ledger.sent(3, packet("20160824000000004", "5"));
        ledger.sent(7, packet("20160824000000004", "5"));
        assertThat(ledger.reply(ack2017("20160824000000004"))).isEqualTo(3);
        assertThat(ledger.waiting("20160824000000004")).isTrue();
        assertThat(ledger.reply(ack2017("20160824000000004"))).isEqualTo(7);
        assertThat(ledger.reply(ack2017("20160824000000004"))).isEqualTo(-1);
        assertThat(ledger.waiting("20160824000000004")).isFalse();
        assertThat(ledger.waiting()).isZero();
    }

    @Test
    void packetsWithoutTheABitAnd9013RepliesAreNotCounted() {
        AckLedger ledger = new AckLedger();
        assertThat(ledger.sent(0, packet("20160824000000005", "4"))).isNull();
        assertThat(ledger.sent(1, packet("20160824000000006", null))).isNull();
        assertThat(ledger.sent(2, "garbage\r\n".getBytes(StandardCharsets.ISO_8859_1))).isNull();
        assertThat(ledger.sent(3, packet("20160824000000007", "5"))).isNotNull();
        assertThat(ledger.reply(text(Frame.encode(
                "QN=20160824000000007;ST=91;CN=9013;PW=123456;MN=LD130133000015;Flag=4;CP=&&&&")))).isEqualTo(-1);
        assertThat(ledger.reply(ack2017("20160824000000005"))).isEqualTo(-1);
        assertThat(ledger.reply("")).isEqualTo(-1);
        assertThat(ledger.reply(ack2017("20160824000000007"))).isEqualTo(3);
    }

    @Test
    void aPacketWithoutQnIsMatchedByAReplyWithoutOne() {
        AckLedger ledger = new AckLedger();
        assertThat(ledger.sent(0, packet(null, "1"))).isEmpty();
        assertThat(ledger.reply(ack2017("20160824000000008"))).isEqualTo(-1);
        assertThat(ledger.reply(text(Frame.encode("ST=91;CN=9014;PW=123456;MN=LD130133000015;Flag=0;CP=&&&&"))))
                .isZero();
    }

    @Test
    void aCorpusLineWithItsOwnQnGetsOneQnOfItsOwnWhenReframedAndTheReplyToItMatches() {
        byte[] line = Frame.encode("QN=20160824045717000;" + DATA + CP);
        byte[] other = Frame.encode("QN=20160824045717000;" + DATA + CP.replace("36.91", "36.92"));
        String reframed = text(Hj212Replay.reframe(line));
        assertThat(reframed).startsWith("##").containsOnlyOnce("QN=").doesNotContain("QN=20160824045717000")
                .contains(";Flag=5;CP=");
        AckLedger ledger = new AckLedger();
        String qn = ledger.sent(0, Hj212Replay.reframe(line));
        assertThat(ledger.sent(1, Hj212Replay.reframe(other))).as("another packet with the same QN in the corpus")
                .isNotEqualTo(qn);
        assertThat(ledger.reply(ack2017(qn))).isZero();
        assertThat(ledger.sent(2, Frame.encode("QN=1;QN=2;" + DATA + "Flag=5;" + CP))).as("the last QN, as the receiver reads it")
                .isEqualTo("2");
    }

    @Test
    void reframedCorpusLinesAskForAnAcknowledgement() {
        byte[] line = Frame.encode(DATA + CP);
        assertThat(Hj212Replay.expectsAck(line)).isFalse();
        assertThat(Hj212Replay.expectsAck(Hj212Replay.reframe(line))).isTrue();
        assertThat(Hj212Replay.expectsAck(packet("20160823235559979", "1"))).as("Flag=1 has the A bit").isTrue();
    }
}

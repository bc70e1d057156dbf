package cn.anhuan.monitoring.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import cn.anhuan.monitoring.hj212.Frame;
import org.junit.jupiter.api.Test;

/** The replay tool against a scripted receiver: acknowledgements are credited to the packets whose QN they carry. */
class Hj212ReplayTests {

    @Test
    void acksAreCountedByQnWithFlag1LinesLateRepliesAndDoubledLines() throws Exception {
        byte[] flag1 = AckLedgerTests.packet("20160823235559979", "1");
        byte[] corpus = Frame.encode(AckLedgerTests.DATA + AckLedgerTests.CP);
        byte[] silent = Frame.encode("ST=32;CN=2011;PW=123456;MN=LD130133000099;" + AckLedgerTests.CP);
        try (ServerSocket server = new ServerSocket(0)) {
            Thread receiver = new Thread(() -> answer(server));
            receiver.start();
            Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
            Hj212Replay.Result r = Hj212Replay.replay("127.0.0.1", server.getLocalPort(), 1, 0, true,
                    List.of(flag1, corpus, corpus, silent), acknowledged::add);
            receiver.join();
            assertThat(r.sent()).isEqualTo(4);
            assertThat(acknowledged).containsExactlyInAnyOrder(0, 1, 2);
            assertThat(r.acknowledged()).isEqualTo(3);
        }
    }

    /**
     * Acks the Flag=1 packet the 2005 way (QN in CP); answers the first copy of the corpus line with a 9013 and
     * then its 9014, the second with its 9014; never answers the packet of the unknown device (LD130133000099).
     */
    private static void answer(ServerSocket server) {
        try (Socket s = server.accept()) {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream out = s.getOutputStream();
            int corpusCopies = 0;
            for (String line; (line = in.readLine()) != null; ) {
                String qn = line.replaceAll(".*QN=(\\d+);.*", "$1");
                if (line.contains("Flag=1;")) {
                    out.write(AckLedgerTests.ack2005(qn).getBytes(StandardCharsets.ISO_8859_1));
                } else if (line.contains("MN=LD130133000015;")) {
                    if (corpusCopies++ == 0) {
                        out.write(Frame.encode("QN=" + qn + ";ST=91;CN=9013;PW=123456;MN=LD130133000015;Flag=4;CP=&&&&"));
                    }
                    out.write(AckLedgerTests.ack2017(qn).getBytes(StandardCharsets.ISO_8859_1));
                }
                out.flush();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

package cn.anhuan.monitoring;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import cn.anhuan.monitoring.hj212.Frame;
import cn.anhuan.monitoring.hj212.Packet;

/**
 * Builds the host's answers: 9014 data response for uploads with the A bit, 9013 notification response.
 * Replies keep the request's protocol version; a 2005-era reply carries the QN inside CP.
 */
final class Replies {

    private static final DateTimeFormatter QN = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private Replies() {
    }

    static byte[] dataResponse(Packet p) {
        return reply(p, "9014");
    }

    static byte[] notificationResponse(Packet p) {
        return reply(p, "9013");
    }

    private static byte[] reply(Packet p, String cn) {
        String qn = p.requestNumber();
        int version = p.version() == 2005 ? 0 : 1;
        StringBuilder s = new StringBuilder(128);
        if (version == 1 && qn != null) {
            s.append("QN=").append(qn).append(';');
        }
        s.append("ST=91;CN=").append(cn).append(";PW=").append(p.password()).append(";MN=").append(p.mn())
                .append(";Flag=").append(version << 2).append(";CP=&&");
        if (version == 0 && qn != null) {
            s.append("QN=").append(qn);
        }
        s.append("&&");
        return Frame.encode(s.toString());
    }

    static String requestNumber(Instant at) {
        return QN.format(at);
    }
}

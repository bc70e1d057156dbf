package cn.anhuan.monitoring.hj212;

import java.util.List;
import java.util.Map;

/**
 * A framed, CRC-checked HJ 212 packet with its header fields and data area parsed. Unknown ST, CN and factor
 * codes are kept as sent; what could not be read is listed in {@link #anomalies()} instead of failing the packet.
 */
public final class Packet {

    /** No (readable) DataTime. */
    public static final long NO_TIME = Long.MIN_VALUE;

    final byte[] raw;
    String qn;
    String st;
    String cn;
    String pw;
    String mn;
    int flag = -1;
    int pnum = -1;
    int pno = -1;
    long dataTime = NO_TIME;
    List<Reading> readings = List.of();
    Map<String, String> extras = Map.of();
    List<String> anomalies = List.of();

    Packet(byte[] raw) {
        this.raw = raw;
    }

    /** The whole frame as received. */
    public byte[] raw() {
        return raw;
    }

    public String qn() {
        return qn;
    }

    public String st() {
        return st;
    }

    public String cn() {
        return cn;
    }

    public String password() {
        return pw;
    }

    public String mn() {
        return mn;
    }

    /** The Flag field, or -1 when absent (HJ/T 212-2005). */
    public int flag() {
        return flag;
    }

    public int pnum() {
        return pnum;
    }

    public int pno() {
        return pno;
    }

    /** DataTime as epoch milliseconds (sent in China time), or {@link #NO_TIME}. */
    public long dataTime() {
        return dataTime;
    }

    public List<Reading> readings() {
        return readings;
    }

    /** Data-area items that are not factor values (QnRtn, ExeRtn, HeartbeatTime…), as sent. */
    public Map<String, String> extras() {
        return extras;
    }

    public List<String> anomalies() {
        return anomalies;
    }

    /** The protocol version from the Flag's version bits: 2005 when absent or 000000, 2017 for 000001, else 0. */
    public int version() {
        if (flag < 0 || flag >> 2 == 0) {
            return 2005;
        }
        return flag >> 2 == 1 ? 2017 : 0;
    }

    /** Whether the A bit asks for a 9014 data response. */
    public boolean acknowledgementRequested() {
        return flag >= 0 && (flag & 1) == 1;
    }

    /** Whether the D bit marks a sub-packet (PNUM/PNO). */
    public boolean split() {
        return flag >= 0 && (flag & 2) == 2 && pnum > 1;
    }

    /**
     * One packet from the sub-packets of a split packet (PNUM/PNO), in PNO order: the first's header and DataTime,
     * every part's readings (a factor repeated in a later part fills what the earlier part left empty).
     */
    public static Packet merge(List<Packet> parts) {
        Packet first = parts.get(0);
        Packet m = new Packet(first.raw);
        m.qn = first.qn;
        m.st = first.st;
        m.cn = first.cn;
        m.pw = first.pw;
        m.mn = first.mn;
        m.flag = first.flag;
        m.pnum = first.pnum;
        m.pno = 0;
        java.util.Map<String, Reading> byCode = new java.util.LinkedHashMap<>();
        java.util.Map<String, String> extras = new java.util.HashMap<>();
        java.util.List<String> anomalies = new java.util.ArrayList<>();
        for (Packet p : parts) {
            if (m.dataTime == NO_TIME) {
                m.dataTime = p.dataTime;
            }
            for (Reading r : p.readings) {
                Reading into = byCode.putIfAbsent(r.code(), r);
                if (into != null) {
                    for (int k = 0; k < Reading.VALUES; k++) {
                        if (Double.isNaN(into.value(k))) {
                            into.set(k, r.value(k));
                        }
                    }
                    if (into.flag() == 0) {
                        into.flag(r.flag());
                    }
                }
            }
            extras.putAll(p.extras);
            anomalies.addAll(p.anomalies);
        }
        m.readings = java.util.List.copyOf(byCode.values());
        m.extras = extras;
        m.anomalies = anomalies;
        return m;
    }

    /** The request number: from the header (2017) or from the data area (2005-era replies). */
    public String requestNumber() {
        return qn != null ? qn : extras.get("QN");
    }
}

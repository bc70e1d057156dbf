package cn.anhuan.monitoring.replay;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * The packets one connection sent that asked for a 9014 (the A bit of Flag), matched with the replies by QN: a
 * reply acknowledges the oldest unacknowledged packet with its QN, so a late reply, a reply to a packet the replay
 * did not wait for, or a second packet with the same QN is never credited to another packet. Replies other than
 * 9014 (9013), and 9014s whose QN matches nothing outstanding, acknowledge nothing. 2017 replies carry the QN in
 * the header, 2005-era ones inside CP; a packet without QN is matched by a reply without one. Not thread-safe: one
 * per connection.
 */
final class AckLedger {

    private final Map<String, ArrayDeque<Integer>> outstanding = new HashMap<>();
    private long unmatched;
    private long waiting;

    /** Notes a packet sent, if it asks for an acknowledgement; returns its QN ("" for none), or null if it does not. */
    String sent(int index, byte[] frame) {
        String segment = segment(frame);
        if (segment == null || !acknowledgementRequested(segment)) {
            return null;
        }
        String qn = qn(segment);
        outstanding.computeIfAbsent(qn, k -> new ArrayDeque<>()).add(index);
        waiting++;
        return qn;
    }

    /** The index of the packet a reply line (with or without CR LF) acknowledges, or -1. */
    int reply(String line) {
        String segment = segment(line.strip().getBytes(StandardCharsets.ISO_8859_1));
        if (segment == null || !"9014".equals(field(segment, "CN"))) {
            return -1;
        }
        ArrayDeque<Integer> waiting = outstanding.get(qn(segment));
        if (waiting == null || waiting.isEmpty()) {
            unmatched++;
            return -1;
        }
        this.waiting--;
        return waiting.poll();
    }

    /** Packets sent that still wait for their acknowledgement. */
    long waiting() {
        return waiting;
    }

    /** Whether a packet with this QN still waits for its acknowledgement. */
    boolean waiting(String qn) {
        ArrayDeque<Integer> w = outstanding.get(qn);
        return w != null && !w.isEmpty();
    }

    /** 9014 replies that matched no packet sent. */
    long unmatched() {
        return unmatched;
    }

    /** The data segment between the length and the CRC, or null if the bytes are not {@code ##dddd…XXXX}. */
    private static String segment(byte[] frame) {
        String s = new String(frame, StandardCharsets.ISO_8859_1).strip();
        if (s.length() < 10 || !s.startsWith("##")) {
            return null;
        }
        return s.substring(6, s.length() - 4);
    }

    private static boolean acknowledgementRequested(String segment) {
        String flag = field(segment, "Flag");
        if (flag == null) {
            return false;
        }
        try {
            return (Integer.parseInt(flag) & 1) == 1;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** QN from the header, else from the data area (2005-era replies), else "". */
    private static String qn(String segment) {
        String qn = field(segment, "QN");
        if (qn == null) {
            int cp = segment.indexOf("CP=&&");
            if (cp >= 0) {
                qn = field(segment.substring(cp + 5), "QN");
            }
        }
        return qn == null ? "" : qn;
    }

    /**
     * A header field ({@code NAME=value;} before CP), or, given the data area, a field of it; the last one if it is
     * repeated, as the receiver's parser takes it.
     */
    private static String field(String segment, String name) {
        int cp = segment.indexOf("CP=");
        String header = cp < 0 ? segment : segment.substring(0, cp);
        String value = null;
        for (String part : header.split("[;,&]")) {
            if (part.startsWith(name + "=")) {
                value = part.substring(name.length() + 1);
            }
        }
        return value;
    }
}

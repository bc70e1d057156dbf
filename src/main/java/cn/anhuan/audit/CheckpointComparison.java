package cn.anhuan.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Compares the re-computed chain, entry by entry in id order, with the validly signed checkpoints of the log.
 * Lines that are malformed or badly signed are reported and not compared: they prove nothing.
 */
final class CheckpointComparison {

    private static final int MAX_BAD_LINES = 100;

    private final int lines;
    private final int rewrittenPrefix;
    private final List<Checkpoint> valid = new ArrayList<>();
    private final List<AuditVerification.BadLine> badLines = new ArrayList<>();
    private int next;
    private long lastAgreeing;
    private long unanchored;
    private int disagreeing;
    private AuditVerification.Disagreement first;

    /**
     * {@code signatureValid} is asked, in file order, about each well-formed line by its index in {@code log};
     * {@code rewrittenPrefix} is how many lines verified earlier have changed since (0: none).
     */
    CheckpointComparison(List<CheckpointLog.Line> log, IntPredicate signatureValid, int rewrittenPrefix) {
        this.lines = log.size();
        this.rewrittenPrefix = rewrittenPrefix;
        for (int i = 0; i < log.size(); i++) {
            CheckpointLog.Line line = log.get(i);
            if (line.checkpoint() == null) {
                bad(line.number(), "malformed", null);
            } else if (!signatureValid.test(i)) {
                bad(line.number(), "signature", line.checkpoint().seq());
            } else {
                valid.add(line.checkpoint());
            }
        }
        valid.sort(Comparator.comparingLong(Checkpoint::seq));
    }

    /** The next entry of the chain, with its hash re-computed from the genesis (not its stored hash). */
    void entry(long id, String recomputedHash) {
        while (next < valid.size() && valid.get(next).seq() < id) {
            disagree(valid.get(next++), "missing");
        }
        while (next < valid.size() && valid.get(next).seq() == id) {
            Checkpoint c = valid.get(next++);
            if (c.headHash().equals(recomputedHash)) {
                if (first == null) {
                    lastAgreeing = c.seq();
                }
            } else {
                disagree(c, "hash");
            }
        }
        if (valid.isEmpty() || id > valid.get(valid.size() - 1).seq()) {
            unanchored++;
        }
    }

    AuditVerification.Checkpoints finish() {
        while (next < valid.size()) {
            disagree(valid.get(next++), "missing");
        }
        Checkpoint latest = valid.stream().max(Comparator.comparingLong(Checkpoint::seq)
                .thenComparing(Checkpoint::at)).orElse(null);
        return new AuditVerification.Checkpoints(lines, valid.size(), latest, unanchored, List.copyOf(badLines),
                disagreeing, first, rewrittenPrefix);
    }

    boolean agrees() {
        return badLines.isEmpty() && disagreeing == 0 && rewrittenPrefix == 0;
    }

    private void disagree(Checkpoint c, String kind) {
        disagreeing++;
        if (first == null) {
            first = new AuditVerification.Disagreement(c.seq(), c.at(), kind, lastAgreeing + 1, c.seq());
        }
    }

    private void bad(int line, String kind, Long seq) {
        if (badLines.size() < MAX_BAD_LINES) {
            badLines.add(new AuditVerification.BadLine(line, kind, seq));
        }
    }
}

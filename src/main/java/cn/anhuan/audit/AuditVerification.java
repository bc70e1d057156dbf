package cn.anhuan.audit;

import java.time.Instant;
import java.util.List;

/**
 * The result of re-computing the hash chain and comparing it with the signed checkpoints.
 *
 * @param intact      the chain is unbroken, every checkpoint line is signed, and every checkpoint matches
 * @param checked     how many entries were checked
 * @param problems    the first problems of the chain itself (entry id and what is wrong), at most 100
 * @param checkpoints how the chain compares with the checkpoint log
 */
public record AuditVerification(boolean intact, long checked, List<Problem> problems, Checkpoints checkpoints) {

    /** One broken link: the entry id and the kind ({@code hash}, {@code link} or {@code head}). */
    public record Problem(long entryId, String kind) {
    }

    /**
     * The chain against the checkpoint log.
     *
     * @param lines        lines in the log
     * @param valid        lines that are well-formed and carry a valid signature (only these are compared)
     * @param latest       the latest validly signed checkpoint, null when none
     * @param unanchored   entries after the latest valid checkpoint (not yet covered by a signature)
     * @param badLines     lines that are malformed or whose signature does not verify, at most 100
     * @param disagreeing  how many valid checkpoints do not match the re-computed chain
     * @param firstDisagreement the first of them, with the range of entries in which the chain was changed;
     *                     null when all match
     * @param rewrittenPrefix the log's first lines that this instance verified earlier and that are no longer
     *                     byte for byte the same (an append-only log never changes); 0 when none
     */
    public record Checkpoints(int lines, int valid, Checkpoint latest, long unanchored, List<BadLine> badLines,
                              int disagreeing, Disagreement firstDisagreement, int rewrittenPrefix) {
    }

    /** A line of the log that does not count: {@code malformed} or {@code signature} (does not verify). */
    public record BadLine(int line, String kind, Long seq) {
    }

    /**
     * The first checkpoint that the chain contradicts: the entry {@code seq} now has another re-computed hash
     * ({@code hash}) or no longer exists ({@code missing}). The entries before {@code rewrittenFrom} still match
     * an earlier checkpoint, so the first changed entry lies in {@code rewrittenFrom} to {@code rewrittenTo}.
     */
    public record Disagreement(long seq, Instant at, String kind, long rewrittenFrom, long rewrittenTo) {
    }
}

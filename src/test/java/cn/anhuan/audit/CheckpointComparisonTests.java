package cn.anhuan.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The chain against the checkpoints: the first that disagrees bounds the first rewritten entry. */
class CheckpointComparisonTests {

    private static final Instant AT = Instant.parse("2026-12-04T10:00:00Z");

    @Test
    void theFirstDisagreeingCheckpointBoundsTheRewrite() {
        var c = comparison(List.of(line(1, 2, "h2"), line(2, 5, "h5"), line(3, 9, "h9")));
        feed(c, 1, "h1", 2, "h2", 3, "h3", 4, "x4", 5, "x5", 6, "x6", 9, "x9", 10, "x10");
        var status = c.finish();
        assertThat(c.agrees()).isFalse();
        assertThat(status.disagreeing()).isEqualTo(2);
        assertThat(status.firstDisagreement()).isEqualTo(new AuditVerification.Disagreement(5, AT, "hash", 3, 5));
        assertThat(status.latest().seq()).isEqualTo(9);
        assertThat(status.unanchored()).isEqualTo(1);
    }

    @Test
    void aCheckpointWhoseEntryIsGoneIsMissing() {
        var c = comparison(List.of(line(1, 2, "h2"), line(2, 4, "h4"), line(3, 6, "h6")));
        feed(c, 1, "h1", 2, "h2", 3, "x3", 5, "x5");
        var status = c.finish();
        assertThat(status.firstDisagreement()).isEqualTo(new AuditVerification.Disagreement(4, AT, "missing", 3, 4));
        assertThat(status.disagreeing()).isEqualTo(2);
    }

    @Test
    void badLinesAreReportedAndNotCompared() {
        List<CheckpointLog.Line> lines = new ArrayList<>();
        lines.add(line(1, 2, "h2"));
        lines.add(new CheckpointLog.Line(2, "garbage", null));
        lines.add(new CheckpointLog.Line(3, "forged", new Checkpoint(3, "zz", AT, "forged")));
        var c = new CheckpointComparison(lines, i -> !lines.get(i).checkpoint().signature().equals("forged"), 0);
        feed(c, 1, "h1", 2, "h2", 3, "h3");
        var status = c.finish();
        assertThat(status.badLines()).containsExactly(new AuditVerification.BadLine(2, "malformed", null),
                new AuditVerification.BadLine(3, "signature", 3L));
        assertThat(status.disagreeing()).isZero();
        assertThat(status.valid()).isEqualTo(1);
        assertThat(status.lines()).isEqualTo(3);
        assertThat(c.agrees()).isFalse();
    }

    @Test
    void aMatchingChainAgrees() {
        var c = comparison(List.of(line(1, 1, "h1"), line(2, 3, "h3")));
        feed(c, 1, "h1", 2, "h2", 3, "h3");
        var status = c.finish();
        assertThat(c.agrees()).isTrue();
        assertThat(status.firstDisagreement()).isNull();
        assertThat(status.unanchored()).isZero();
    }

    @Test
    void aLineOfTheLogReadsBack() {
        Checkpoint c = new Checkpoint(42, "0123456789abcdef".repeat(4), AT, "c2lnbmF0dXJl");
        assertThat(Checkpoint.parse(c.line())).isEqualTo(c);
        assertThat(Checkpoint.parse("42 nothex " + AT + " sig")).isNull();
        assertThat(Checkpoint.parse("42 " + "a".repeat(64) + " yesterday sig")).isNull();
        assertThat(Checkpoint.parse("42 " + "a".repeat(64) + " " + AT)).isNull();
    }

    private static CheckpointComparison comparison(List<CheckpointLog.Line> lines) {
        return new CheckpointComparison(lines, i -> true, 0);
    }

    private static CheckpointLog.Line line(int number, long seq, String hash) {
        return new CheckpointLog.Line(number, "", new Checkpoint(seq, hash, AT, "sig"));
    }

    private static void feed(CheckpointComparison c, Object... idAndHash) {
        for (int i = 0; i < idAndHash.length; i += 2) {
            c.entry(((Number) idAndHash[i]).longValue(), (String) idAndHash[i + 1]);
        }
    }
}

package cn.anhuan.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import cn.anhuan.monitoring.RejectSampler.Kind;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Which rejected and quarantined frames are kept raw: a sample per source and reason, within the quota. */
class RejectSamplerTests {

    static RejectSampler sampler(int rejects, int quarantine, long quotaBytes) {
        return new RejectSampler(null, new ReceiverProperties(null, 2000, 50, Duration.ofSeconds(60),
                new ReceiverProperties.Sample(rejects, quarantine, Duration.ofDays(30), DataSize.ofBytes(quotaBytes),
                        Duration.ofMinutes(10))));
    }

    @Test
    void keepsTheFirstFramesOfEachSourceAndReasonAndCountsThemAll() {
        RejectSampler s = sampler(3, 5, 1_000_000);
        int kept = 0;
        for (int i = 0; i < 10; i++) {
            kept += s.keep(Kind.REJECT, "10.0.0.1", "BAD_CRC", 10, i) ? 1 : 0;
        }
        assertThat(kept).isEqualTo(3);
        assertThat(s.keep(Kind.REJECT, "10.0.0.1", "MALFORMED", 10, 10)).as("another reason").isTrue();
        assertThat(s.keep(Kind.REJECT, "10.0.0.2", "BAD_CRC", 10, 11)).as("another source").isTrue();
        int quarantined = 0;
        for (int i = 0; i < 10; i++) {
            quarantined += s.keep(Kind.QUARANTINE, "10.0.0.1", "UNKNOWN_DEVICE", 10, i) ? 1 : 0;
        }
        assertThat(quarantined).as("the quarantine's own sample size").isEqualTo(5);
        assertThat(s.counts(10)).first().satisfies(c -> {
            assertThat(c.frames()).isEqualTo(10);
            assertThat(c.bytes()).isEqualTo(100);
        });
        assertThat(s.counts(10)).filteredOn(c -> c.reason().equals("BAD_CRC") && c.source().equals("10.0.0.1"))
                .singleElement().satisfies(c -> assertThat(c.kept()).isEqualTo(3));
        assertThat(s.keptBytes()).isEqualTo(100);
    }

    @Test
    void keepsNothingOverTheQuotaUntilPruningMakesRoom() {
        RejectSampler s = sampler(100, 100, 100);
        assertThat(s.keep(Kind.REJECT, "10.0.0.1", "MALFORMED", 40, 1)).isTrue();
        assertThat(s.keep(Kind.QUARANTINE, "10.0.0.2", "UNKNOWN_DEVICE", 40, 2)).isTrue();
        assertThat(s.keep(Kind.REJECT, "10.0.0.3", "MALFORMED", 40, 3)).isFalse();
        s.deleted(Kind.REJECT, "10.0.0.1", "MALFORMED", 1, 40);
        assertThat(s.keep(Kind.REJECT, "10.0.0.3", "MALFORMED", 40, 4)).isTrue();
    }

    @Test
    void sourcesBeyondTheKeyLimitAreCountedTogetherAndNotKept() {
        RejectSampler s = sampler(1, 1, Long.MAX_VALUE);
        for (int i = 0; i < RejectSampler.MAX_KEYS; i++) {
            assertThat(s.keep(Kind.REJECT, "10." + (i >> 16) + "." + (i >> 8 & 255) + "." + (i & 255), "MALFORMED", 1, i))
                    .isTrue();
        }
        assertThat(s.keep(Kind.REJECT, "192.0.2.1", "MALFORMED", 1, 0)).isFalse();
        assertThat(s.keep(Kind.REJECT, "192.0.2.2", "MALFORMED", 1, 0)).isFalse();
        assertThat(s.counts(1)).singleElement().satisfies(c -> {
            assertThat(c.source()).isEqualTo(RejectSampler.OTHER);
            assertThat(c.frames()).isEqualTo(2);
            assertThat(c.kept()).isZero();
        });
    }
}

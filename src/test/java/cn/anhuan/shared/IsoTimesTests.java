package cn.anhuan.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class IsoTimesTests {

    @Test
    void sameTextAsInstantToStringOnAMillionInstants() {
        SplittableRandom random = new SplittableRandom(212);
        long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 1_000_000; i++) {
            long seconds = i % 2 == 0 ? random.nextLong(0, 4_102_444_800L) : random.nextLong(min, max + 1);
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant t = Instant.ofEpochSecond(seconds, nano);
            assertThat(IsoTimes.instant(t)).as("%s", t).isEqualTo(t.toString());
        }
    }

    @Test
    void datesAsLocalDateToString() {
        SplittableRandom random = new SplittableRandom(633);
        for (int i = 0; i < 200_000; i++) {
            java.time.LocalDate d = java.time.LocalDate.ofEpochDay(random.nextLong(-800_000, 3_000_000));
            assertThat(IsoTimes.date(d)).isEqualTo(d.toString());
        }
        assertThat(IsoTimes.date(java.time.LocalDate.MIN)).isEqualTo(java.time.LocalDate.MIN.toString());
        assertThat(IsoTimes.date(java.time.LocalDate.MAX)).isEqualTo(java.time.LocalDate.MAX.toString());
    }

    @Test
    void edgesAndYearsOutsideFourDigits() {
        for (String s : new String[] {"1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999999999Z", "2000-02-29T12:00:00.001Z",
                "2026-11-30T16:00:00.000001Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.100Z",
                "-0001-12-31T23:59:59Z", "+10000-01-01T00:00:00Z"}) {
            Instant t = Instant.parse(s);
            assertThat(IsoTimes.instant(t)).isEqualTo(t.toString());
        }
        assertThat(IsoTimes.instant(Instant.MIN)).isEqualTo(Instant.MIN.toString());
        assertThat(IsoTimes.instant(Instant.MAX)).isEqualTo(Instant.MAX.toString());
    }
}

package cn.anhuan.air;

import static cn.anhuan.air.AqiStandard.HJ633_2012;
import static cn.anhuan.air.AqiStandard.HJ633_2026;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The engine against hand-computed values: every breakpoint of both versions, rounding, special rules, NA. */
class AqiCalculatorTests {

    private final AqiCalculator engine = AqiCalculator.standard();

    @ParameterizedTest(name = "{0} {1} = {2} → IAQI {3}")
    @CsvSource({
            // every breakpoint of every row: concentration → IAQI, both versions (where they agree)
            "HJ633-2012, SO2_24H, 0, 0", "HJ633-2012, SO2_24H, 50, 50", "HJ633-2012, SO2_24H, 150, 100",
            "HJ633-2012, SO2_24H, 475, 150", "HJ633-2012, SO2_24H, 800, 200", "HJ633-2012, SO2_24H, 1600, 300",
            "HJ633-2012, SO2_24H, 2100, 400", "HJ633-2012, SO2_24H, 2620, 500",
            "HJ633-2026, SO2_24H, 50, 50", "HJ633-2026, SO2_24H, 150, 100", "HJ633-2026, SO2_24H, 475, 150",
            "HJ633-2026, SO2_24H, 800, 200", "HJ633-2026, SO2_24H, 1600, 300", "HJ633-2026, SO2_24H, 2100, 400",
            "HJ633-2026, SO2_24H, 2620, 500",
            "HJ633-2012, SO2_1H, 150, 50", "HJ633-2012, SO2_1H, 500, 100", "HJ633-2012, SO2_1H, 650, 150",
            "HJ633-2012, SO2_1H, 800, 200", "HJ633-2026, SO2_1H, 150, 50", "HJ633-2026, SO2_1H, 500, 100",
            "HJ633-2026, SO2_1H, 650, 150", "HJ633-2026, SO2_1H, 800, 200",
            "HJ633-2012, NO2_24H, 40, 50", "HJ633-2012, NO2_24H, 80, 100", "HJ633-2012, NO2_24H, 180, 150",
            "HJ633-2012, NO2_24H, 280, 200", "HJ633-2012, NO2_24H, 565, 300", "HJ633-2012, NO2_24H, 750, 400",
            "HJ633-2012, NO2_24H, 940, 500", "HJ633-2026, NO2_24H, 40, 50", "HJ633-2026, NO2_24H, 80, 100",
            "HJ633-2026, NO2_24H, 180, 150", "HJ633-2026, NO2_24H, 280, 200", "HJ633-2026, NO2_24H, 565, 300",
            "HJ633-2026, NO2_24H, 750, 400", "HJ633-2026, NO2_24H, 940, 500",
            "HJ633-2012, NO2_1H, 100, 50", "HJ633-2012, NO2_1H, 200, 100", "HJ633-2012, NO2_1H, 700, 150",
            "HJ633-2012, NO2_1H, 1200, 200", "HJ633-2012, NO2_1H, 2340, 300", "HJ633-2012, NO2_1H, 3090, 400",
            "HJ633-2012, NO2_1H, 3840, 500", "HJ633-2026, NO2_1H, 100, 50", "HJ633-2026, NO2_1H, 200, 100",
            "HJ633-2026, NO2_1H, 700, 150", "HJ633-2026, NO2_1H, 1200, 200", "HJ633-2026, NO2_1H, 2340, 300",
            "HJ633-2026, NO2_1H, 3090, 400", "HJ633-2026, NO2_1H, 3840, 500",
            "HJ633-2012, CO_24H, 2, 50", "HJ633-2012, CO_24H, 4, 100", "HJ633-2012, CO_24H, 14, 150",
            "HJ633-2012, CO_24H, 24, 200", "HJ633-2012, CO_24H, 36, 300", "HJ633-2012, CO_24H, 48, 400",
            "HJ633-2012, CO_24H, 60, 500", "HJ633-2026, CO_24H, 2, 50", "HJ633-2026, CO_24H, 4, 100",
            "HJ633-2026, CO_24H, 14, 150", "HJ633-2026, CO_24H, 24, 200", "HJ633-2026, CO_24H, 36, 300",
            "HJ633-2026, CO_24H, 48, 400", "HJ633-2026, CO_24H, 60, 500",
            "HJ633-2012, CO_1H, 5, 50", "HJ633-2012, CO_1H, 10, 100", "HJ633-2012, CO_1H, 35, 150",
            "HJ633-2012, CO_1H, 60, 200", "HJ633-2012, CO_1H, 90, 300", "HJ633-2012, CO_1H, 120, 400",
            "HJ633-2012, CO_1H, 150, 500", "HJ633-2026, CO_1H, 5, 50", "HJ633-2026, CO_1H, 10, 100",
            "HJ633-2026, CO_1H, 35, 150", "HJ633-2026, CO_1H, 60, 200", "HJ633-2026, CO_1H, 90, 300",
            "HJ633-2026, CO_1H, 120, 400", "HJ633-2026, CO_1H, 150, 500",
            "HJ633-2012, O3_8H, 100, 50", "HJ633-2012, O3_8H, 160, 100", "HJ633-2012, O3_8H, 215, 150",
            "HJ633-2012, O3_8H, 265, 200", "HJ633-2012, O3_8H, 800, 300", "HJ633-2026, O3_8H, 100, 50",
            "HJ633-2026, O3_8H, 160, 100", "HJ633-2026, O3_8H, 215, 150", "HJ633-2026, O3_8H, 265, 200",
            "HJ633-2026, O3_8H, 800, 300",
            "HJ633-2012, O3_1H, 160, 50", "HJ633-2012, O3_1H, 200, 100", "HJ633-2012, O3_1H, 300, 150",
            "HJ633-2012, O3_1H, 400, 200", "HJ633-2012, O3_1H, 800, 300", "HJ633-2012, O3_1H, 1000, 400",
            "HJ633-2012, O3_1H, 1200, 500", "HJ633-2026, O3_1H, 160, 50", "HJ633-2026, O3_1H, 200, 100",
            "HJ633-2026, O3_1H, 300, 150", "HJ633-2026, O3_1H, 400, 200", "HJ633-2026, O3_1H, 800, 300",
            "HJ633-2026, O3_1H, 1000, 400", "HJ633-2026, O3_1H, 1200, 500",
            "HJ633-2012, PM10_24H, 50, 50", "HJ633-2012, PM10_24H, 150, 100", "HJ633-2012, PM10_24H, 250, 150",
            "HJ633-2012, PM10_24H, 350, 200", "HJ633-2012, PM10_24H, 420, 300", "HJ633-2012, PM10_24H, 500, 400",
            "HJ633-2012, PM10_24H, 600, 500", "HJ633-2026, PM10_24H, 50, 50", "HJ633-2026, PM10_24H, 120, 100",
            "HJ633-2026, PM10_24H, 250, 150", "HJ633-2026, PM10_24H, 350, 200", "HJ633-2026, PM10_24H, 420, 300",
            "HJ633-2026, PM10_24H, 500, 400", "HJ633-2026, PM10_24H, 600, 500",
            "HJ633-2012, PM2_5_24H, 35, 50", "HJ633-2012, PM2_5_24H, 75, 100", "HJ633-2012, PM2_5_24H, 115, 150",
            "HJ633-2012, PM2_5_24H, 150, 200", "HJ633-2012, PM2_5_24H, 250, 300", "HJ633-2012, PM2_5_24H, 350, 400",
            "HJ633-2012, PM2_5_24H, 500, 500", "HJ633-2026, PM2_5_24H, 35, 50", "HJ633-2026, PM2_5_24H, 60, 100",
            "HJ633-2026, PM2_5_24H, 115, 150", "HJ633-2026, PM2_5_24H, 150, 200", "HJ633-2026, PM2_5_24H, 250, 300",
            "HJ633-2026, PM2_5_24H, 350, 400", "HJ633-2026, PM2_5_24H, 500, 500",
            // the vectors of the domain reference (air.md §6)
            "HJ633-2012, PM2_5_24H, 64, 87", "HJ633-2026, PM2_5_24H, 64, 104",
            "HJ633-2012, PM10_24H, 115, 83", "HJ633-2026, PM10_24H, 115, 97",
            "HJ633-2012, PM2_5_24H, 60, 82", "HJ633-2026, PM2_5_24H, 75, 114",
            "HJ633-2012, PM10_24H, 120, 85", "HJ633-2026, PM10_24H, 150, 112",
            "HJ633-2012, SO2_24H, 523, 158", "HJ633-2026, SO2_24H, 523, 158",
            // exact decimals: a double would give 56
            "HJ633-2012, CO_24H, 2.2, 55", "HJ633-2026, CO_24H, 2.2, 55",
            // 2026 half-even pre-rounding (GB/T 8170); 2012 uses the value as it is
            "HJ633-2012, PM2_5_24H, 60.5, 82", "HJ633-2012, PM2_5_24H, 61.5, 84",
            "HJ633-2026, PM2_5_24H, 60.5, 100", "HJ633-2026, PM2_5_24H, 61.5, 102",
            "HJ633-2026, PM10_24H, 64.5, 60", "HJ633-2026, PM10_24H, 65.5, 62",
            "HJ633-2026, CO_24H, 2.25, 55", "HJ633-2026, CO_24H, 2.35, 60", "HJ633-2026, CO_24H, 2.251, 58",
            "HJ633-2026, CO_24H, 2.2500000001, 58", "HJ633-2012, CO_24H, 2.2000000001, 56",
    })
    void computesTheIndividualIndex(String standard, Indicator indicator, String concentration, int expected) {
        AqiStandard s = AqiStandard.ofCode(standard);
        Concentrations c = new Concentrations().set(indicator, new BigDecimal(concentration));
        assertThat(engine.iaqi(s, indicator, c)).isEqualTo(expected);
    }

    @Test
    void theStandardIsChosenByTheDateOfTheData() {
        assertThat(AqiStandard.forDate(LocalDate.of(2026, 2, 28))).isEqualTo(HJ633_2012);
        assertThat(AqiStandard.forDate(LocalDate.of(2026, 3, 1))).isEqualTo(HJ633_2026);
    }

    @Test
    void dailyReportOfBothVersions() {
        Concentrations day = daily("44", "65", "1.131", "32", "93", "104", "9");
        AqiResult old = engine.compute(HJ633_2012, AqiReport.DAILY, day);
        assertThat(old.aqi()).isEqualTo(62);
        assertThat(old.primary()).containsExactly(Indicator.PM2_5_24H);
        assertThat(old.level()).isEqualTo(AqiLevel.GOOD);
        assertThat(old.iaqi()).containsKey(Indicator.O3_1H).hasSize(7);
        AqiResult current = engine.compute(HJ633_2026, AqiReport.DAILY, day);
        assertThat(current.aqi()).isEqualTo(68);
        assertThat(current.primary()).containsExactly(Indicator.PM2_5_24H);
        assertThat(current.iaqi()).doesNotContainKey(Indicator.O3_1H).hasSize(6);

        assertThat(engine.compute(HJ633_2012, AqiReport.DAILY, daily("82", "113", "0.948", "28", "85", "101", "10")).aqi())
                .isEqualTo(109);
        AqiResult light = engine.compute(HJ633_2026, AqiReport.DAILY, daily("82", "113", "0.948", "28", "85", "101", "10"));
        assertThat(light.aqi()).isEqualTo(120);
        assertThat(light.level()).isEqualTo(AqiLevel.LIGHT);
        assertThat(light.nonAttainment()).containsExactly(Indicator.PM2_5_24H);

        for (AqiStandard s : AqiStandard.values()) {
            AqiResult ozone = engine.compute(s, AqiReport.DAILY, daily("37", "55", "0.436", "22", "107", "115", "14"));
            assertThat(ozone.aqi()).isEqualTo(63);
            assertThat(ozone.primary()).containsExactly(Indicator.O3_8H);
        }
    }

    @Test
    void tiedPollutantsAreAllPrimary() {
        Concentrations old = new Concentrations().set(Indicator.PM2_5_24H, dec("75")).set(Indicator.PM10_24H, dec("150"));
        AqiResult r2012 = engine.compute(HJ633_2012, AqiReport.DAILY, withCleanGases(old));
        assertThat(r2012.aqi()).isEqualTo(100);
        assertThat(r2012.primary()).containsExactly(Indicator.PM10_24H, Indicator.PM2_5_24H);
        Concentrations current = new Concentrations().set(Indicator.PM2_5_24H, dec("60")).set(Indicator.PM10_24H, dec("120"));
        AqiResult r2026 = engine.compute(HJ633_2026, AqiReport.DAILY, withCleanGases(current));
        assertThat(r2026.aqi()).isEqualTo(100);
        assertThat(r2026.primary()).containsExactly(Indicator.PM10_24H, Indicator.PM2_5_24H);
        assertThat(r2026.nonAttainment()).isEmpty();
    }

    @Test
    void realTimeReports() {
        Concentrations hour = new Concentrations().set(Indicator.PM2_5_1H, dec("16")).set(Indicator.PM10_1H, dec("88"))
                .set(Indicator.CO_1H, dec("0.2")).set(Indicator.SO2_1H, dec("3")).set(Indicator.NO2_1H, dec("11"))
                .set(Indicator.O3_1H, dec("75"));
        AqiResult now = engine.compute(HJ633_2026, AqiReport.HOURLY, hour);
        assertThat(now.aqi()).isEqualTo(78);
        assertThat(now.primary()).containsExactly(Indicator.PM10_1H);
        AqiResult oneHourPm2012 = AqiCalculator.standard(AqiCalculator.RealtimePm2012.ONE_HOUR)
                .compute(HJ633_2012, AqiReport.HOURLY, hour.setMicros(Indicator.O3_8H, 75_000_000));
        assertThat(oneHourPm2012.aqi()).isEqualTo(69);
        assertThat(oneHourPm2012.primary()).containsExactly(Indicator.PM10_1H);

        Concentrations heavy = new Concentrations().set(Indicator.PM2_5_24H, dec("250")).set(Indicator.PM10_24H, dec("350"))
                .set(Indicator.SO2_1H, dec("650")).set(Indicator.NO2_1H, dec("700")).set(Indicator.CO_1H, dec("35"))
                .set(Indicator.O3_1H, dec("300")).set(Indicator.O3_8H, dec("215"));
        AqiResult r = engine.compute(HJ633_2012, AqiReport.HOURLY, heavy);
        assertThat(r.aqi()).isEqualTo(300);
        assertThat(r.iaqi()).containsEntry(Indicator.PM2_5_24H, 300).containsEntry(Indicator.PM10_24H, 200)
                .containsEntry(Indicator.SO2_1H, 150).containsEntry(Indicator.NO2_1H, 150)
                .containsEntry(Indicator.CO_1H, 150).containsEntry(Indicator.O3_1H, 150);
        assertThat(r.level()).isEqualTo(AqiLevel.HEAVY);
    }

    @Test
    void theSpecialRulesAboveTheTable() {
        Concentrations so2 = new Concentrations().set(Indicator.SO2_1H, dec("900")).set(Indicator.SO2_24H, dec("150"));
        AqiResult r2026 = engine.compute(HJ633_2026, AqiReport.HOURLY, so2);
        assertThat(r2026.iaqi()).containsEntry(Indicator.SO2_1H, 200);
        AqiResult r2012 = engine.compute(HJ633_2012, AqiReport.HOURLY, so2);
        assertThat(r2012.iaqi()).doesNotContainKey(Indicator.SO2_1H).containsEntry(Indicator.SO2_24H, 100);

        Concentrations o3 = new Concentrations().set(Indicator.O3_8H, dec("850")).set(Indicator.O3_1H, dec("1000"));
        assertThat(engine.compute(HJ633_2026, AqiReport.DAILY, o3).iaqi()).containsEntry(Indicator.O3_8H, 300);
        AqiResult o3Old = engine.compute(HJ633_2012, AqiReport.DAILY, o3);
        assertThat(o3Old.iaqi()).doesNotContainKey(Indicator.O3_8H).containsEntry(Indicator.O3_1H, 400);
        assertThat(o3Old.aqi()).isEqualTo(400);

        Concentrations offTheChart = withCleanGases(new Concentrations().set(Indicator.PM2_5_24H, dec("620"))
                .set(Indicator.PM10_24H, dec("100")));
        assertThat(engine.compute(HJ633_2026, AqiReport.DAILY, offTheChart).aqi()).isEqualTo(500);
    }

    @Test
    void missingDataFollowsEachVersionsRule() {
        Concentrations partial = new Concentrations().set(Indicator.PM2_5_24H, dec("40"))
                .set(Indicator.PM10_24H, dec("60"));
        AqiResult clean2026 = engine.compute(HJ633_2026, AqiReport.DAILY, partial);
        assertThat(clean2026.aqi()).as("AQI ≤ 100 from incomplete data is NA in 2026").isNull();
        assertThat(clean2026.level()).isNull();
        assertThat(clean2026.iaqi()).containsKeys(Indicator.PM2_5_24H, Indicator.PM10_24H);
        assertThat(clean2026.missing()).containsExactlyInAnyOrder(Indicator.SO2_24H, Indicator.NO2_24H,
                Indicator.CO_24H, Indicator.O3_8H);
        AqiResult dirty2026 = engine.compute(HJ633_2026, AqiReport.DAILY,
                new Concentrations().set(Indicator.PM2_5_24H, dec("120")));
        assertThat(dirty2026.aqi()).as("above 100 it is published").isEqualTo(158);
        AqiResult partial2012 = engine.compute(HJ633_2012, AqiReport.DAILY, partial);
        assertThat(partial2012.aqi()).isEqualTo(57);
        assertThat(engine.compute(HJ633_2012, AqiReport.DAILY, new Concentrations()).aqi()).isNull();
    }

    @Test
    void cleanAirIsOneUnder2026AndZeroUnder2012() {
        Concentrations zero = new Concentrations();
        for (Indicator i : Indicator.values()) {
            zero.set(i, BigDecimal.ZERO);
        }
        assertThat(engine.compute(HJ633_2026, AqiReport.DAILY, zero).aqi()).isEqualTo(1);
        assertThat(engine.compute(HJ633_2012, AqiReport.DAILY, zero).aqi()).isZero();
        assertThat(engine.compute(HJ633_2012, AqiReport.DAILY, zero).primary()).isEmpty();
    }

    @Test
    void levelsAndColours() {
        assertThat(AqiLevel.of(50).color()).isEqualTo("#00E400");
        assertThat(AqiLevel.of(51)).isEqualTo(AqiLevel.GOOD);
        assertThat(AqiLevel.of(201).category()).isEqualTo("重度污染");
        assertThat(AqiLevel.of(301).number()).isEqualTo(6);
    }

    private static Concentrations daily(String pm25, String pm10, String co, String no2, String o31h, String o38h, String so2) {
        Map<Indicator, BigDecimal> m = new LinkedHashMap<>();
        m.put(Indicator.PM2_5_24H, dec(pm25));
        m.put(Indicator.PM10_24H, dec(pm10));
        m.put(Indicator.CO_24H, dec(co));
        m.put(Indicator.NO2_24H, dec(no2));
        m.put(Indicator.O3_1H, dec(o31h));
        m.put(Indicator.O3_8H, dec(o38h));
        m.put(Indicator.SO2_24H, dec(so2));
        return Concentrations.of(m);
    }

    private static Concentrations withCleanGases(Concentrations c) {
        return c.set(Indicator.SO2_24H, dec("5")).set(Indicator.NO2_24H, dec("10")).set(Indicator.CO_24H, dec("0.5"))
                .set(Indicator.O3_1H, dec("50")).set(Indicator.O3_8H, dec("40"));
    }

    private static BigDecimal dec(String s) {
        return new BigDecimal(s);
    }
}

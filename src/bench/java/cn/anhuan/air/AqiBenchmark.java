package cn.anhuan.air;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Station-hours per second through the AQI engine: a day of 40 stations' real-time reports (960 station-hours)
 * per invocation, under both standards. Baseline in the same run: the textbook exact implementation (BigDecimal
 * per indicator, divide with CEILING), which is what the engine replaces.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AqiBenchmark {

    static final int STATION_HOURS = 40 * 24;
    private static final int[] POINTS = {0, 50, 100, 150, 200, 300, 400, 500};
    private static final long[] PM25 = {0, 35, 60, 115, 150, 250, 350, 500};

    final AqiCalculator engine = AqiCalculator.standard();
    Concentrations[] hours2026;
    Concentrations[] hours2012;
    BigDecimal[] pm25;

    @Setup
    public void data() {
        Random random = new Random(2016_08_24L);
        hours2026 = new Concentrations[STATION_HOURS];
        hours2012 = new Concentrations[STATION_HOURS];
        pm25 = new BigDecimal[STATION_HOURS];
        for (int i = 0; i < STATION_HOURS; i++) {
            BigDecimal pm = BigDecimal.valueOf(random.nextInt(3000), 1);
            pm25[i] = pm;
            hours2026[i] = new Concentrations()
                    .set(Indicator.PM2_5_1H, pm).set(Indicator.PM10_1H, BigDecimal.valueOf(random.nextInt(4000), 1))
                    .set(Indicator.SO2_1H, BigDecimal.valueOf(random.nextInt(900)))
                    .set(Indicator.NO2_1H, BigDecimal.valueOf(random.nextInt(1500)))
                    .set(Indicator.CO_1H, BigDecimal.valueOf(random.nextInt(300), 2))
                    .set(Indicator.O3_1H, BigDecimal.valueOf(random.nextInt(400)));
            hours2012[i] = new Concentrations()
                    .set(Indicator.PM2_5_24H, pm).set(Indicator.PM10_24H, BigDecimal.valueOf(random.nextInt(4000), 1))
                    .set(Indicator.SO2_1H, BigDecimal.valueOf(random.nextInt(900)))
                    .set(Indicator.SO2_24H, BigDecimal.valueOf(random.nextInt(300)))
                    .set(Indicator.NO2_1H, BigDecimal.valueOf(random.nextInt(1500)))
                    .set(Indicator.CO_1H, BigDecimal.valueOf(random.nextInt(300), 2))
                    .set(Indicator.O3_1H, BigDecimal.valueOf(random.nextInt(400)))
                    .set(Indicator.O3_8H, BigDecimal.valueOf(random.nextInt(300)));
        }
    }

    @Benchmark
    @OperationsPerInvocation(STATION_HOURS)
    public void realtime2026(Blackhole bh) {
        for (Concentrations c : hours2026) {
            bh.consume(engine.compute(AqiStandard.HJ633_2026, AqiReport.HOURLY, c));
        }
    }

    @Benchmark
    @OperationsPerInvocation(STATION_HOURS)
    public void realtime2012(Blackhole bh) {
        for (Concentrations c : hours2012) {
            bh.consume(engine.compute(AqiStandard.HJ633_2012, AqiReport.HOURLY, c));
        }
    }

    /** Baseline: one indicator (PM2.5) by plain BigDecimal; a whole station-hour costs about six of these. */
    @Benchmark
    @OperationsPerInvocation(STATION_HOURS)
    public void baselineBigDecimalOneIndicator(Blackhole bh) {
        for (BigDecimal c : pm25) {
            BigDecimal r = c.setScale(0, RoundingMode.HALF_EVEN);
            int iaqi = 500;
            for (int j = 1; j < PM25.length; j++) {
                BigDecimal hi = BigDecimal.valueOf(PM25[j]);
                if (r.compareTo(hi) <= 0) {
                    BigDecimal lo = BigDecimal.valueOf(PM25[j - 1]);
                    iaqi = POINTS[j - 1] + BigDecimal.valueOf(POINTS[j] - POINTS[j - 1]).multiply(r.subtract(lo))
                            .divide(hi.subtract(lo), 0, RoundingMode.CEILING).intValue();
                    break;
                }
            }
            bh.consume(iaqi);
        }
    }
}

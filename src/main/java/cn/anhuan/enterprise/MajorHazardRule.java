package cn.anhuan.enterprise;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import jakarta.validation.constraints.Size;

/**
 * The grading of a major hazard installation (《危险化学品重大危险源监督管理暂行规定》 Annex 1):
 * R = α × Σ βᵢ qᵢ / Qᵢ; level 一级 R ≥ 100, 二级 50 ≤ R < 100, 三级 10 ≤ R < 50, 四级 R < 10. Exact decimals.
 */
public final class MajorHazardRule {

    /** Substance categories with their correction factor β. */
    public enum Category {
        TOXIC_CO_SO2_NH3_EO("2"), TOXIC_HCL_METHYL_BROMIDE("3"), TOXIC_CL2("4"), TOXIC_H2S_HF("5"),
        TOXIC_NO2_HCN("10"), TOXIC_PHOSGENE_PH3_MIC("20"), OTHER_TOXIC_GAS("2"), OTHER_HIGHLY_TOXIC_GAS("4"),
        EXPLOSIVE("2"), FLAMMABLE_GAS("1.5"), OTHER("1");

        private final BigDecimal beta;

        Category(String beta) {
            this.beta = new BigDecimal(beta);
        }

        public BigDecimal beta() {
            return beta;
        }
    }

    /** One substance: its category, actual quantity q and critical quantity Q (tonnes). */
    public record Substance(@Size(max = 200) String name, Category category, BigDecimal quantity, BigDecimal critical) {
    }

    private MajorHazardRule() {
    }

    /** α by the number of people within 500 m outside the site. */
    public static BigDecimal alpha(int exposedPeople) {
        if (exposedPeople >= 100) {
            return new BigDecimal("2.0");
        }
        if (exposedPeople >= 50) {
            return new BigDecimal("1.5");
        }
        if (exposedPeople >= 30) {
            return new BigDecimal("1.2");
        }
        return exposedPeople >= 1 ? new BigDecimal("1.0") : new BigDecimal("0.5");
    }

    public static BigDecimal r(int exposedPeople, List<Substance> substances) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Substance s : substances) {
            sum = sum.add(s.category().beta().multiply(s.quantity()).divide(s.critical(), 10, RoundingMode.HALF_EVEN));
        }
        return alpha(exposedPeople).multiply(sum).setScale(4, RoundingMode.HALF_EVEN);
    }

    public static int level(BigDecimal r) {
        if (r.compareTo(BigDecimal.valueOf(100)) >= 0) {
            return 1;
        }
        if (r.compareTo(BigDecimal.valueOf(50)) >= 0) {
            return 2;
        }
        return r.compareTo(BigDecimal.TEN) >= 0 ? 3 : 4;
    }
}

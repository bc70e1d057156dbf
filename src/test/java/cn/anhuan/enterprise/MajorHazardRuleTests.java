package cn.anhuan.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import cn.anhuan.enterprise.MajorHazardRule.Category;
import cn.anhuan.enterprise.MajorHazardRule.Substance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MajorHazardRuleTests {

    @ParameterizedTest
    @CsvSource({"0, 0.5", "1, 1.0", "29, 1.0", "30, 1.2", "49, 1.2", "50, 1.5", "99, 1.5", "100, 2.0", "5000, 2.0"})
    void alphaFollowsThePeopleNearby(int people, String alpha) {
        assertThat(MajorHazardRule.alpha(people)).isEqualByComparingTo(alpha);
    }

    @ParameterizedTest
    @CsvSource({"100, 1", "99.9999, 2", "50, 2", "49.99, 3", "10, 3", "9.9999, 4", "0, 4"})
    void levelsAtTheBoundaries(String r, int level) {
        assertThat(MajorHazardRule.level(new BigDecimal(r))).isEqualTo(level);
    }

    @Test
    void rSumsEverySubstanceWithItsCorrection() {
        // chlorine 20 t of Q 5 t (β 4) and liquefied petroleum gas 100 t of Q 50 t (β 1.5), 60 people nearby (α 1.5)
        BigDecimal r = MajorHazardRule.r(60, List.of(
                new Substance("氯", Category.TOXIC_CL2, new BigDecimal("20"), new BigDecimal("5")),
                new Substance("液化石油气", Category.FLAMMABLE_GAS, new BigDecimal("100"), new BigDecimal("50"))));
        assertThat(r).isEqualByComparingTo("28.5");
        assertThat(MajorHazardRule.level(r)).isEqualTo(3);
    }
}

package cn.anhuan.risk;

import java.math.BigDecimal;

/** An assessed risk point with its score, level and the band version it was graded with. */
public record RiskPointView(long id, long enterpriseId, String creditCode, String regionCode, String industryCode,
                           String name, String kind, RiskMethod method, BigDecimal l, BigDecimal e, BigDecimal c,
                           BigDecimal s, BigDecimal score, int level, String bandVersion, String controlMeasures,
                           String responsiblePost, int version) {

    public String color() {
        return RiskLevel.of(level).color();
    }
}

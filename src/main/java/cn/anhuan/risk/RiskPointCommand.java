package cn.anhuan.risk;

import java.math.BigDecimal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Assess a risk point: LEC needs l, e, c; LS needs l and s. {@code version} is needed to change one. */
public record RiskPointCommand(@NotNull Long enterpriseId, @NotBlank @Size(max = 200) String name,
                               @NotBlank @Pattern(regexp = "SITE|EQUIPMENT|OPERATION") String kind,
                               @NotNull RiskMethod method, BigDecimal l, BigDecimal e, BigDecimal c, BigDecimal s,
                               @NotBlank @Size(max = 2000) String controlMeasures,
                               @NotBlank @Size(max = 200) String responsiblePost, Integer version) {
}

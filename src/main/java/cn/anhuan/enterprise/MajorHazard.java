package cn.anhuan.enterprise;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/** A major hazard installation with its substances; {@code rValue}, {@code alpha} and {@code level} are computed. */
public record MajorHazard(Long id, Long enterpriseId, @NotBlank @Size(max = 200) String name,
                          @Min(0) int exposedPeople, BigDecimal alpha, BigDecimal rValue, Integer level,
                          @NotEmpty @Valid List<MajorHazardRule.Substance> substances) {
}

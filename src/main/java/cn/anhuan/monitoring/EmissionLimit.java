package cn.anhuan.monitoring;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * The emission limit of an outlet for one pollutant (HJ 212-2017 code): an exceedance alarm opens when
 * {@code sustained} consecutive values of the chosen data (2011 real-time, 2051 minute, 2061 hour, 2031 day)
 * are above it, values flagged as maintenance or calibration not counting.
 */
public record EmissionLimit(@NotBlank @Pattern(regexp = "[a-zA-Z0-9]{2,10}") String pollutant,
                            @NotNull @DecimalMin(value = "0", inclusive = false) BigDecimal limit,
                            boolean converted,
                            @NotNull @Pattern(regexp = "2011|2051|2061|2031") String dataCn,
                            @Min(1) @Max(100) int sustained) {
}

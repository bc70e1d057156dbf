package cn.anhuan.air;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * One line of the emergency reduction list (应急减排清单): at a warning level, an enterprise (by unified social
 * credit code) takes measures that cut its emissions by these tonnes per day.
 */
public record ReductionItem(Long id, @NotNull WarningLevel level,
                            @NotBlank @Pattern(regexp = "[0-9A-HJ-NPQRTUWXY]{18}", message = "{user.enterpriseCode.invalid}")
                            String enterpriseCode,
                            @NotBlank @Size(max = 200) String enterpriseName,
                            @NotBlank @Size(max = 12) String regionCode,
                            @NotBlank @Size(max = 2000) String measures,
                            @NotNull @DecimalMin("0") BigDecimal so2, @NotNull @DecimalMin("0") BigDecimal nox,
                            @NotNull @DecimalMin("0") BigDecimal pm, @NotNull @DecimalMin("0") BigDecimal vocs) {
}

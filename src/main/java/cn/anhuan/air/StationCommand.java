package cn.anhuan.air;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Register a station. */
public record StationCommand(@NotBlank @Pattern(regexp = "[0-9A-Za-z_-]{2,32}") String code,
                             @NotBlank @Size(max = 100) String name,
                             @NotBlank @Size(max = 150) String nameEn,
                             @NotBlank @Pattern(regexp = "NATIONAL|PROVINCIAL|CITY|COUNTY") String kind,
                             @NotBlank @Size(max = 12) String regionCode,
                             @DecimalMin("-90") @DecimalMax("90") BigDecimal latitude,
                             @DecimalMin("-180") @DecimalMax("180") BigDecimal longitude) {
}

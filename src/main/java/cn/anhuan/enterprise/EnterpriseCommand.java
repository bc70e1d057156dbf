package cn.anhuan.enterprise;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Register or change an enterprise. {@code departmentId} overrides the supervising department that the
 * industry responsibility map gives; leave it empty to derive it. {@code version} is needed to change.
 */
public record EnterpriseCommand(
        @NotBlank @Size(max = 30) String creditCode,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 12) String regionCode,
        @Size(max = 12) String zoneCode,
        @Size(max = 300) String address,
        @DecimalMin("-90") @DecimalMax("90") BigDecimal latitude,
        @DecimalMin("-180") @DecimalMax("180") BigDecimal longitude,
        @NotBlank @Size(max = 40) String industryCode,
        @Pattern(regexp = "[A-T]([0-9]{2,4})?", message = "{enterprise.gbt4754.invalid}") String gbt4754Code,
        Long departmentId,
        @Pattern(regexp = "LARGE|MEDIUM|SMALL|MICRO") String scale,
        @Min(0) Integer employees,
        @Size(max = 50) String legalRepresentative,
        @Size(max = 50) String safetyManager,
        @Pattern(regexp = "[0-9+\\- ]{5,20}", message = "{enterprise.phone.invalid}") String safetyManagerPhone,
        @Min(1) @Max(3) Integer standardizationGrade,
        Boolean keyPollutantUnit,
        @Pattern(regexp = "OPERATING|SUSPENDED|CLOSED") String status,
        Integer version) {
}

package cn.anhuan.hazard;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A hazard found at an enterprise. A major hazard names its judgment basis (the 判定标准 clause). */
public record ReportHazard(@NotNull Long enterpriseId, @NotBlank @Size(max = 200) String place,
                           @NotBlank @Size(max = 4000) String description,
                           @NotBlank @Pattern(regexp = "OBJECT|BEHAVIOUR|MANAGEMENT") String category,
                           @NotBlank @Pattern(regexp = "GENERAL|MAJOR") String level, @Size(max = 500) String basis,
                           @NotBlank @Pattern(regexp = "SELF|GOVERNMENT|CROSS|CITIZEN|THIRD_PARTY") String source,
                           Instant foundAt) {
}

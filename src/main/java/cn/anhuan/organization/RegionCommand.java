package cn.anhuan.organization;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Create or rename a region. On update, {@code code}, {@code parentCode} and {@code kind} are ignored and
 * {@code version} must be the version that was read.
 */
public record RegionCommand(
        @NotBlank @Pattern(regexp = "[0-9A-Z]{6,12}", message = "{region.code.invalid}") String code,
        @Size(max = 12) String parentCode,
        @NotNull RegionKind kind,
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Size(max = 150) String nameEn,
        Integer version) {
}

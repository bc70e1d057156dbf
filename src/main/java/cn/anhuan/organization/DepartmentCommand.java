package cn.anhuan.organization;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Create or rename a department. On update only the names change, and {@code version} must be the one read. */
public record DepartmentCommand(@NotBlank @Size(max = 40) String kind, @NotBlank @Size(max = 12) String regionCode,
                                @NotBlank @Size(max = 100) String name,
                                @NotBlank @Size(max = 200) String nameEn,
                                Integer version) {
}

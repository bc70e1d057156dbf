package cn.anhuan.organization;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * One line of the industry responsibility map: at {@code level}, departments of {@code departmentKind}
 * supervise {@code industryCode}, as the lead department or jointly.
 */
public record SupervisionAssignment(@NotBlank @Size(max = 40) String industryCode, @NotNull SupervisionLevel level,
                                    @NotBlank @Size(max = 40) String departmentKind, @NotNull Role role) {

    /** Lead (直接监管) or joint (配合) supervision. */
    public enum Role {
        LEAD, JOINT
    }
}

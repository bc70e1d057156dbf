package cn.anhuan.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Create an account (all fields) or change one (username and password ignored; {@code version} required).
 * A department supervisor takes its department's region; an enterprise officer needs the enterprise's
 * unified social credit code.
 */
public record UserCommand(
        @Pattern(regexp = "[a-z0-9][a-z0-9._-]{1,63}", message = "{user.username.invalid}") String username,
        @NotBlank @Size(max = 100) String displayName,
        @NotNull Role role,
        @Size(max = 12) String regionCode,
        Long departmentId,
        @Pattern(regexp = "[0-9A-HJ-NPQRTUWXY]{18}", message = "{user.enterpriseCode.invalid}") String enterpriseCode,
        @Size(max = 128) String password,
        Integer version) {
}

package cn.anhuan.air;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Issue a warning, or change its level ({@code documentNo}, {@code startsAt} ignored then). */
public record WarningCommand(@NotNull WarningLevel level, @Size(max = 100) String documentNo,
                             @NotBlank @Size(max = 2000) String reason, Instant startsAt, Instant endsAt,
                             @Size(max = 4) String scheme, Integer version) {
}

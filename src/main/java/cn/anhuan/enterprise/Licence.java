package cn.anhuan.enterprise;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A licence of an enterprise (安全生产许可证 and others) with its expiry. */
public record Licence(Long id, Long enterpriseId,
                      @NotBlank @Pattern(regexp = "SAFETY_PRODUCTION|HAZCHEM_OPERATION|HAZCHEM_USE|FIREWORKS_OPERATION|MINING|DISCHARGE")
                      String kind,
                      @NotBlank @Size(max = 100) String number, @Size(max = 100) String issuer, LocalDate issuedOn,
                      @NotNull LocalDate expiresOn) {
}

package cn.anhuan.enterprise;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The part of the registry an enterprise keeps up to date itself (企业自主维护): address and location, scale,
 * employees, legal representative and the safety manager's contact. Its identity and supervision (credit code,
 * name, county, zone, industry, supervising department, standardisation grade, status) stay with the government
 * editors ({@link EnterpriseCommand}). The same rules as there; {@code version} as read, to change.
 */
public record EnterpriseDetails(
        @Size(max = 300) String address,
        @DecimalMin("-90") @DecimalMax("90") BigDecimal latitude,
        @DecimalMin("-180") @DecimalMax("180") BigDecimal longitude,
        @Pattern(regexp = "LARGE|MEDIUM|SMALL|MICRO") String scale,
        @Min(0) Integer employees,
        @Size(max = 50) String legalRepresentative,
        @Size(max = 50) String safetyManager,
        @Pattern(regexp = "[0-9+\\- ]{5,20}", message = "{enterprise.phone.invalid}") String safetyManagerPhone,
        Integer version) {

    /** The enterprise's current details, as a form starts from. */
    public static EnterpriseDetails of(EnterpriseView e) {
        return new EnterpriseDetails(e.address(), e.latitude(), e.longitude(), e.scale(), e.employees(),
                e.legalRepresentative(), e.safetyManager(), e.safetyManagerPhone(), e.version());
    }
}

package cn.anhuan.enterprise;

import java.math.BigDecimal;
import java.time.Instant;

/** An enterprise of the registry. */
public record EnterpriseView(long id, String creditCode, String name, String regionCode, String zoneCode,
                             String address, BigDecimal latitude, BigDecimal longitude, String industryCode,
                             String gbt4754Code, Long departmentId, boolean departmentOverridden, String scale,
                             Integer employees, String legalRepresentative, String safetyManager,
                             String safetyManagerPhone, Integer standardizationGrade, boolean keyPollutantUnit,
                             String status, Instant createdAt, Instant updatedAt, int version) {
}

package cn.anhuan.monitoring;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Registers or changes a device (数采仪): its MN and password as configured in the logger, the system type (ST),
 * and what it measures: an enterprise outlet (by the enterprise's credit code and the outlet code, e.g. DA001)
 * or an air station (by station code). Leave the password empty on a change to keep it.
 */
public record DeviceCommand(@NotBlank @Pattern(regexp = "[0-9A-Za-z]{1,24}", message = "{monitoring.mn.invalid}") String mn,
                            @Size(max = 64) String password,
                            @NotBlank @Pattern(regexp = "[0-9A-Z]{2}", message = "{monitoring.st.invalid}") String systemType,
                            @Pattern(regexp = "AUTO|HJ212_2005|HJ212_2017") String protocol,
                            @NotBlank @Size(max = 200) String name,
                            @Pattern(regexp = "[0-9A-HJ-NPQRTUWXY]{18}", message = "{user.enterpriseCode.invalid}") String creditCode,
                            @Size(max = 20) String outletCode,
                            @Size(max = 40) String stationCode,
                            @Min(10) @Max(86400) Integer expectedIntervalSeconds,
                            Boolean tolerantCrc,
                            @Min(1024) @Max(4096) Integer maxSegment,
                            Boolean enabled,
                            Integer version) {
}

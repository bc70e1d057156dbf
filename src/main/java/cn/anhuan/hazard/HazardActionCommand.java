package cn.anhuan.hazard;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.Size;

/**
 * The fields an action uses: assign (responsible person, measures, deadline; for a major hazard also funds and
 * contingency plan: 五到位), submit (note of what was done), reject and accept (note), request-extension
 * (deadline, note as reason), decide-extension (approve, note). {@code version} is the version that was read.
 */
public record HazardActionCommand(Integer version, @Size(max = 100) String responsiblePerson,
                                  @Size(max = 4000) String measures, LocalDate deadline, BigDecimal funds,
                                  @Size(max = 4000) String contingencyPlan, @Size(max = 2000) String note,
                                  Boolean approve) {
}

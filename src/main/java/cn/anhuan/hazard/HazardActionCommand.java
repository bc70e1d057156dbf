package cn.anhuan.hazard;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The fields an action uses: assign (responsible person, measures, deadline; for a major hazard also funds and
 * contingency plan: 五到位), submit (note of what was done), reject and accept (note), request-extension
 * (deadline, note as reason), decide-extension (approve, note). {@code version} is the version that was read.
 */
public record HazardActionCommand(Integer version, String responsiblePerson, String measures, LocalDate deadline,
                                  BigDecimal funds, String contingencyPlan, String note, Boolean approve) {
}

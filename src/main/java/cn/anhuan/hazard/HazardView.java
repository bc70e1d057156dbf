package cn.anhuan.hazard;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A hazard with its rectification, the actions now possible for the caller, and its timeline. */
public record HazardView(long id, long enterpriseId, String creditCode, String regionCode, String industryCode,
                         String place, String description, String category, String level, String basis, String source,
                         String foundBy, Instant foundAt, HazardStatus status, String responsiblePerson,
                         String measures, LocalDate deadline, BigDecimal funds, String contingencyPlan,
                         String rectificationNote, int rejections, Instant closedAt, String closedBy, boolean overdue,
                         int version, List<Step> timeline, Extension openExtension) {

    /** The same hazard with its timeline and open extension. */
    HazardView with(List<Step> steps, Extension extension) {
        return new HazardView(id, enterpriseId, creditCode, regionCode, industryCode, place, description, category,
                level, basis, source, foundBy, foundAt, status, responsiblePerson, measures, deadline, funds,
                contingencyPlan, rectificationNote, rejections, closedAt, closedBy, overdue, version, steps, extension);
    }

    /** One step of the loop. */
    public record Step(String action, String fromStatus, String toStatus, String note, String actor, Instant at) {
    }

    /** A deadline extension waiting for a decision. */
    public record Extension(long id, LocalDate requestedDeadline, String reason, String requestedBy) {
    }
}

package cn.anhuan.dashboard.web;

import cn.anhuan.hazard.HazardFilter;
import cn.anhuan.hazard.HazardList;
import org.springframework.stereotype.Component;

/**
 * Hazard counts for the home and county pages, each built from the filter of the hazard list it links to (the
 * list's own query parameters), counted by {@link HazardList#count} with that filter.
 */
@Component
class HazardFigures {

    private final HazardList hazards;

    HazardFigures(HazardList hazards) {
        this.hazards = hazards;
    }

    /** Open hazards (未销号), optionally of one region. */
    Figure open(String region) {
        return figure("count-hazards-open", "home.hazardsOpen", region, HazardList.OPEN, null, null);
    }

    Figure overdue(String region) {
        return figure("count-hazards-overdue", "home.hazardsOverdue", region, null, null, true).urgent();
    }

    /** Open major hazards. */
    Figure major(String region) {
        return figure("count-hazards-major", "home.hazardsMajor", region, HazardList.OPEN, "MAJOR", null);
    }

    /** Reported hazards waiting for a rectification order (待下达整改). */
    Figure toAssign() {
        return figure("count-hazards-reported", "home.hazardsToAssign", null, "REPORTED", null, null).urgent();
    }

    /** Submitted rectifications waiting for acceptance (待验收). */
    Figure toAccept() {
        return figure("count-hazards-submitted", "home.hazardsToAccept", null, "SUBMITTED", null, null).urgent();
    }

    private Figure figure(String id, String label, String region, String status, String level, Boolean overdue) {
        HazardFilter filter = new HazardFilter(region, status, level, null, overdue, null);
        return Figure.of(id, label, hazards.count(filter), "/hazards", "region", region, "status", status,
                "level", level, "overdue", overdue);
    }
}

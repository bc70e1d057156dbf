package cn.anhuan.dashboard.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import cn.anhuan.enterprise.EnterpriseRecords;
import cn.anhuan.enterprise.EnterpriseService;
import cn.anhuan.hazard.CitizenReports;
import cn.anhuan.hazard.HazardFilter;
import cn.anhuan.hazard.HazardList;
import cn.anhuan.hazard.HazardView;
import cn.anhuan.identity.Role;
import cn.anhuan.monitoring.AlarmService;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The supervisors' and inspectors' home: what needs action today (overdue hazards, hazards to order or accept,
 * citizens' reports to triage, expiring licences, open alarms), each count linking to the list it counts, and the
 * most urgent overdue hazards.
 */
@Component
class SupervisorDesk {

    static final int LICENCE_DAYS = 90;
    private static final int OVERDUE_SHOWN = 10;
    /** The roles that triage citizens' reports (as {@link CitizenReports} allows). */
    private static final Set<Role> TRIAGE = Set.of(Role.CITY_SUPERVISOR, Role.COUNTY_SUPERVISOR);

    private final HazardFigures hazardFigures;
    private final HazardList hazards;
    private final CitizenReports reports;
    private final EnterpriseRecords records;
    private final EnterpriseService enterprises;
    private final AlarmService alarms;

    SupervisorDesk(HazardFigures hazardFigures, HazardList hazards, CitizenReports reports, EnterpriseRecords records,
                   EnterpriseService enterprises, AlarmService alarms) {
        this.hazardFigures = hazardFigures;
        this.hazards = hazards;
        this.reports = reports;
        this.records = records;
        this.enterprises = enterprises;
        this.alarms = alarms;
    }

    String fill(Model model, Role role) {
        List<Figure> action = new ArrayList<>();
        action.add(hazardFigures.overdue(null));
        action.add(hazardFigures.toAssign());
        action.add(hazardFigures.toAccept());
        if (TRIAGE.contains(role)) {
            action.add(Figure.of("count-reports", "home.reportsToTriage", reports.count("NEW"), "/hazards/reports")
                    .urgent());
        }
        action.add(Figure.of("count-licences", "home.licencesExpiring", records.countExpiring(LICENCE_DAYS),
                "/enterprises/licences/expiring", "days", LICENCE_DAYS).urgent());
        action.add(Figure.of("count-alarms", "home.alarmsOpen", alarms.count("OPEN", null, null), "/monitoring/alarms",
                "status", "OPEN").urgent());
        model.addAttribute("actionFigures", action);
        model.addAttribute("overviewFigures", List.of(hazardFigures.open(null), hazardFigures.major(null),
                Figure.of("count-enterprises", "home.enterprises", enterprises.count(
                        cn.anhuan.enterprise.EnterpriseFilter.none()), "/enterprises")));
        List<HazardView> overdue = hazards.search(new HazardFilter(null, null, null, null, true, null), null,
                OVERDUE_SHOWN);
        model.addAttribute("overdue", overdue);
        model.addAttribute("names", enterprises.names(overdue.stream().map(HazardView::enterpriseId).toList()));
        return "home/desk";
    }
}

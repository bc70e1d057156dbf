package cn.anhuan.dashboard.web;

import java.util.List;

import cn.anhuan.enterprise.EnterpriseRecords;
import cn.anhuan.enterprise.EnterpriseService;
import cn.anhuan.enterprise.EnterpriseView;
import cn.anhuan.hazard.HazardFilter;
import cn.anhuan.hazard.HazardList;
import cn.anhuan.hazard.HazardView;
import cn.anhuan.shared.DataScope;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The enterprise officer's home: its enterprise's open hazards with their deadlines (overdue first marked), the
 * counts linking to its hazard list, and its licences that expire soon.
 */
@Component
class OfficerDesk {

    private static final int SHOWN = 50;

    private final EnterpriseService enterprises;
    private final EnterpriseRecords records;
    private final HazardList hazards;
    private final HazardFigures hazardFigures;

    OfficerDesk(EnterpriseService enterprises, EnterpriseRecords records, HazardList hazards,
                HazardFigures hazardFigures) {
        this.enterprises = enterprises;
        this.records = records;
        this.hazards = hazards;
        this.hazardFigures = hazardFigures;
    }

    String fill(Model model) {
        String code = DataScope.current().enterpriseCode();
        EnterpriseView enterprise = code == null ? null : enterprises.byCreditCode(code).orElse(null);
        model.addAttribute("enterprise", enterprise);
        Figure open = hazardFigures.open(null);
        model.addAttribute("figures", List.of(open, hazardFigures.overdue(null),
                Figure.of("count-licences", "home.licencesExpiring", records.countExpiring(SupervisorDesk.LICENCE_DAYS),
                        "/enterprises/licences/expiring", "days", SupervisorDesk.LICENCE_DAYS).urgent()));
        List<HazardView> list = hazards.search(new HazardFilter(null, HazardList.OPEN, null, null, null, null), null,
                SHOWN).stream().sorted(java.util.Comparator.comparing((HazardView h) -> !h.overdue())
                        .thenComparing(HazardView::deadline, java.util.Comparator.nullsLast(
                                java.util.Comparator.naturalOrder()))).toList();
        model.addAttribute("hazards", list);
        model.addAttribute("more", open.value() > list.size() ? open : null);
        model.addAttribute("licences", records.expiring(SupervisorDesk.LICENCE_DAYS));
        model.addAttribute("reportHref", enterprise == null ? "/hazards"
                : Figure.href("/hazards", "enterprise", enterprise.id()));
        return "home/officer";
    }
}

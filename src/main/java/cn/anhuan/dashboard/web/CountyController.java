package cn.anhuan.dashboard.web;

import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;

import cn.anhuan.air.AirQuality;
import cn.anhuan.enterprise.EnterpriseFilter;
import cn.anhuan.enterprise.EnterpriseService;
import cn.anhuan.enterprise.EnterpriseView;
import cn.anhuan.organization.RegionService;
import cn.anhuan.organization.RegionView;
import cn.anhuan.risk.RiskService;
import cn.anhuan.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A county's working page (the drill-down from the leader's home): its open and overdue hazards, its enterprises,
 * how many of them stand at each risk level, and its latest AQI, each count linking to the filtered list. A region
 * outside the caller's scope, or not a county-level unit, is not found.
 */
@Controller
class CountyController {

    private static final int PAGE = 1000;

    private final RegionService regions;
    private final HazardFigures hazardFigures;
    private final EnterpriseService enterprises;
    private final RiskService risks;
    private final AirQuality air;

    CountyController(RegionService regions, HazardFigures hazardFigures, EnterpriseService enterprises,
                     RiskService risks, AirQuality air) {
        this.regions = regions;
        this.hazardFigures = hazardFigures;
        this.enterprises = enterprises;
        this.risks = risks;
        this.air = air;
    }

    @GetMapping("/dashboard/regions/{code}")
    String county(@PathVariable String code, Model model) {
        RegionView region = regions.get(code);
        if (!region.kind().countyLevel()) {
            throw new NotFoundException("county", code);
        }
        EnterpriseFilter inCounty = new EnterpriseFilter(null, code, null, null);
        model.addAttribute("region", region);
        model.addAttribute("figures", List.of(hazardFigures.open(code), hazardFigures.overdue(code),
                hazardFigures.major(code), Figure.of("count-enterprises", "home.enterprises",
                        enterprises.count(inCounty), "/enterprises", "region", code)));
        model.addAttribute("riskLevels", riskLevels(inCounty));
        model.addAttribute("aqi", air.current().stream().filter(a -> a.regionCode().equals(code)).findFirst()
                .orElse(null));
        return "home/county";
    }

    /** How many of the county's enterprises stand at each risk level (1..4), then (as 0) those not yet graded. */
    private Map<Integer, Long> riskLevels(EnterpriseFilter inCounty) {
        Map<Long, Integer> levels = risks.enterpriseLevels();
        Map<Integer, Long> counts = new LinkedHashMap<>();
        for (int level : new int[] {1, 2, 3, 4, 0}) {
            counts.put(level, 0L);
        }
        Long after = null;
        while (true) {
            List<EnterpriseView> page = enterprises.search(inCounty, after, PAGE);
            page.forEach(e -> counts.merge(levels.getOrDefault(e.id(), 0), 1L, Long::sum));
            if (page.size() < PAGE) {
                return counts;
            }
            after = page.get(page.size() - 1).id();
        }
    }
}

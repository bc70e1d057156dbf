package cn.anhuan.dashboard.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.anhuan.air.AirQuality;
import cn.anhuan.air.RegionAqi;
import cn.anhuan.enterprise.EnterpriseFilter;
import cn.anhuan.enterprise.EnterpriseService;
import cn.anhuan.hazard.HazardFilter;
import cn.anhuan.hazard.HazardList;
import cn.anhuan.organization.RegionService;
import cn.anhuan.organization.RegionView;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import tools.jackson.databind.json.JsonMapper;

/**
 * The city leader's home: city figures, two small charts (open hazards by county and status, each county's latest
 * AQI) and the counties, each linking to its county page. Chart data travels in a data attribute as JSON (the CSP
 * allows no inline script).
 */
@Component
class LeaderHome {

    static final List<String> OPEN_STATUSES = List.of("REPORTED", "ASSIGNED", "SUBMITTED");

    private final HazardFigures hazardFigures;
    private final HazardList hazards;
    private final EnterpriseService enterprises;
    private final RegionService regions;
    private final AirQuality air;
    private final MessageSource messages;
    private final JsonMapper json = JsonMapper.builder().build();

    LeaderHome(HazardFigures hazardFigures, HazardList hazards, EnterpriseService enterprises, RegionService regions,
               AirQuality air, MessageSource messages) {
        this.hazardFigures = hazardFigures;
        this.hazards = hazards;
        this.enterprises = enterprises;
        this.regions = regions;
        this.air = air;
        this.messages = messages;
    }

    String fill(Model model, Locale locale) {
        model.addAttribute("figures", List.of(hazardFigures.open(null), hazardFigures.overdue(null),
                hazardFigures.major(null), Figure.of("count-enterprises", "home.enterprises",
                        enterprises.count(EnterpriseFilter.none()), "/enterprises")));
        List<RegionView> counties = regions.visible().stream().filter(r -> r.kind().countyLevel())
                .sorted(java.util.Comparator.comparing(RegionView::path)).toList();
        Map<String, Map<String, Long>> byStatus = new LinkedHashMap<>();
        for (String status : OPEN_STATUSES) {
            byStatus.put(status, hazards.countByRegion(new HazardFilter(null, status, null, null, null, null)));
        }
        Map<String, Long> open = hazards.countByRegion(new HazardFilter(null, HazardList.OPEN, null, null, null, null));
        Map<String, Long> overdue = hazards.countByRegion(new HazardFilter(null, null, null, null, true, null));
        Map<String, RegionAqi> aqi = new LinkedHashMap<>();
        air.current().forEach(a -> aqi.put(a.regionCode(), a));
        List<CountyRow> rows = counties.stream().map(c -> new CountyRow(c,
                open.getOrDefault(c.code(), 0L), Figure.href("/hazards", "region", c.code(), "status", HazardList.OPEN),
                overdue.getOrDefault(c.code(), 0L), Figure.href("/hazards", "region", c.code(), "overdue", true),
                aqi.get(c.code()))).toList();
        model.addAttribute("counties", rows);
        model.addAttribute("cityAqi", aqi.get(AirQuality.CITY));
        model.addAttribute("chartData", json.writeValueAsString(chartData(rows, byStatus, locale)));
        return "home/leader";
    }

    private Map<String, Object> chartData(List<CountyRow> rows, Map<String, Map<String, Long>> byStatus,
                                          Locale locale) {
        List<String> names = rows.stream().map(r -> r.region().label(locale)).toList();
        List<Map<String, Object>> series = new ArrayList<>();
        byStatus.forEach((status, counts) -> series.add(Map.of(
                "name", messages.getMessage("hazard.status." + status, null, locale),
                "data", rows.stream().map(r -> counts.getOrDefault(r.region().code(), 0L)).toList())));
        List<Map<String, Object>> aqi = new ArrayList<>();
        for (CountyRow r : rows) {
            RegionAqi a = r.aqi();
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("value", a == null ? null : a.result().aqi());
            point.put("color", a == null || a.result().level() == null ? "#adb5bd" : a.result().level().color());
            aqi.add(point);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("counties", names);
        data.put("hazards", series);
        data.put("aqi", aqi);
        data.put("aqiName", messages.getMessage("home.leader.aqiChart", null, locale));
        return data;
    }

    /** One county on the leader's home: its open and overdue hazards (with their lists) and latest AQI. */
    record CountyRow(RegionView region, long open, String openHref, long overdue, String overdueHref, RegionAqi aqi) {
    }
}

package cn.anhuan.air.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.anhuan.air.AirQuality;
import cn.anhuan.air.AqiResult;
import cn.anhuan.air.RegionAqi;
import cn.anhuan.air.StationService;
import cn.anhuan.air.StationView;
import cn.anhuan.organization.RegionService;
import cn.anhuan.organization.RegionView;
import org.springframework.stereotype.Component;

/** What the public air-quality page shows: each county's current AQI at its stations' position, and trends. */
@Component
class PublicAirView {

    static final int TREND_DAYS = 30;
    private static final java.time.format.DateTimeFormatter HOUR = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm").withZone(java.time.ZoneId.of("Asia/Shanghai"));

    private final AirQuality quality;
    private final StationService stations;
    private final RegionService regions;
    private final Clock clock;

    PublicAirView(AirQuality quality, StationService stations, RegionService regions, Clock clock) {
        this.quality = quality;
        this.stations = stations;
        this.regions = regions;
        this.clock = clock;
    }

    Data data() {
        Map<String, List<StationView>> byRegion = stations.all().stream()
                .collect(Collectors.groupingBy(StationView::regionCode));
        List<Region> rows = new ArrayList<>();
        Region city = null;
        for (RegionAqi r : quality.current()) {
            AqiResult a = r.result();
            if (AirQuality.CITY.equals(r.regionCode())) {
                RegionView root = regions.root();
                city = new Region(r.regionCode(), root == null ? "" : root.name(), root == null ? "" : root.nameEn(),
                        null, null, a.aqi(), a.level() == null ? null : a.level().number(),
                        a.level() == null ? null : a.level().color(), a.level() == null ? null : a.level().category(),
                        a.level() == null ? null : a.level().categoryEn(), names(a), HOUR.format(r.hour()));
                continue;
            }
            RegionView region = regions.find(r.regionCode()).orElse(null);
            List<StationView> list = byRegion.getOrDefault(r.regionCode(), List.of());
            rows.add(new Region(r.regionCode(), region == null ? r.regionCode() : region.name(),
                    region == null ? r.regionCode() : region.nameEn(), mean(list, true), mean(list, false), a.aqi(),
                    a.level() == null ? null : a.level().number(), a.level() == null ? null : a.level().color(),
                    a.level() == null ? null : a.level().category(), a.level() == null ? null : a.level().categoryEn(),
                    names(a), HOUR.format(r.hour())));
        }
        rows.sort(Comparator.comparing(Region::code));
        LocalDate today = LocalDate.now(clock);
        Map<String, Map<LocalDate, Integer>> trend = new HashMap<>();
        for (RegionAqi d : quality.daily(today.minusDays(TREND_DAYS), today)) {
            trend.computeIfAbsent(d.regionCode(), k -> new HashMap<>()).put(d.day(), d.result().aqi());
        }
        List<String> days = new ArrayList<>();
        for (LocalDate d = today.minusDays(TREND_DAYS); !d.isAfter(today); d = d.plusDays(1)) {
            days.add(d.toString());
        }
        Map<String, List<Integer>> series = new HashMap<>();
        trend.forEach((region, values) -> series.put(region, days.stream()
                .map(d -> values.get(LocalDate.parse(d))).toList()));
        return new Data(city, rows, days, series);
    }

    private static String names(AqiResult a) {
        return a.primary().stream().map(Enum::name).collect(Collectors.joining(", "));
    }

    private static BigDecimal mean(List<StationView> list, boolean latitude) {
        List<BigDecimal> values = list.stream().map(s -> latitude ? s.latitude() : s.longitude())
                .filter(java.util.Objects::nonNull).toList();
        if (values.isEmpty()) {
            return null;
        }
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(values.size()), 4, RoundingMode.HALF_EVEN);
    }

    /** The page's data. */
    record Data(Region city, List<Region> regions, List<String> days, Map<String, List<Integer>> trend) {
    }

    /** One county on the map and in the table. */
    record Region(String code, String name, String nameEn, BigDecimal latitude, BigDecimal longitude, Integer aqi,
                  Integer level, String color, String category, String categoryEn, String primary, String hour) {
    }
}

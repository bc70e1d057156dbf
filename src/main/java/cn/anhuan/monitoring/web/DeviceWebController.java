package cn.anhuan.monitoring.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.anhuan.monitoring.AlarmService;
import cn.anhuan.monitoring.DeviceService;
import cn.anhuan.monitoring.DeviceView;
import cn.anhuan.monitoring.EmissionLimit;
import cn.anhuan.monitoring.ReadingService;
import cn.anhuan.monitoring.hj212.FactorCodes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A device's page: its limits, alarms and one day of readings of one pollutant. Without a day it opens on the day
 * of the newest data the device sent (a replayed archive is shown on its own dates, not on the day it arrived).
 */
@Controller
class DeviceWebController {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    private final DeviceService devices;
    private final ReadingService readings;
    private final AlarmService alarms;

    DeviceWebController(DeviceService devices, ReadingService readings, AlarmService alarms) {
        this.devices = devices;
        this.readings = readings;
        this.alarms = alarms;
    }

    /** A pollutant as the picker and chart label it: code, name in the reader's language, unit, the device's limit. */
    record Pollutant(String code, String name, String unit, BigDecimal limit) {
    }

    @GetMapping("/monitoring/devices/{id}")
    String device(@PathVariable long id, @RequestParam(required = false) String pollutant,
                  @RequestParam(required = false) LocalDate day, Model model, Locale locale) {
        DeviceView d = devices.get(id);
        LocalDate date = day != null ? day
                : readings.latestDataTime(id).map(t -> LocalDate.ofInstant(t, CITY)).orElse(null);
        List<EmissionLimit> limits = devices.limits(id);
        Map<String, BigDecimal> limitOf = limits.stream()
                .collect(Collectors.toMap(EmissionLimit::pollutant, EmissionLimit::limit, (a, b) -> a));
        Function<String, Pollutant> label = code -> {
            FactorCodes.Factor f = FactorCodes.standard().get(code);
            String name = f == null ? null : "en".equals(locale.getLanguage()) ? f.nameEn() : f.nameZh();
            return new Pollutant(code, name, f == null || f.unit().isEmpty() ? null : f.unit(), limitOf.get(code));
        };
        List<Pollutant> pollutants = date == null ? List.of()
                : readings.pollutants(id, date.plusDays(1).atStartOfDay(CITY).toInstant()).stream().map(label).toList();
        String p = pollutant != null && !pollutant.isBlank() ? pollutant
                : pollutants.isEmpty() ? null : pollutants.get(0).code();
        model.addAttribute("device", d);
        model.addAttribute("limits", limits.stream().map(l -> Map.entry(l, label.apply(l.pollutant()))).toList());
        model.addAttribute("pollutants", pollutants);
        model.addAttribute("pollutant", p == null ? null : label.apply(p));
        model.addAttribute("day", date);
        if (p != null && date != null) {
            Instant from = date.atStartOfDay(CITY).toInstant();
            Instant to = date.plusDays(1).atStartOfDay(CITY).toInstant();
            model.addAttribute("from", from);
            model.addAttribute("to", to);
            model.addAttribute("hours", readings.aggregates(d.mn(), p, from, to, "hour"));
        }
        model.addAttribute("alarms", alarms.list(null, null, id, null, 20));
        return "monitoring/device";
    }
}

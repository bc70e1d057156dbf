package cn.anhuan.air.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;

import cn.anhuan.air.AirQuality;
import cn.anhuan.air.HourlyImport;
import cn.anhuan.air.ImportReport;
import cn.anhuan.air.StationService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Stations in the user's scope, the CSV import of hourly data, and monthly or yearly figures. */
@Controller
class AirWebController {

    private final StationService stations;
    private final HourlyImport importer;
    private final AirQuality quality;
    private final Clock clock;

    AirWebController(StationService stations, HourlyImport importer, AirQuality quality, Clock clock) {
        this.stations = stations;
        this.importer = importer;
        this.quality = quality;
        this.clock = clock;
    }

    @GetMapping("/air/stations")
    String stations(Model model) {
        model.addAttribute("stations", stations.visible());
        return "air/stations";
    }

    @PostMapping("/air/stations/import")
    String importCsv(@RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "false") boolean dryRun,
                     Model model) throws IOException {
        try (InputStream in = file.getInputStream()) {
            ImportReport report = importer.importCsv(in, file.getOriginalFilename(), dryRun);
            model.addAttribute("report", report);
        }
        return stations(model);
    }

    @GetMapping("/air/statistics")
    String statistics(@RequestParam(required = false) Integer year, @RequestParam(required = false) Integer month,
                      Model model) {
        LocalDate today = LocalDate.now(clock);
        int y = year == null || year < 2000 || year > 2100 ? today.getYear() : year;
        Integer m = month != null && (month < 1 || month > 12) ? null : month;
        LocalDate from = m == null ? LocalDate.of(y, 1, 1) : YearMonth.of(y, m).atDay(1);
        LocalDate to = m == null ? LocalDate.of(y, 12, 31) : YearMonth.of(y, m).atEndOfMonth();
        model.addAttribute("year", y);
        model.addAttribute("month", m);
        model.addAttribute("stats", quality.statistics(from, to));
        return "air/statistics";
    }
}

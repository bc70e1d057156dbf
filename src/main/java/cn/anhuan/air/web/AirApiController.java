package cn.anhuan.air.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import cn.anhuan.air.AirQuality;
import cn.anhuan.air.HourlyImport;
import cn.anhuan.air.ImportReport;
import cn.anhuan.air.RegionAqi;
import cn.anhuan.air.RegionStatistics;
import cn.anhuan.air.StationCommand;
import cn.anhuan.air.StationData;
import cn.anhuan.air.StationService;
import cn.anhuan.air.StationView;
import cn.anhuan.shared.BusinessRuleException;
import jakarta.validation.Valid;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Stations, their data, CSV import and the county figures over JSON. */
@RestController
@RequestMapping("/api/v1/air")
class AirApiController {

    private final StationService stations;
    private final StationData data;
    private final HourlyImport importer;
    private final AirQuality quality;
    private final MessageSource messages;

    AirApiController(StationService stations, StationData data, HourlyImport importer, AirQuality quality,
                     MessageSource messages) {
        this.messages = messages;
        this.stations = stations;
        this.data = data;
        this.importer = importer;
        this.quality = quality;
    }

    @GetMapping("/stations")
    List<StationView> stations() {
        return stations.visible();
    }

    @GetMapping("/stations/{code}")
    StationView station(@PathVariable String code) {
        return stations.get(code);
    }

    @PostMapping("/stations")
    @ResponseStatus(HttpStatus.CREATED)
    StationView create(@Valid @RequestBody StationCommand command) {
        return stations.create(command);
    }

    @GetMapping("/stations/{code}/hourly")
    List<StationData.HourValue> hourly(@PathVariable String code,
                                       @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                       @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        return data.hourly(code, from, to);
    }

    @GetMapping("/stations/{code}/daily")
    List<StationData.DayValue> daily(@PathVariable String code,
                                     @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                     @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return data.daily(code, from, to);
    }

    /** CSV upload (multipart field {@code file}); 200 with the report, or 400 with every bad row. */
    @PostMapping(path = "/hourly/import", consumes = "multipart/form-data")
    ResponseEntity<ImportAnswer> importFile(@RequestParam("file") MultipartFile file,
                                            @RequestParam(defaultValue = "false") boolean dryRun) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return answer(importer.importCsv(in, file.getOriginalFilename(), dryRun));
        }
    }

    /** CSV as the request body ({@code text/csv}). */
    @PostMapping(path = "/hourly/import", consumes = "text/csv")
    ResponseEntity<ImportAnswer> importBody(@RequestBody byte[] csv, @RequestParam(defaultValue = "false") boolean dryRun)
            throws IOException {
        return answer(importer.importCsv(new java.io.ByteArrayInputStream(csv), "request body", dryRun));
    }

    @GetMapping("/regions/current")
    List<RegionAqi> current() {
        return quality.current();
    }

    @GetMapping("/regions/daily")
    List<RegionAqi> regionsDaily(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                 @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return quality.daily(from, to.isAfter(from.plusYears(1)) ? from.plusYears(1) : to);
    }

    /** Monthly figures ({@code ?year=2026&month=11}) or yearly ({@code ?year=2026}). */
    @GetMapping("/statistics")
    List<RegionStatistics> statistics(@RequestParam int year, @RequestParam(required = false) Integer month) {
        checkPeriod(year, month);
        if (month != null) {
            YearMonth ym = YearMonth.of(year, month);
            return quality.statistics(ym.atDay(1), ym.atEndOfMonth());
        }
        return quality.statistics(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    private ResponseEntity<ImportAnswer> answer(ImportReport report) {
        ImportAnswer answer = new ImportAnswer(report.rowsRead(), report.hoursStored(), report.stationDaysUpdated(),
                report.dryRun(), report.errors().stream().map(e -> new ImportAnswer.Error(e.line(),
                        messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale())))
                .toList());
        return report.ok() ? ResponseEntity.ok(answer) : ResponseEntity.badRequest().body(answer);
    }

    private static void checkPeriod(int year, Integer month) {
        if (year < 2000 || year > 2100) {
            throw new BusinessRuleException("year", "air.error.year", year);
        }
        if (month != null && (month < 1 || month > 12)) {
            throw new BusinessRuleException("month", "air.error.month", month);
        }
    }

    /** An import's outcome with every bad row's line and translated reason. */
    record ImportAnswer(int rowsRead, int hoursStored, int stationDaysUpdated, boolean dryRun, List<Error> errors) {

        /** One bad row. */
        record Error(int line, String message) {
        }
    }
}

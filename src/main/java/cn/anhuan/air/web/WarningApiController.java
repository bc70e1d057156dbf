package cn.anhuan.air.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.anhuan.air.Proposal;
import cn.anhuan.air.ReductionCheck;
import cn.anhuan.air.ReductionItem;
import cn.anhuan.air.ReductionList;
import cn.anhuan.air.WarningCommand;
import cn.anhuan.air.WarningLevel;
import cn.anhuan.air.WarningService;
import cn.anhuan.air.WarningView;
import cn.anhuan.shared.BusinessRuleException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Forecasts, warning proposals and lifecycle, and the emergency reduction list over JSON. */
@RestController
@RequestMapping("/api/v1/air")
class WarningApiController {

    private final WarningService warnings;
    private final ReductionList reductions;

    WarningApiController(WarningService warnings, ReductionList reductions) {
        this.warnings = warnings;
        this.reductions = reductions;
    }

    @GetMapping("/forecasts")
    List<Integer> forecasts(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                            @RequestParam(defaultValue = "7") int days) {
        return warnings.forecast(from, Math.max(1, Math.min(days, 31)));
    }

    /** Body: {@code {"from": "2026-12-01", "aqi": [180, 230, 260, null]}}. */
    @PutMapping("/forecasts")
    List<Integer> saveForecasts(@Valid @RequestBody ForecastBody body) {
        if (body.from() == null) {
            throw new BusinessRuleException("from", "air.error.date", "null");
        }
        warnings.saveForecast(body.from(), body.aqi() == null ? List.of() : body.aqi());
        return warnings.forecast(body.from(), body.aqi() == null ? 0 : body.aqi().size());
    }

    @GetMapping("/warnings/proposal")
    Proposal proposal() {
        return warnings.proposal();
    }

    @GetMapping("/warnings")
    List<WarningView> list() {
        return warnings.recent(50);
    }

    @GetMapping("/warnings/{id}")
    WarningView get(@PathVariable long id) {
        return warnings.get(id);
    }

    @PostMapping("/warnings")
    @ResponseStatus(HttpStatus.CREATED)
    WarningView issue(@Valid @RequestBody WarningCommand command) {
        return warnings.issue(command);
    }

    /** Actions: {@code change-level} (body: level, reason, version) and {@code lift} (body: reason, version). */
    @PostMapping("/warnings/{id}/actions/{action}")
    WarningView act(@PathVariable long id, @PathVariable String action, @Valid @RequestBody ActionBody body) {
        return switch (action) {
            case "change-level" -> {
                if (body.level() == null || body.reason() == null || body.reason().isBlank()) {
                    throw new BusinessRuleException(body.level() == null ? "level" : "reason",
                            "air.warning.reasonRequired");
                }
                yield warnings.changeLevel(id, new WarningCommand(body.level(), null, body.reason(), null, null, null,
                        body.version()));
            }
            case "lift" -> warnings.lift(id, body.reason(), body.version());
            default -> throw new BusinessRuleException("action", "air.warning.action", action);
        };
    }

    @GetMapping("/reduction-list")
    List<ReductionItem> reductionList(@RequestParam(required = false) WarningLevel level) {
        return reductions.items(level);
    }

    @PostMapping("/reduction-list")
    @ResponseStatus(HttpStatus.CREATED)
    ReductionItem add(@Valid @RequestBody ReductionItem item) {
        return reductions.add(item);
    }

    @DeleteMapping("/reduction-list/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable long id) {
        reductions.remove(id);
    }

    @GetMapping("/reduction-list/check")
    List<ReductionCheck> check() {
        return reductions.check();
    }

    @GetMapping("/emission-baseline")
    Map<String, BigDecimal> baseline() {
        return reductions.baseline();
    }

    @PutMapping("/emission-baseline")
    Map<String, BigDecimal> setBaseline(@RequestBody Map<String, BigDecimal> tonnes) {
        reductions.setBaseline(tonnes);
        return reductions.baseline();
    }

    /** Forecast daily AQI from a day on. */
    record ForecastBody(LocalDate from, @Size(max = 366) List<Integer> aqi) {
    }

    /** The body of a warning action. */
    record ActionBody(WarningLevel level, @Size(max = 2000) String reason, Integer version) {
    }
}

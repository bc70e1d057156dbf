package cn.anhuan.air;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.anhuan.shared.InvalidInputException;
import cn.anhuan.shared.InvalidInputException.FieldProblem;
import org.springframework.stereotype.Service;

/** The AQI calculator behind the API and the page: validates a request, names every bad field, computes. */
@Service
public class AqiService {

    private final AqiCalculator calculator;
    private final Clock clock;

    AqiService(AqiCalculator calculator, Clock clock) {
        this.calculator = calculator;
        this.clock = clock;
    }

    public AqiResult calculate(AqiRequest request) {
        AqiRequest.Valid valid = validate(request);
        return calculator.compute(valid.standard(), valid.report(), Concentrations.of(valid.values()));
    }

    /** Checks every field; throws one exception that lists all problems. */
    public AqiRequest.Valid validate(AqiRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate date = LocalDate.now(clock);
        if (request.date() != null && !request.date().isBlank()) {
            try {
                date = LocalDate.parse(request.date().trim());
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem("date", "air.error.date", request.date()));
            }
        }
        AqiStandard standard = AqiStandard.forDate(date);
        if (request.standard() != null && !request.standard().isBlank()) {
            try {
                standard = AqiStandard.ofCode(request.standard().trim());
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("standard", "air.error.standard", request.standard()));
            }
        }
        AqiReport report = null;
        if (request.report() == null || request.report().isBlank()) {
            problems.add(new FieldProblem("report", "air.error.report", String.valueOf(request.report())));
        } else {
            try {
                report = AqiReport.valueOf(request.report().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("report", "air.error.report", request.report()));
            }
        }
        Map<Indicator, BigDecimal> values = new EnumMap<>(Indicator.class);
        if (request.concentrations() != null) {
            request.concentrations().forEach((key, raw) -> {
                String field = "concentrations." + key;
                Indicator indicator;
                try {
                    indicator = Indicator.valueOf(key);
                } catch (IllegalArgumentException e) {
                    problems.add(new FieldProblem(field, "air.error.indicator", key));
                    return;
                }
                if (raw == null || (raw instanceof String s && s.isBlank())) {
                    return;
                }
                BigDecimal value;
                try {
                    value = raw instanceof BigDecimal b ? b : new BigDecimal(raw.toString().trim());
                } catch (NumberFormatException e) {
                    problems.add(new FieldProblem(field, "air.error.notANumber", key));
                    return;
                }
                if (value.signum() < 0) {
                    problems.add(new FieldProblem(field, "air.error.negative", key));
                    return;
                }
                values.put(indicator, value);
            });
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new AqiRequest.Valid(standard, date, report, values);
    }
}

package cn.anhuan.air.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.anhuan.air.AqiRequest;
import cn.anhuan.air.AqiResult;
import cn.anhuan.air.AqiService;
import cn.anhuan.air.Indicator;
import cn.anhuan.shared.InvalidInputException;
import cn.anhuan.shared.InvalidInputException.FieldProblem;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /api/v1/air/aqi}: the AQI calculator; numbers are read as exact decimals, never doubles. */
@RestController
@RequestMapping("/api/v1/air")
class AqiApiController {

    private static final JsonMapper EXACT = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private final AqiService service;

    AqiApiController(AqiService service) {
        this.service = service;
    }

    @PostMapping("/aqi")
    AqiAnswer calculate(@RequestBody String body) {
        JsonNode root;
        try {
            root = EXACT.readTree(body);
        } catch (JacksonException e) {
            throw new InvalidInputException(List.of(new FieldProblem("body", "air.error.json")));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInputException(List.of(new FieldProblem("body", "air.error.json")));
        }
        Map<String, Object> concentrations = new LinkedHashMap<>();
        JsonNode values = root.get("concentrations");
        if (values != null && !values.isNull()) {
            if (!values.isObject()) {
                throw new InvalidInputException(List.of(new FieldProblem("concentrations", "air.error.json")));
            }
            for (var entry : values.properties()) {
                JsonNode v = entry.getValue();
                concentrations.put(entry.getKey(), v.isNumber() ? v.decimalValue() : v.isNull() ? null
                        : v.isString() ? v.asString() : v.toString());
            }
        }
        AqiResult result = service.calculate(new AqiRequest(text(root, "standard"), text(root, "date"),
                text(root, "report"), concentrations));
        return AqiAnswer.of(result);
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        return node == null || node.isNull() ? null : node.isString() ? node.asString() : node.toString();
    }

    /** The calculator's answer, as the API documents it. */
    record AqiAnswer(String standard, String report, Integer aqi, Integer level, String category, String categoryEn,
                     String color, List<Indicator> primaryPollutants, List<Indicator> nonAttainmentPollutants,
                     Map<Indicator, Integer> iaqi, List<Indicator> missing) {

        static AqiAnswer of(AqiResult r) {
            return new AqiAnswer(r.standard().code(), r.report().name().toLowerCase(java.util.Locale.ROOT), r.aqi(),
                    r.level() == null ? null : r.level().number(), r.level() == null ? null : r.level().category(),
                    r.level() == null ? null : r.level().categoryEn(), r.level() == null ? null : r.level().color(),
                    r.primary(), r.nonAttainment(), r.iaqi(), r.missing());
        }
    }

}

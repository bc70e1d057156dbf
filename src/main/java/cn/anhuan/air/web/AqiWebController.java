package cn.anhuan.air.web;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.anhuan.air.AqiReport;
import cn.anhuan.air.AqiRequest;
import cn.anhuan.air.AqiService;
import cn.anhuan.air.AqiStandard;
import cn.anhuan.air.Indicator;
import cn.anhuan.shared.InvalidInputException;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The AQI calculator page (open to everyone); the result is an htmx fragment, or the whole page without JS. */
@Controller
class AqiWebController {

    private final AqiService service;

    AqiWebController(AqiService service) {
        this.service = service;
    }

    @GetMapping("/air/calculator")
    String form(Model model) {
        model.addAttribute("values", Map.of());
        return page(model, null, null, "daily");
    }

    @PostMapping("/air/calculator")
    String calculate(@RequestParam(required = false) @Size(max = 10) String standard,
                     @RequestParam(required = false) @Size(max = 10) String date,
                     @RequestParam(defaultValue = "daily") @Size(max = 10) String report,
                     @RequestParam Map<String, String> params,
                     @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Indicator i : Indicator.values()) {
            String v = params.get(i.name());
            if (v != null && !v.isBlank()) {
                values.put(i.name(), v.trim());
            }
        }
        model.addAttribute("values", values);
        try {
            model.addAttribute("result", service.calculate(new AqiRequest(standard, date, report, values)));
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems());
        }
        if (htmx != null) {
            return "air/calculator :: result";
        }
        return page(model, standard, date, report);
    }

    private String page(Model model, String standard, String date, String report) {
        model.addAttribute("indicators", Indicator.values());
        model.addAttribute("standards", AqiStandard.values());
        model.addAttribute("standard", standard);
        model.addAttribute("date", date);
        model.addAttribute("report", report);
        model.addAttribute("reports", AqiReport.values());
        return "air/calculator";
    }
}

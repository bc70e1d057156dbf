package cn.anhuan.risk.web;

import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Collectors;

import cn.anhuan.risk.RiskMethod;
import cn.anhuan.risk.RiskPointCommand;
import cn.anhuan.risk.RiskPointView;
import cn.anhuan.risk.RiskService;
import cn.anhuan.shared.InvalidInputException;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Risk points in scope, the assessment form, and the city risk map. */
@Controller
class RiskWebController {

    private final RiskService risks;

    RiskWebController(RiskService risks) {
        this.risks = risks;
    }

    @GetMapping("/risk")
    String list(@RequestParam(required = false) Long enterprise, Model model) {
        var points = risks.points(enterprise);
        model.addAttribute("points", points);
        model.addAttribute("enterprise", enterprise);
        Map<Integer, Long> byLevel = points.stream().collect(Collectors.groupingBy(RiskPointView::level,
                Collectors.counting()));
        model.addAttribute("byLevel", byLevel);
        return "risk/list";
    }

    @PostMapping("/risk")
    String assess(@RequestParam Long enterpriseId, @RequestParam @Size(max = 200) String name,
                  @RequestParam @Size(max = 20) String kind,
                  @RequestParam RiskMethod method, @RequestParam(required = false) BigDecimal l,
                  @RequestParam(required = false) BigDecimal e,
                  @RequestParam(required = false) BigDecimal c,
                  @RequestParam(required = false) BigDecimal s, @RequestParam @Size(max = 2000) String controlMeasures,
                  @RequestParam @Size(max = 200) String responsiblePost, RedirectAttributes redirect) {
        try {
            risks.assess(new RiskPointCommand(enterpriseId, name, kind, method, l, e, c, s, controlMeasures,
                    responsiblePost, null));
        } catch (InvalidInputException ex) {
            redirect.addFlashAttribute("problems", ex.problems());
        }
        return "redirect:/risk?enterprise=" + enterpriseId;
    }

    @GetMapping("/risk/map")
    String map() {
        return "risk/map";
    }
}

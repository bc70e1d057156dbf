package cn.anhuan.risk.web;

import java.math.BigDecimal;
import java.util.List;

import cn.anhuan.enterprise.EnterpriseService;
import cn.anhuan.risk.RiskMethod;
import cn.anhuan.risk.RiskPointCommand;
import cn.anhuan.risk.RiskPointView;
import cn.anhuan.risk.RiskService;
import cn.anhuan.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Risk points in scope, the assessment form, and the city risk map. */
@Controller
class RiskWebController {

    private static final int PAGE = 50;

    private final RiskService risks;
    private final EnterpriseService enterprises;

    RiskWebController(RiskService risks, EnterpriseService enterprises) {
        this.risks = risks;
        this.enterprises = enterprises;
    }

    /** The points in scope a page at a time, with the count of each level over all of them. */
    @GetMapping("/risk")
    String list(@RequestParam(required = false) Long enterprise, @RequestParam(required = false) Long after,
                Model model) {
        List<RiskPointView> points = risks.page(enterprise, after, PAGE);
        model.addAttribute("points", points);
        model.addAttribute("names", enterprises.names(points.stream().map(RiskPointView::enterpriseId).toList()));
        model.addAttribute("next", points.size() == PAGE ? points.get(points.size() - 1).id() : null);
        model.addAttribute("enterprise", enterprise);
        model.addAttribute("byLevel", risks.countsByLevel(enterprise));
        return "risk/list";
    }

    @PostMapping("/risk")
    String assess(@RequestParam Long enterpriseId, @RequestParam String name, @RequestParam String kind,
                  @RequestParam RiskMethod method, @RequestParam(required = false) BigDecimal l,
                  @RequestParam(required = false) BigDecimal e,
                  @RequestParam(required = false) BigDecimal c,
                  @RequestParam(required = false) BigDecimal s, @RequestParam String controlMeasures,
                  @RequestParam String responsiblePost, RedirectAttributes redirect) {
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

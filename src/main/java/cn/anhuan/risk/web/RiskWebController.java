package cn.anhuan.risk.web;

import java.util.List;

import cn.anhuan.enterprise.EnterpriseService;
import cn.anhuan.risk.RiskMethod;
import cn.anhuan.risk.RiskPointCommand;
import cn.anhuan.risk.RiskPointView;
import cn.anhuan.risk.RiskService;
import cn.anhuan.shared.InvalidInputException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
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
        if (enterprise != null && !model.containsAttribute("assessment")) {
            model.addAttribute("assessment", new RiskPointCommand(enterprise, null, "SITE", RiskMethod.LEC, null, null,
                    null, null, null, null, null));
        }
        return "risk/list";
    }

    /**
     * Assesses a risk point from the form beside an enterprise's points. A wrong or unconverted value (letters
     * in L) shows the page again with the message beside its field and everything typed kept.
     */
    @PostMapping("/risk")
    String assess(@RequestParam Long enterpriseId, @Valid @ModelAttribute("assessment") RiskPointCommand assessment,
                  BindingResult errors, Model model, RedirectAttributes redirect) {
        // A value that does not convert leaves no record (null), only the errors and what was typed.
        if (!errors.hasErrors()) {
            try {
                risks.assess(assessment);
                redirect.addFlashAttribute("flash", "risk.assessed");
                return "redirect:/risk?enterprise=" + enterpriseId;
            } catch (InvalidInputException ex) {
                ex.problems().forEach(p -> errors.rejectValue(p.field(), p.messageKey(), p.args(), p.messageKey()));
            }
        }
        return list(enterpriseId, null, model);
    }

    @GetMapping("/risk/map")
    String map() {
        return "risk/map";
    }
}

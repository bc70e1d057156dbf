package cn.anhuan.air.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.anhuan.air.ReductionItem;
import cn.anhuan.air.ReductionList;
import cn.anhuan.air.WarningLevel;
import cn.anhuan.enterprise.EnterpriseFilter;
import cn.anhuan.enterprise.EnterpriseService;
import cn.anhuan.enterprise.EnterpriseView;
import cn.anhuan.shared.BusinessRuleException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The emergency reduction list page. A line's enterprise is picked from the registry (within the caller's scope),
 * so its name and county come from there; an error shows the page again with the message beside its field and
 * everything typed kept.
 */
@Controller
class ReductionWebController {

    static final int ENTERPRISE_CHOICES = 20;
    private static final List<String> AMOUNTS = List.of("so2", "nox", "pm", "vocs");

    private final ReductionList reductions;
    private final EnterpriseService enterprises;

    ReductionWebController(ReductionList reductions, EnterpriseService enterprises) {
        this.reductions = reductions;
        this.enterprises = enterprises;
    }

    @GetMapping("/air/reduction")
    String reduction(Model model) {
        model.addAttribute("items", reductions.items(null));
        model.addAttribute("checks", reductions.check());
        model.addAttribute("baseline", reductions.baseline());
        model.addAttribute("levels", List.of(WarningLevel.YELLOW, WarningLevel.ORANGE, WarningLevel.RED));
        if (!model.containsAttribute("typed")) {
            Map<String, String> typed = new LinkedHashMap<>();
            AMOUNTS.forEach(a -> typed.put(a, "0"));
            model.addAttribute("typed", typed);
        }
        return "air/reduction";
    }

    /** The enterprises whose name or credit code matches, within the caller's scope (htmx fills the select). */
    @GetMapping("/air/reduction/enterprises")
    String enterprises(@RequestParam(required = false) String q, Model model) {
        String text = q == null || q.isBlank() ? null : q.trim();
        if (text != null && text.length() > 100) {
            text = text.substring(0, 100);
        }
        model.addAttribute("enterprises", enterprises.search(new EnterpriseFilter(text, null, null, null), null,
                ENTERPRISE_CHOICES));
        return "air/reduction-parts :: enterprise-options";
    }

    @PostMapping("/air/reduction")
    String addItem(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (String f : List.of("level", "enterpriseId", "q", "measures", "so2", "nox", "pm", "vocs")) {
            typed.put(f, params.getOrDefault(f, "").trim());
        }
        EnterpriseView enterprise = null;
        try {
            WarningLevel level = level(typed.get("level"));
            enterprise = enterprise(typed.get("enterpriseId"));
            if (typed.get("measures").isEmpty() || typed.get("measures").length() > 2000) {
                throw new BusinessRuleException("measures", "air.reduction.measuresRequired");
            }
            Map<String, BigDecimal> amounts = new LinkedHashMap<>();
            for (String a : AMOUNTS) {
                amounts.put(a, amount(a, typed.get(a)));
            }
            reductions.add(new ReductionItem(null, level, enterprise.creditCode(), enterprise.name(),
                    enterprise.regionCode(), typed.get("measures"), amounts.get("so2"), amounts.get("nox"),
                    amounts.get("pm"), amounts.get("vocs")));
        } catch (BusinessRuleException e) {
            model.addAttribute("typed", typed);
            model.addAttribute("picked", enterprise);
            model.addAttribute("errorField", e.field());
            model.addAttribute("error", e.messageKey());
            model.addAttribute("errorArgs", e.args());
            return reduction(model);
        }
        redirect.addFlashAttribute("flash", "air.reduction.added");
        return "redirect:/air/reduction";
    }

    private static WarningLevel level(String value) {
        try {
            return WarningLevel.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new BusinessRuleException("level", "air.reduction.levelRequired");
        }
    }

    private EnterpriseView enterprise(String id) {
        if (!id.matches("[0-9]{1,18}")) {
            throw new BusinessRuleException("enterpriseId", "air.reduction.enterpriseRequired");
        }
        return enterprises.referenced("enterpriseId", Long.valueOf(id));
    }

    private static BigDecimal amount(String field, String value) {
        try {
            BigDecimal v = new BigDecimal(value);
            if (v.signum() < 0 || v.precision() - v.scale() > 8 || v.scale() > 4) {
                throw new NumberFormatException(value);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new BusinessRuleException(field, "air.reduction.amountInvalid", value);
        }
    }

    @PostMapping("/air/reduction/baseline")
    String baseline(@RequestParam BigDecimal SO2, @RequestParam BigDecimal NOX, @RequestParam BigDecimal PM,
                    @RequestParam BigDecimal VOCS, RedirectAttributes redirect) {
        try {
            reductions.setBaseline(Map.of("SO2", SO2, "NOX", NOX, "PM", PM, "VOCS", VOCS));
        } catch (BusinessRuleException e) {
            redirect.addFlashAttribute("error", e.messageKey());
            redirect.addFlashAttribute("errorArgs", e.args());
        }
        return "redirect:/air/reduction";
    }

    @PostMapping("/air/reduction/{id}/remove")
    String remove(@PathVariable long id) {
        reductions.remove(id);
        return "redirect:/air/reduction";
    }
}

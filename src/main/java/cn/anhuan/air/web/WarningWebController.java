package cn.anhuan.air.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.anhuan.air.Proposal;
import cn.anhuan.air.WarningCommand;
import cn.anhuan.air.WarningLevel;
import cn.anhuan.air.WarningScheme;
import cn.anhuan.air.WarningView;
import cn.anhuan.air.WarningService;
import cn.anhuan.shared.BusinessRuleException;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The warning desk: forecasts, the proposed level, issuing, changing and lifting. */
@Controller
class WarningWebController {

    private final WarningService warnings;
    private final Clock clock;

    WarningWebController(WarningService warnings, Clock clock) {
        this.warnings = warnings;
        this.clock = clock;
    }

    @GetMapping("/air/warnings")
    String page(Model model) {
        LocalDate today = LocalDate.now(clock);
        List<String> days = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            days.add(today.plusDays(i).toString());
        }
        model.addAttribute("days", days);
        Proposal proposal = warnings.proposal();
        WarningView active = warnings.active().orElse(null);
        List<WarningLevel> issueLevels = WarningScheme.ofCode(proposal.scheme()).levels();
        model.addAttribute("proposal", proposal);
        model.addAttribute("active", active);
        model.addAttribute("recent", warnings.recent(10));
        // the issue form offers only the configured scheme's levels and starts at the proposal or the lowest one
        model.addAttribute("levels", issueLevels);
        model.addAttribute("defaultLevel", proposal.level() != null && issueLevels.contains(proposal.level())
                ? proposal.level() : issueLevels.get(0));
        model.addAttribute("changeLevels", active == null ? issueLevels
                : WarningScheme.ofCode(active.scheme()).levels());
        return "air/warnings";
    }

    /**
     * Saves the week's forecast. A value that is not a whole number, or is out of range, shows the page again
     * naming that day and value beside its field, with everything typed kept.
     */
    @PostMapping("/air/warnings/forecast")
    String forecast(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        LocalDate today = LocalDate.now(clock);
        List<String> typed = new ArrayList<>();
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String v = params.getOrDefault("aqi" + i, "").trim();
            typed.add(v);
            if (v.isEmpty()) {
                values.add(null);
            } else if (v.matches("[0-9]{1,3}")) {
                values.add(Integer.valueOf(v));
            } else {
                return forecastError(model, typed, params, i, "air.forecast.notANumber", today.plusDays(i).toString(), v);
            }
        }
        try {
            warnings.saveForecast(today, values);
        } catch (BusinessRuleException e) {
            int day = e.field() != null && e.field().startsWith("aqi[") ? Integer.parseInt(e.field().replaceAll("\\D", "")) : -1;
            return forecastError(model, typed, params, day, e.messageKey(), e.args());
        }
        redirect.addFlashAttribute("flash", "air.forecast.saved");
        return "redirect:/air/warnings";
    }

    private String forecastError(Model model, List<String> typed, Map<String, String> params, int day, String key,
                                 Object... args) {
        for (int i = typed.size(); i < 7; i++) {
            typed.add(params.getOrDefault("aqi" + i, "").trim());
        }
        model.addAttribute("typed", typed);
        model.addAttribute("badDay", day);
        model.addAttribute("error", key);
        model.addAttribute("errorArgs", args);
        return page(model);
    }

    @PostMapping("/air/warnings")
    String issue(@RequestParam WarningLevel level, @RequestParam @Size(max = 100) String documentNo,
                 @RequestParam @Size(max = 2000) String reason,
                 RedirectAttributes redirect) {
        return act(redirect, () -> warnings.issue(new WarningCommand(level, documentNo, reason, null, null, null, null)));
    }

    @PostMapping("/air/warnings/{id}/level")
    String changeLevel(@PathVariable long id, @RequestParam WarningLevel level,
                       @RequestParam @Size(max = 2000) String reason,
                       @RequestParam Integer version, RedirectAttributes redirect) {
        return act(redirect, () -> warnings.changeLevel(id, new WarningCommand(level, null, reason, null, null, null,
                version)));
    }

    @PostMapping("/air/warnings/{id}/lift")
    String lift(@PathVariable long id, @RequestParam @Size(max = 2000) String reason, @RequestParam Integer version,
                RedirectAttributes redirect) {
        return act(redirect, () -> warnings.lift(id, reason, version));
    }

    private static String act(RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
        } catch (BusinessRuleException e) {
            redirect.addFlashAttribute("error", e.messageKey());
            redirect.addFlashAttribute("errorArgs", e.args());
        }
        return "redirect:/air/warnings";
    }
}

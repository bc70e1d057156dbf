package cn.anhuan.hazard.web;

import cn.anhuan.hazard.CitizenReports;
import cn.anhuan.shared.BusinessRuleException;
import cn.anhuan.shared.ConflictException;
import cn.anhuan.shared.InvalidInputException;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The county's triage queue of citizens' reports. */
@Controller
class CitizenReportWebController {

    private final CitizenReports reports;

    CitizenReportWebController(CitizenReports reports) {
        this.reports = reports;
    }

    @GetMapping("/hazards/reports")
    String queue(@RequestParam(required = false) String status, Model model) {
        model.addAttribute("reports", reports.queue(status == null ? "NEW" : status));
        return "hazards/reports";
    }

    @PostMapping("/hazards/reports/{id}/convert")
    String convert(@PathVariable long id, @RequestParam long enterpriseId, @RequestParam @Size(max = 10) String level,
                   @RequestParam(required = false) @Size(max = 500) String basis, @RequestParam Integer version,
                   RedirectAttributes redirect) {
        try {
            return "redirect:/hazards/" + reports.convert(id, enterpriseId, level, basis, "OBJECT", version).id();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problems", e.problems());
        } catch (BusinessRuleException | ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/hazards/reports";
    }

    @PostMapping("/hazards/reports/{id}/dismiss")
    String dismiss(@PathVariable long id, @RequestParam @Size(max = 2000) String reason, @RequestParam Integer version,
                   RedirectAttributes redirect) {
        try {
            reports.dismiss(id, reason, version);
        } catch (BusinessRuleException | ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/hazards/reports";
    }
}

package cn.anhuan.hazard.web;

import cn.anhuan.hazard.CitizenReports;
import cn.anhuan.organization.RegionService;
import cn.anhuan.shared.BusinessRuleException;
import cn.anhuan.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The public pages (no login): report a hazard, follow it with the tracking code. */
@Controller
class CitizenReportPublicController {

    private final CitizenReports reports;
    private final RegionService regions;

    CitizenReportPublicController(CitizenReports reports, RegionService regions) {
        this.reports = reports;
        this.regions = regions;
    }

    @GetMapping("/public/report")
    String form(Model model) {
        model.addAttribute("counties", regions.subtreeViews(regions.root().code()).stream()
                .filter(r -> r.kind().countyLevel()).toList());
        return "public/report";
    }

    @PostMapping("/public/report")
    String submit(@RequestParam(required = false) @Size(max = 12) String regionCode,
                  @RequestParam(required = false) @Size(max = 200) String place,
                  @RequestParam(required = false) @Size(max = 2000) String description,
                  @RequestParam(required = false) @Size(max = 50) String reporterName,
                  @RequestParam(required = false) @Size(max = 20) String reporterPhone, HttpServletRequest request,
                  Model model) {
        try {
            model.addAttribute("trackingCode", reports.submit(regionCode, place, description, reporterName,
                    reporterPhone, request.getRemoteAddr()));
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems());
        } catch (BusinessRuleException e) {
            model.addAttribute("problems", java.util.List.of(new InvalidInputException.FieldProblem(e.field(),
                    e.messageKey(), e.args())));
        }
        model.addAttribute("place", place);
        model.addAttribute("description", description);
        return form(model);
    }

    @GetMapping("/public/track")
    String track(@RequestParam(required = false) String code, Model model) {
        if (code != null && !code.isBlank()) {
            model.addAttribute("tracking", reports.track(code).orElse(null));
            model.addAttribute("searched", true);
        }
        return "public/track";
    }
}

package cn.anhuan.hazard.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import cn.anhuan.enterprise.EnterpriseService;
import cn.anhuan.hazard.HazardAction;
import cn.anhuan.hazard.HazardActionCommand;
import cn.anhuan.hazard.HazardAttachments;
import cn.anhuan.hazard.HazardFilter;
import cn.anhuan.hazard.HazardListing;
import cn.anhuan.hazard.Listing;
import cn.anhuan.hazard.HazardList;
import cn.anhuan.hazard.HazardService;
import cn.anhuan.hazard.HazardView;
import cn.anhuan.hazard.ReportHazard;
import cn.anhuan.organization.IndustryService;
import cn.anhuan.organization.RegionService;
import cn.anhuan.shared.BusinessRuleException;
import cn.anhuan.shared.ConflictException;
import cn.anhuan.shared.InvalidInputException;
import cn.anhuan.shared.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The hazard pages: filtered list, report form, and the hazard page with its timeline and allowed actions. */
@Controller
class HazardWebController {

    private static final int PAGE = 50;

    private final HazardService hazards;
    private final HazardList list;
    private final HazardListing listings;
    private final HazardAttachments attachments;

    private final RegionService regions;
    private final IndustryService industries;
    private final EnterpriseService enterprises;

    HazardWebController(HazardService hazards, HazardList list, HazardListing listings, HazardAttachments attachments,
                        RegionService regions, IndustryService industries, EnterpriseService enterprises) {
        this.list = list;
        this.enterprises = enterprises;
        this.regions = regions;
        this.industries = industries;
        this.attachments = attachments;
        this.hazards = hazards;
        this.listings = listings;
    }

    @PostMapping("/hazards/{id}/listing")
    String list(@PathVariable long id, @RequestParam @Size(max = 100) String documentNo,
                @RequestParam @Size(max = 200) String supervisingUnit,
                @RequestParam @Size(max = 100) String supervisor,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
                RedirectAttributes redirect) {
        try {
            listings.list(id, new Listing.Command(documentNo, supervisingUnit, supervisor, deadline, true, null));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problems", e.problems());
        } catch (BusinessRuleException e) {
            redirect.addFlashAttribute("problems", List.of(new InvalidInputException.FieldProblem(
                    e.field(), e.messageKey(), e.args())));
        }
        return "redirect:/hazards/" + id;
    }

    @PostMapping("/hazards/{id}/listing/delist")
    String delist(@PathVariable long id,
                  @RequestParam(required = false) @Size(max = 2000) String note, RedirectAttributes redirect) {
        try {
            listings.delist(id, note);
        } catch (BusinessRuleException e) {
            redirect.addFlashAttribute("problems", List.of(new InvalidInputException.FieldProblem(
                    e.field(), e.messageKey(), e.args())));
        }
        return "redirect:/hazards/" + id;
    }

    @GetMapping("/hazards")
    String list(HazardQuery query, @RequestParam(required = false) Long before,
                @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        HazardFilter filter = query.filter();
        List<HazardView> page = list.search(filter, before, PAGE);
        model.addAttribute("filter", filter);
        model.addAttribute("hazards", page);
        model.addAttribute("total", list.count(filter));
        model.addAttribute("names", enterprises.names(page.stream().map(HazardView::enterpriseId).toList()));
        model.addAttribute("next", page.size() == PAGE ? page.get(page.size() - 1).id() : null);
        if (htmx == null) {
            model.addAttribute("counts", hazards.counts());
            model.addAttribute("regions", regions.visible());
            model.addAttribute("industries", industries.industries());
            if (!model.containsAttribute("report") && filter.enterpriseId() != null) {
                model.addAttribute("report", new ReportHazard(filter.enterpriseId(), null, null, "OBJECT", "GENERAL",
                        null, hazards.actsForGovernment() ? "GOVERNMENT" : "SELF", null));
            }
        }
        return htmx != null ? "hazards/list :: table" : "hazards/list";
    }

    /**
     * Records a hazard from the form beside an enterprise's list. A wrong field shows its message beside it on
     * the same page, with everything typed kept; an enterprise user's source is always its own check (企业自查).
     */
    @PostMapping("/hazards")
    String report(@RequestParam Long enterpriseId, @Valid @ModelAttribute("report") ReportHazard report,
                  BindingResult errors, Model model, RedirectAttributes redirect) {
        // A value that does not convert leaves no record (null), only the errors and what was typed.
        if (!errors.hasErrors()) {
            ReportHazard r = hazards.actsForGovernment() ? report : new ReportHazard(report.enterpriseId(),
                    report.place(), report.description(), report.category(), report.level(), report.basis(), "SELF",
                    report.foundAt());
            try {
                long id = hazards.report(r).id();
                redirect.addFlashAttribute("flash", "hazards.reported");
                return "redirect:/hazards/" + id;
            } catch (InvalidInputException e) {
                e.problems().forEach(p -> errors.rejectValue(p.field(), p.messageKey(), p.args(), p.messageKey()));
            }
        }
        return list(new HazardQuery(null, null, null, null, null, enterpriseId, null, null, null), null, null, model);
    }

    @GetMapping("/hazards/{id}")
    String detail(@PathVariable long id, Model model) {
        HazardView h = hazards.get(id);
        model.addAttribute("hazard", h);
        model.addAttribute("enterpriseName", enterprises.names(List.of(h.enterpriseId())).get(h.enterpriseId()));
        model.addAttribute("actions", Arrays.stream(HazardAction.values()).filter(a -> hazards.mayAct(h, a)).toList());
        model.addAttribute("listing", listings.find(id).orElse(null));
        model.addAttribute("attachments", attachments.list(id));
        return "hazards/detail";
    }

    /**
     * One step of the loop. A value that does not convert (letters in the funds) shows the hazard page again
     * with the field's message and what was typed in that action's form.
     */
    @PostMapping("/hazards/{id}/{action}")
    String act(@PathVariable long id, @PathVariable String action,
               @Valid @ModelAttribute("command") HazardActionCommand command, BindingResult errors, Model model,
               RedirectAttributes redirect) {
        HazardAction a;
        try {
            a = HazardAction.ofPath(action);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("hazard-action", action);
        }
        if (errors.hasErrors()) {
            model.addAttribute("problems", errors.getFieldErrors().stream()
                    .map(f -> new InvalidInputException.FieldProblem(f.getField(), "typeMismatch")).toList());
            model.addAttribute("typedAction", a.path());
            return detail(id, model);
        }
        try {
            hazards.act(id, a, command);
            redirect.addFlashAttribute("flash", "hazards.done." + a.name());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problems", e.problems());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("conflict", e.messageKey());
            redirect.addFlashAttribute("conflictArgs", e.args());
        }
        return "redirect:/hazards/" + id;
    }
}

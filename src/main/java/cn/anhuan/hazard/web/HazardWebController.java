package cn.anhuan.hazard.web;

import java.math.BigDecimal;
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
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
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
        model.addAttribute("names", enterprises.names(page.stream().map(HazardView::enterpriseId).toList()));
        model.addAttribute("next", page.size() == PAGE ? page.get(page.size() - 1).id() : null);
        if (htmx == null) {
            model.addAttribute("counts", hazards.counts());
            model.addAttribute("regions", regions.visible());
            model.addAttribute("industries", industries.industries());
        }
        return htmx != null ? "hazards/list :: table" : "hazards/list";
    }

    @PostMapping("/hazards")
    String report(@RequestParam Long enterpriseId, @RequestParam @Size(max = 200) String place,
                  @RequestParam @Size(max = 4000) String description,
                  @RequestParam @Size(max = 20) String category, @RequestParam @Size(max = 10) String level,
                  @RequestParam(required = false) @Size(max = 500) String basis,
                  @RequestParam @Size(max = 20) String source,
                  RedirectAttributes redirect) {
        try {
            return "redirect:/hazards/" + hazards.report(new ReportHazard(enterpriseId, place, description, category,
                    level, basis, source, null)).id();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problems", e.problems());
            return "redirect:/hazards?enterprise=" + enterpriseId;
        }
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

    @PostMapping("/hazards/{id}/{action}")
    String act(@PathVariable long id, @PathVariable String action, @RequestParam Integer version,
               @RequestParam(required = false) @Size(max = 100) String responsiblePerson,
               @RequestParam(required = false) @Size(max = 4000) String measures,
               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
               @RequestParam(required = false) BigDecimal funds,
               @RequestParam(required = false) @Size(max = 4000) String contingencyPlan,
               @RequestParam(required = false) @Size(max = 2000) String note,
               @RequestParam(required = false) Boolean approve,
               RedirectAttributes redirect) {
        HazardAction a;
        try {
            a = HazardAction.ofPath(action);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("hazard-action", action);
        }
        try {
            hazards.act(id, a, new HazardActionCommand(version, responsiblePerson, measures,
                    deadline, funds, contingencyPlan, note, approve));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problems", e.problems());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("conflict", e.messageKey());
            redirect.addFlashAttribute("conflictArgs", e.args());
        }
        return "redirect:/hazards/" + id;
    }
}

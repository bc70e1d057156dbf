package cn.anhuan.enterprise.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.anhuan.audit.AuditLog;
import cn.anhuan.enterprise.EnterpriseCommand;
import cn.anhuan.enterprise.EnterpriseDetails;
import cn.anhuan.enterprise.EnterpriseFilter;
import cn.anhuan.enterprise.EnterpriseImport;
import cn.anhuan.enterprise.EnterpriseImportReport;
import cn.anhuan.enterprise.EnterpriseService;
import cn.anhuan.enterprise.EnterpriseRecords;
import cn.anhuan.enterprise.EnterpriseView;
import cn.anhuan.enterprise.Licence;
import cn.anhuan.enterprise.MajorHazard;
import cn.anhuan.enterprise.MajorHazardRule;
import cn.anhuan.organization.DepartmentService;
import cn.anhuan.organization.IndustryService;
import cn.anhuan.organization.RegionService;
import cn.anhuan.shared.BusinessRuleException;
import cn.anhuan.shared.InvalidInputException;
import jakarta.servlet.http.HttpSession;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The registry pages: filtered list (htmx table, keyset paging), export, import with a dry run first and an
 * explicit confirmation, a new-enterprise form, and the enterprise page with its history.
 */
@Controller
class EnterpriseWebController {

    private static final String PENDING = "enterprise.import.pending";
    private static final int PAGE = 50;

    private final EnterpriseService enterprises;
    private final EnterpriseImport importer;
    private final RegionService regions;
    private final IndustryService industries;
    private final DepartmentService departments;
    private final AuditLog auditLog;
    private final EnterpriseRecords records;
    private final Clock clock;

    EnterpriseWebController(EnterpriseService enterprises, EnterpriseImport importer, RegionService regions,
                            IndustryService industries, DepartmentService departments, AuditLog auditLog,
                            EnterpriseRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
        this.enterprises = enterprises;
        this.importer = importer;
        this.regions = regions;
        this.industries = industries;
        this.departments = departments;
        this.auditLog = auditLog;
    }

    @GetMapping("/enterprises")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String region,
                @RequestParam(required = false) String industry, @RequestParam(required = false) String status,
                @RequestParam(required = false) Long after,
                @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        EnterpriseFilter filter = new EnterpriseFilter(q, region, industry, status);
        List<EnterpriseView> page = enterprises.search(filter, after, PAGE);
        model.addAttribute("filter", filter);
        model.addAttribute("enterprises", page);
        model.addAttribute("next", page.size() == PAGE ? page.get(page.size() - 1).id() : null);
        model.addAttribute("total", enterprises.count(filter));
        choices(model);
        return htmx != null ? "enterprises/list :: table" : "enterprises/list";
    }

    /** Licences in scope expiring within {@code days} (default 90, at most ten years) or already expired. */
    @GetMapping("/enterprises/licences/expiring")
    String expiring(@RequestParam(defaultValue = "90") int days, Model model) {
        int d = Math.max(0, Math.min(days, 3650));
        model.addAttribute("days", d);
        model.addAttribute("licences", records.expiring(d));
        model.addAttribute("total", records.countExpiring(d));
        model.addAttribute("today", LocalDate.now(clock));
        return "enterprises/expiring";
    }

    @PostMapping("/enterprises/import")
    String upload(@RequestParam("file") MultipartFile file, HttpSession session, Model model) throws IOException {
        session.removeAttribute(PENDING);
        byte[] bytes = file.getBytes();
        try {
            EnterpriseImportReport report = importer.importFile(new ByteArrayInputStream(bytes), true);
            if (report.ok()) {
                session.setAttribute(PENDING, bytes);
            }
            model.addAttribute("report", report);
        } catch (BusinessRuleException e) {
            model.addAttribute("importError", e);
        }
        return list(null, null, null, null, null, null, model);
    }

    @PostMapping("/enterprises/import/confirm")
    String confirm(HttpSession session, Model model) throws IOException {
        byte[] bytes = (byte[]) session.getAttribute(PENDING);
        session.removeAttribute(PENDING);
        if (bytes != null) {
            try {
                model.addAttribute("report", importer.importFile(new ByteArrayInputStream(bytes), false));
            } catch (BusinessRuleException e) {
                model.addAttribute("importError", e);
            }
        }
        return list(null, null, null, null, null, null, model);
    }

    @GetMapping("/enterprises/new")
    String newEnterprise(Model model) {
        model.addAttribute("form", new EnterpriseCommand(null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, false, "OPERATING", null));
        choices(model);
        return "enterprises/form";
    }

    @PostMapping("/enterprises")
    String create(@Valid @ModelAttribute("form") EnterpriseCommand form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                long created = enterprises.create(form).enterprise().id();
                redirect.addFlashAttribute("flash", "enterprises.created");
                return "redirect:/enterprises/" + created;
            } catch (InvalidInputException e) {
                e.problems().forEach(p -> errors.rejectValue(p.field(), p.messageKey(), p.args(), p.messageKey()));
            }
        }
        choices(model);
        return "enterprises/form";
    }

    @GetMapping("/enterprises/{id}")
    String detail(@PathVariable long id, Model model) {
        EnterpriseView e = enterprises.get(id);
        model.addAttribute("enterprise", e);
        model.addAttribute("department", e.departmentId() == null ? null : departments.find(e.departmentId()).orElse(null));
        model.addAttribute("history", auditLog.history("enterprise", id));
        model.addAttribute("licences", records.licences(id));
        model.addAttribute("majorHazards", records.majorHazards(id));
        model.addAttribute("categories", MajorHazardRule.Category.values());
        model.addAttribute("today", LocalDate.now(clock));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new EnterpriseCommand(e.creditCode(), e.name(), e.regionCode(), e.zoneCode(),
                    e.address(), e.latitude(), e.longitude(), e.industryCode(), e.gbt4754Code(),
                    e.departmentOverridden() ? e.departmentId() : null, e.scale(), e.employees(),
                    e.legalRepresentative(), e.safetyManager(), e.safetyManagerPhone(), e.standardizationGrade(),
                    e.keyPollutantUnit(), e.status(), e.version()));
        }
        if (!model.containsAttribute("details")) {
            model.addAttribute("details", EnterpriseDetails.of(e));
        }
        choices(model);
        return "enterprises/detail";
    }

    /** The enterprise's own safety officer keeps its details up to date (the editors use the whole form). */
    @PostMapping("/enterprises/{id}/details")
    String updateDetails(@PathVariable long id, @Valid @ModelAttribute("details") EnterpriseDetails details,
                         BindingResult errors, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            enterprises.updateDetails(id, details);
            redirect.addFlashAttribute("flash", "enterprises.saved");
            return "redirect:/enterprises/" + id;
        }
        return detail(id, model);
    }

    @PostMapping("/enterprises/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") EnterpriseCommand form, BindingResult errors,
                  Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                enterprises.update(id, form);
                redirect.addFlashAttribute("flash", "enterprises.saved");
                return "redirect:/enterprises/" + id;
            } catch (InvalidInputException e) {
                e.problems().forEach(p -> errors.rejectValue(p.field(), p.messageKey(), p.args(), p.messageKey()));
            }
        }
        return detail(id, model);
    }

    /** Adds a licence; a refused one shows the page again with the rule broken and the licence typed kept. */
    @PostMapping("/enterprises/{id}/licences")
    String addLicence(@PathVariable long id, @RequestParam @Size(max = 40) String kind,
                      @RequestParam @Size(max = 100) String number,
                      @RequestParam(required = false) @Size(max = 100) String issuer,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issuedOn,
                      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expiresOn,
                      Model model, RedirectAttributes redirect) {
        try {
            records.addLicence(id, new Licence(null, id, kind, number, issuer, issuedOn, expiresOn));
        } catch (BusinessRuleException e) {
            return recordRefused(id, "licence", e.messageKey(), e.args(), model);
        }
        redirect.addFlashAttribute("flash", "enterprises.licenceAdded");
        return "redirect:/enterprises/" + id;
    }

    /**
     * Adds a major hazard installation. A number that does not convert, or a refused installation, shows the
     * page again with the message and the installation typed kept.
     */
    @PostMapping("/enterprises/{id}/major-hazards")
    String addMajorHazard(@PathVariable long id, @RequestParam @Size(max = 200) String name,
                          @RequestParam @Size(max = 20) String exposedPeople,
                          @RequestParam List<@Size(max = 200) String> substance,
                          @RequestParam List<MajorHazardRule.Category> category,
                          @RequestParam List<@Size(max = 40) String> quantity,
                          @RequestParam List<@Size(max = 40) String> critical,
                          Model model, RedirectAttributes redirect) {
        List<MajorHazardRule.Substance> substances = new ArrayList<>();
        int people;
        try {
            people = Integer.parseInt(exposedPeople.trim());
        } catch (NumberFormatException e) {
            return recordRefused(id, "majorHazard", "enterprises.hazard.people.number", new Object[] {exposedPeople},
                    model);
        }
        for (int i = 0; i < substance.size(); i++) {
            if (!substance.get(i).isBlank()) {
                try {
                    substances.add(new MajorHazardRule.Substance(substance.get(i), category.get(i),
                            new BigDecimal(quantity.get(i).trim()), new BigDecimal(critical.get(i).trim())));
                } catch (NumberFormatException | IndexOutOfBoundsException e) {
                    return recordRefused(id, "majorHazard", "enterprise.hazard.substance", new Object[] {i + 1}, model);
                }
            }
        }
        try {
            if (substances.isEmpty()) {
                throw new BusinessRuleException("substances[0]", "enterprise.hazard.substance", 1);
            }
            records.addMajorHazard(id, new MajorHazard(null, id, name, people, null, null, null, substances));
        } catch (BusinessRuleException e) {
            return recordRefused(id, "majorHazard", e.messageKey(), e.args(), model);
        }
        redirect.addFlashAttribute("flash", "enterprises.majorHazardAdded");
        return "redirect:/enterprises/" + id;
    }

    private String recordRefused(long id, String form, String key, Object[] args, Model model) {
        model.addAttribute("recordError", key);
        model.addAttribute("recordErrorArgs", args);
        model.addAttribute("typedRecord", form);
        return detail(id, model);
    }

    private void choices(Model model) {
        model.addAttribute("regions", regions.visible());
        model.addAttribute("industries", industries.industries());
        model.addAttribute("departments", departments.visible(null));
    }
}

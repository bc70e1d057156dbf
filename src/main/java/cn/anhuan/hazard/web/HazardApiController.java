package cn.anhuan.hazard.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import cn.anhuan.audit.AuditEntry;
import cn.anhuan.audit.AuditLog;
import cn.anhuan.hazard.HazardAction;
import cn.anhuan.hazard.HazardActionCommand;
import cn.anhuan.hazard.HazardExport;
import cn.anhuan.hazard.HazardList;
import cn.anhuan.hazard.HazardListing;
import cn.anhuan.hazard.HazardService;
import cn.anhuan.hazard.HazardView;
import cn.anhuan.hazard.Listing;
import cn.anhuan.hazard.ReportHazard;
import cn.anhuan.shared.BusinessRuleException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Hazards over JSON: report, list (keyset with {@code before}), detail with timeline, and the loop's actions. */
@RestController
@RequestMapping("/api/v1/hazards")
class HazardApiController {

    private final HazardService hazards;
    private final HazardList list;
    private final AuditLog auditLog;
    private final HazardListing listings;
    private final HazardExport exports;

    HazardApiController(HazardService hazards, HazardList list, AuditLog auditLog, HazardListing listings,
                        HazardExport exports) {
        this.list = list;
        this.exports = exports;
        this.listings = listings;
        this.hazards = hazards;
        this.auditLog = auditLog;
    }

    @GetMapping
    List<HazardView> search(@ParameterObject HazardQuery query, @RequestParam(required = false) Long before,
                            @RequestParam(required = false) Integer limit) {
        return list.search(query.filter(), before, limit == null ? 50 : Math.max(1, Math.min(limit, 500)));
    }

    /** The filtered list in the caller's scope as .xlsx (all pages, streamed). */
    @GetMapping("/export.xlsx")
    void export(@ParameterObject HazardQuery query, HttpServletResponse response) throws IOException {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"hazards.xlsx\"");
        exports.write(query.filter(), response.getOutputStream());
    }

    @GetMapping("/counts")
    Map<String, Long> counts() {
        return hazards.counts();
    }

    @GetMapping("/{id}")
    HazardView get(@PathVariable long id) {
        return hazards.get(id);
    }

    @GetMapping("/{id}/history")
    List<AuditEntry> history(@PathVariable long id) {
        return auditLog.history("hazard", hazards.get(id).id());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    HazardView report(@Valid @RequestBody ReportHazard report) {
        return hazards.report(report);
    }

    @GetMapping("/{id}/listing")
    ResponseEntity<Listing> listing(@PathVariable long id) {
        return listings.find(id).map(ResponseEntity::ok)
                .orElse(ResponseEntity.noContent().build());
    }

    @PostMapping("/{id}/listing")
    @ResponseStatus(HttpStatus.CREATED)
    Listing list(@PathVariable long id, @Valid @RequestBody Listing.Command command) {
        return listings.list(id, command);
    }

    @PostMapping("/{id}/listing/delist")
    Listing delist(@PathVariable long id, @Valid @RequestBody Listing.Command command) {
        return listings.delist(id, command.note());
    }

    /** Actions: assign, rectify-on-the-spot, submit, accept, reject, request-extension, decide-extension. */
    @PostMapping("/{id}/actions/{action}")
    HazardView act(@PathVariable long id, @PathVariable String action,
                   @Valid @RequestBody HazardActionCommand command) {
        HazardAction a;
        try {
            a = HazardAction.ofPath(action);
        } catch (IllegalArgumentException e) {
            throw new BusinessRuleException("action", "hazard.action.unknown", action);
        }
        return hazards.act(id, a, command);
    }
}

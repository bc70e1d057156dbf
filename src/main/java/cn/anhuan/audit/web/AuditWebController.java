package cn.anhuan.audit.web;

import java.time.LocalDate;
import java.util.List;

import cn.anhuan.audit.AuditCheckpoints;
import cn.anhuan.audit.AuditEntry;
import cn.anhuan.audit.AuditFilter;
import cn.anhuan.audit.AuditLog;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log viewer with filters and keyset paging, and the verification of the hash chain and its checkpoints. */
@Controller
class AuditWebController {

    private static final int PAGE = 50;

    private final AuditLog log;
    private final AuditCheckpoints checkpoints;

    AuditWebController(AuditLog log, AuditCheckpoints checkpoints) {
        this.log = log;
        this.checkpoints = checkpoints;
    }

    @GetMapping("/admin/audit")
    String list(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                @RequestParam(required = false) String entityType, @RequestParam(required = false) String entityId,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(required = false) Long before,
                @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        AuditFilter filter = new AuditFilter(actor, action, entityType, entityId, from, to, before);
        List<AuditEntry> entries = log.search(filter, PAGE);
        model.addAttribute("filter", filter);
        model.addAttribute("entries", entries);
        model.addAttribute("nextBefore", entries.size() == PAGE ? entries.get(entries.size() - 1).id() : null);
        model.addAttribute("latestCheckpoint", checkpoints.latest().orElse(null));
        model.addAttribute("fingerprint", checkpoints.fingerprint());
        return htmx != null ? "admin/audit :: rows" : "admin/audit";
    }

    @PostMapping("/admin/audit/verify")
    String verify(Model model) {
        model.addAttribute("verification", log.verify());
        return "admin/audit :: verification";
    }
}

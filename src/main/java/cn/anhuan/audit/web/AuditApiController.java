package cn.anhuan.audit.web;

import java.time.LocalDate;
import java.util.List;

import cn.anhuan.audit.AuditEntry;
import cn.anhuan.audit.AuditFilter;
import cn.anhuan.audit.AuditLog;
import cn.anhuan.audit.AuditVerification;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log and its verification over JSON (administrators only, by the security rules). */
@RestController
@RequestMapping("/api/v1/audit")
class AuditApiController {

    private final AuditLog log;

    AuditApiController(AuditLog log) {
        this.log = log;
    }

    @GetMapping
    List<AuditEntry> search(@RequestParam(required = false) String actor,
                            @RequestParam(required = false) String action,
                            @RequestParam(required = false) String entityType,
                            @RequestParam(required = false) String entityId,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                            @RequestParam(required = false) Long before,
                            @RequestParam(defaultValue = "100") int limit) {
        return log.search(new AuditFilter(actor, action, entityType, entityId, from, to, before),
                Math.max(1, Math.min(limit, 1000)));
    }

    @GetMapping("/verify")
    AuditVerification verify() {
        return log.verify();
    }
}

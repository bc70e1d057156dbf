package cn.anhuan.hazard.web;

import java.util.List;

import cn.anhuan.hazard.CitizenReportView;
import cn.anhuan.hazard.CitizenReports;
import cn.anhuan.hazard.HazardView;
import cn.anhuan.shared.BusinessRuleException;
import cn.anhuan.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Citizens' reports over JSON: public submission and tracking, and the county's triage queue. */
@RestController
@RequestMapping("/api/v1")
class CitizenReportApiController {

    private final CitizenReports reports;

    CitizenReportApiController(CitizenReports reports) {
        this.reports = reports;
    }

    @PostMapping("/public/citizen-reports")
    @ResponseStatus(HttpStatus.CREATED)
    Submitted submit(@RequestBody Submission s, HttpServletRequest request) {
        return new Submitted(reports.submit(s.regionCode(), s.place(), s.description(), s.reporterName(),
                s.reporterPhone(), request.getRemoteAddr()));
    }

    @GetMapping("/public/citizen-reports/{code}")
    CitizenReportView.Tracking track(@PathVariable String code) {
        return reports.track(code).orElseThrow(() -> new NotFoundException("citizen-report", code));
    }

    @GetMapping("/citizen-reports")
    List<CitizenReportView> queue(@RequestParam(required = false) String status) {
        return reports.queue(status);
    }

    @GetMapping("/citizen-reports/{id}")
    CitizenReportView get(@PathVariable long id) {
        return reports.get(id);
    }

    @PostMapping("/citizen-reports/{id}/actions/convert")
    HazardView convert(@PathVariable long id, @RequestBody Decision d) {
        if (d.enterpriseId() == null) {
            throw new BusinessRuleException("enterpriseId", "hazard.field.required", "enterpriseId");
        }
        return reports.convert(id, d.enterpriseId(), d.level(), d.basis(), d.category(), d.version());
    }

    @PostMapping("/citizen-reports/{id}/actions/dismiss")
    CitizenReportView dismiss(@PathVariable long id, @RequestBody Decision d) {
        return reports.dismiss(id, d.reason(), d.version());
    }

    /** A citizen's report. */
    record Submission(String regionCode, String place, String description, String reporterName, String reporterPhone) {
    }

    /** The tracking code handed back. */
    record Submitted(String trackingCode) {
    }

    /** A supervisor's decision on a report. */
    record Decision(Long enterpriseId, String level, String basis, String category, String reason, Integer version) {
    }
}

package cn.anhuan.hazard.web;

import java.util.List;

import cn.anhuan.hazard.CitizenReportView;
import cn.anhuan.hazard.CitizenReports;
import cn.anhuan.hazard.HazardView;
import cn.anhuan.shared.BusinessRuleException;
import cn.anhuan.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
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
    Submitted submit(@Valid @RequestBody Submission s, HttpServletRequest request) {
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
    HazardView convert(@PathVariable long id, @Valid @RequestBody Decision d) {
        if (d.enterpriseId() == null) {
            throw new BusinessRuleException("enterpriseId", "hazard.field.required", "enterpriseId");
        }
        return reports.convert(id, d.enterpriseId(), d.level(), d.basis(), d.category(), d.version());
    }

    @PostMapping("/citizen-reports/{id}/actions/dismiss")
    CitizenReportView dismiss(@PathVariable long id, @Valid @RequestBody Decision d) {
        return reports.dismiss(id, d.reason(), d.version());
    }

    /** A citizen's report. */
    record Submission(@Size(max = 12) String regionCode, @Size(max = 200) String place,
                      @Size(max = 2000) String description, @Size(max = 50) String reporterName,
                      @Size(max = 20) String reporterPhone) {
    }

    /** The tracking code handed back. */
    record Submitted(String trackingCode) {
    }

    /** A supervisor's decision on a report. */
    record Decision(Long enterpriseId, @Size(max = 10) String level, @Size(max = 500) String basis,
                    @Size(max = 20) String category, @Size(max = 2000) String reason, Integer version) {
    }
}

package cn.anhuan.risk.web;

import java.math.BigDecimal;
import java.util.List;

import cn.anhuan.audit.AuditEntry;
import cn.anhuan.audit.AuditLog;
import cn.anhuan.risk.RiskMap;
import cn.anhuan.risk.RiskMethod;
import cn.anhuan.risk.RiskPointCommand;
import cn.anhuan.risk.RiskPointView;
import cn.anhuan.risk.RiskService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Risk points, the grading bands and the risk map over JSON, within the caller's scope. */
@RestController
@RequestMapping("/api/v1")
class RiskApiController {

    private final RiskService risks;
    private final RiskMap map;
    private final AuditLog auditLog;

    RiskApiController(RiskService risks, RiskMap map, AuditLog auditLog) {
        this.risks = risks;
        this.map = map;
        this.auditLog = auditLog;
    }

    @GetMapping("/risk-points")
    List<RiskPointView> points(@RequestParam(required = false) Long enterprise) {
        return risks.points(enterprise);
    }

    @GetMapping("/risk-points/{id}")
    RiskPointView get(@PathVariable long id) {
        return risks.get(id);
    }

    @GetMapping("/risk-points/{id}/history")
    List<AuditEntry> history(@PathVariable long id) {
        return auditLog.history("risk-point", risks.get(id).id());
    }

    @PostMapping("/risk-points")
    @ResponseStatus(HttpStatus.CREATED)
    RiskPointView assess(@Valid @RequestBody RiskPointCommand command) {
        return risks.assess(command);
    }

    @PutMapping("/risk-points/{id}")
    RiskPointView reassess(@PathVariable long id, @Valid @RequestBody RiskPointCommand command) {
        return risks.reassess(id, command);
    }

    @GetMapping("/risk-bands")
    RiskService.Bands bands(@RequestParam RiskMethod method,
                            @RequestParam(required = false) @Size(max = 40) String industry) {
        return risks.bands(method, industry == null ? "*" : industry);
    }

    @PutMapping("/risk-bands")
    RiskService.Bands setBands(@RequestParam RiskMethod method,
                               @RequestParam(required = false) @Size(max = 40) String industry,
                               @RequestBody List<BigDecimal> lowerBounds) {
        return risks.setBands(method, industry, lowerBounds);
    }

    @GetMapping("/risk-map")
    List<RiskMap.Point> riskMap() {
        return map.points();
    }
}

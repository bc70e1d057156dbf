package cn.anhuan.enterprise.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import cn.anhuan.audit.AuditEntry;
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
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The enterprise registry over JSON: list with keyset paging, detail, create, change, history, import, export. */
@RestController
@RequestMapping("/api/v1/enterprises")
class EnterpriseApiController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final EnterpriseService enterprises;
    private final EnterpriseImport importer;
    private final AuditLog auditLog;
    private final MessageSource messages;
    private final EnterpriseRecords records;

    EnterpriseApiController(EnterpriseService enterprises, EnterpriseImport importer, AuditLog auditLog,
                            MessageSource messages, EnterpriseRecords records) {
        this.records = records;
        this.enterprises = enterprises;
        this.importer = importer;
        this.auditLog = auditLog;
        this.messages = messages;
    }

    @GetMapping
    List<EnterpriseView> search(@RequestParam(required = false) String q, @RequestParam(required = false) String region,
                                @RequestParam(required = false) String industry,
                                @RequestParam(required = false) String status,
                                @RequestParam(required = false) Long after,
                                @RequestParam(defaultValue = "50") int limit) {
        return enterprises.search(new EnterpriseFilter(q, region, industry, status), after,
                Math.max(1, Math.min(limit, 500)));
    }

    @GetMapping("/{id}")
    EnterpriseView get(@PathVariable long id) {
        return enterprises.get(id);
    }

    @GetMapping("/{id}/history")
    List<AuditEntry> history(@PathVariable long id) {
        return auditLog.history("enterprise", enterprises.get(id).id());
    }

    @PostMapping
    ResponseEntity<Answer> create(@Valid @RequestBody EnterpriseCommand command) {
        return ResponseEntity.status(HttpStatus.CREATED).body(answer(enterprises.create(command)));
    }

    @PutMapping("/{id}")
    Answer update(@PathVariable long id, @Valid @RequestBody EnterpriseCommand command) {
        return answer(enterprises.update(id, command));
    }

    /**
     * The details an enterprise keeps up to date itself (address, location, scale, employees, legal representative,
     * safety manager and phone): its own safety officer may change them, as may the registry's editors.
     */
    @PutMapping("/{id}/details")
    EnterpriseView updateDetails(@PathVariable long id, @Valid @RequestBody EnterpriseDetails details) {
        return enterprises.updateDetails(id, details);
    }

    @GetMapping("/{id}/licences")
    List<Licence> licences(@PathVariable long id) {
        return records.licences(id);
    }

    @PostMapping("/{id}/licences")
    @ResponseStatus(HttpStatus.CREATED)
    Licence addLicence(@PathVariable long id, @Valid @RequestBody Licence licence) {
        return records.addLicence(id, licence);
    }

    @GetMapping("/{id}/major-hazards")
    List<MajorHazard> majorHazards(@PathVariable long id) {
        return records.majorHazards(id);
    }

    @PostMapping("/{id}/major-hazards")
    @ResponseStatus(HttpStatus.CREATED)
    MajorHazard addMajorHazard(@PathVariable long id, @Valid @RequestBody MajorHazard hazard) {
        return records.addMajorHazard(id, hazard);
    }

    /** Licences in the caller's scope expiring within {@code days} (default 90) or already expired. */
    @GetMapping("/expiring-licences")
    List<EnterpriseRecords.ExpiringLicence> expiring(@RequestParam(defaultValue = "90") int days) {
        return records.expiring(Math.max(0, Math.min(days, 3650)));
    }

    @GetMapping("/export.xlsx")
    void export(@RequestParam(required = false) String q, @RequestParam(required = false) String region,
                @RequestParam(required = false) String industry, @RequestParam(required = false) String status,
                HttpServletResponse response) throws IOException {
        response.setContentType(XLSX);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"enterprises.xlsx\"");
        importer.export(new EnterpriseFilter(q, region, industry, status), response.getOutputStream());
    }

    @GetMapping("/template.xlsx")
    ResponseEntity<byte[]> template() throws IOException {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"enterprise-template.xlsx\"")
                .body(importer.template());
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportAnswer> importFile(@RequestParam("file") MultipartFile file,
                                            @RequestParam(defaultValue = "false") boolean dryRun) throws IOException {
        try (InputStream in = file.getInputStream()) {
            EnterpriseImportReport report = importer.importFile(in, dryRun);
            ImportAnswer answer = new ImportAnswer(report.rowsRead(), report.created(), report.dryRun(),
                    translate(report.errors()), translate(report.warnings()), report.examplesSkipped());
            return report.ok() ? ResponseEntity.ok(answer) : ResponseEntity.badRequest().body(answer);
        }
    }

    private List<ImportAnswer.Problem> translate(List<EnterpriseImportReport.RowProblem> problems) {
        return problems.stream().map(p -> new ImportAnswer.Problem(p.row(), p.field(),
                messages.getMessage("enterprise.column." + p.field(), null, p.field(), LocaleContextHolder.getLocale()),
                messages.getMessage(p.messageKey(), p.args(), p.messageKey(), LocaleContextHolder.getLocale())))
                .toList();
    }

    private Answer answer(EnterpriseService.Saved saved) {
        return new Answer(saved.enterprise(), saved.warnings().stream().map(w -> Map.of("field", w.field(),
                "message", messages.getMessage(w.messageKey(), w.args(), w.messageKey(),
                        LocaleContextHolder.getLocale()))).toList());
    }

    /** A saved enterprise with the warnings its data raised. */
    record Answer(EnterpriseView enterprise, List<Map<String, String>> warnings) {
    }

    /** An import's outcome, translated; {@code examplesSkipped} are the template's marked sample rows. */
    record ImportAnswer(int rowsRead, int created, boolean dryRun, List<Problem> errors, List<Problem> warnings,
                        List<Integer> examplesSkipped) {

        /** A problem of one row: the field, its column's name in the caller's language, and the reason. */
        record Problem(int row, String field, String column, String message) {
        }
    }
}

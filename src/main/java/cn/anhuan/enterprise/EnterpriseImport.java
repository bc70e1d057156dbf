package cn.anhuan.enterprise;

import static cn.anhuan.shared.Texts.trimToNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.anhuan.audit.AuditTrail;
import cn.anhuan.enterprise.EnterpriseImportReport.RowProblem;
import cn.anhuan.organization.CodeName;
import cn.anhuan.organization.IndustryService;
import cn.anhuan.shared.InvalidInputException.FieldProblem;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Enterprise import from Excel (.xlsx) or CSV, with a template and a dry run; every problem of every row is
 * reported at once with its row number, field and reason, and nothing is written unless every row is good. The
 * template's sample row is marked ({@link EnterpriseColumns#EXAMPLE}) and skipped, and the report names it. A file over its budgets (size,
 * rows, an .xlsx that expands too far) is refused as a whole ({@link cn.anhuan.shared.BusinessRuleException}
 * on field {@code file}). Export of any filtered list.
 */
@Service
public class EnterpriseImport {

    static final int MAX_REPORTED = 2_000;

    private final EnterpriseService enterprises;
    private final EnterpriseRules rules;
    private final IndustryService industries;
    private final AuditTrail audit;
    private final ImportFileReader reader;

    EnterpriseImport(EnterpriseService enterprises, EnterpriseRules rules, IndustryService industries,
                     AuditTrail audit, ImportFileReader reader) {
        this.enterprises = enterprises;
        this.rules = rules;
        this.industries = industries;
        this.audit = audit;
        this.reader = reader;
    }

    /**
     * The empty template with its header and one sample row: an obviously fictitious enterprise in valid form,
     * marked as the example in the last column so that the import skips it (and says so).
     */
    public byte[] template() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("enterprises");
            Row header = sheet.createRow(0);
            Row example = sheet.createRow(1);
            String[] sample = {CreditCode.complete("9114100200000000"), "示例化工有限公司（虚构，导入时跳过）", "141002", "",
                    "尧都区示例路 1 号", "36.08", "111.52", "HAZARDOUS_CHEMICALS", "C26", "MEDIUM", "120", "张示例",
                    "李示例", "0357-0000000", "2", "true", "OPERATING", EnterpriseColumns.EXAMPLE_MARK};
            List<EnterpriseColumns.Column> columns = new ArrayList<>(EnterpriseColumns.ALL);
            columns.add(EnterpriseColumns.EXAMPLE);
            for (int i = 0; i < columns.size(); i++) {
                header.createCell(i).setCellValue(columns.get(i).header());
                example.createCell(i).setCellValue(sample[i]);
                sheet.setColumnWidth(i, 22 * 256);
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    @Transactional
    @PreAuthorize(EnterpriseService.EDITORS)
    public EnterpriseImportReport importFile(InputStream in, boolean dryRun) throws IOException {
        List<Map<String, String>> rows = reader.read(in);
        var industryList = industries.industries();
        List<RowProblem> errors = new ArrayList<>();
        List<RowProblem> warnings = new ArrayList<>();
        List<EnterpriseCommand> commands = new ArrayList<>(rows.size());
        List<Integer> examples = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int errorCount = 0;
        for (int i = 0; i < rows.size(); i++) {
            int rowNo = i + 2;
            Map<String, String> r = rows.get(i);
            if (EnterpriseColumns.isExample(r)) {
                examples.add(rowNo);
                continue;
            }
            List<FieldProblem> problems = problems(r, industryList, seen, warnings, rowNo);
            if (!problems.isEmpty()) {
                errorCount++;
                for (FieldProblem p : problems) {
                    if (errors.size() < MAX_REPORTED) {
                        errors.add(new RowProblem(rowNo, p.field(), p.messageKey(), p.args()));
                    }
                }
            } else {
                commands.add(command(r, new ArrayList<>()));
            }
        }
        if (errorCount > 0 || dryRun) {
            return new EnterpriseImportReport(rows.size(), 0, dryRun, errors, warnings, examples);
        }
        List<AuditTrail.Change> changes = new ArrayList<>(commands.size());
        Map<String, Long> departments = new HashMap<>();
        for (EnterpriseCommand c : commands) {
            Long dept = c.departmentId() != null ? c.departmentId() : departments.computeIfAbsent(
                    c.regionCode().trim() + "/" + c.industryCode().trim(),
                    k -> rules.derivedDepartment(c.regionCode().trim(), c.industryCode().trim()));
            long id = enterprises.insert(c, dept);
            Map<String, Object> fields = new java.util.LinkedHashMap<>();
            fields.put("creditCode", CreditCode.normalise(c.creditCode()));
            fields.put("name", c.name().trim());
            fields.put("regionCode", c.regionCode().trim());
            fields.put("industryCode", c.industryCode().trim());
            changes.add(new AuditTrail.Change("enterprise.imported", "enterprise", id, c.regionCode().trim(), null,
                    fields));
        }
        audit.recordAll(changes);
        return new EnterpriseImportReport(rows.size(), commands.size(), false, errors, warnings, examples);
    }

    /** Writes every enterprise of the filtered, scoped list as .xlsx (streamed, any size). */
    @Transactional(readOnly = true)
    public void export(EnterpriseFilter filter, OutputStream out) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            Sheet sheet = wb.createSheet("enterprises");
            Row header = sheet.createRow(0);
            for (int i = 0; i < EnterpriseColumns.ALL.size(); i++) {
                header.createCell(i).setCellValue(EnterpriseColumns.ALL.get(i).header());
            }
            int rowNo = 1;
            Long after = 0L;
            while (true) {
                List<EnterpriseView> page = enterprises.search(filter, after, 1000);
                for (EnterpriseView e : page) {
                    Row row = sheet.createRow(rowNo++);
                    Object[] v = {e.creditCode(), e.name(), e.regionCode(), e.zoneCode(), e.address(), e.latitude(),
                            e.longitude(), e.industryCode(), e.gbt4754Code(), e.scale(), e.employees(),
                            e.legalRepresentative(), e.safetyManager(), e.safetyManagerPhone(),
                            e.standardizationGrade(), e.keyPollutantUnit(), e.status()};
                    for (int i = 0; i < v.length; i++) {
                        row.createCell(i).setCellValue(v[i] == null ? "" : v[i].toString());
                    }
                }
                if (page.size() < 1000) {
                    break;
                }
                after = page.get(page.size() - 1).id();
            }
            wb.write(out);
            wb.dispose();
        }
    }

    /**
     * Every problem of one row at once: each cell's format, then the record's rules on whatever could be read (a
     * field whose cell is already wrong is not reported twice), then the credit code's uniqueness.
     */
    private List<FieldProblem> problems(Map<String, String> r, List<CodeName> industryList, Set<String> seen,
                                        List<RowProblem> warnings, int rowNo) {
        List<FieldProblem> problems = new ArrayList<>();
        EnterpriseCommand c = command(r, problems);
        Set<String> unreadable = new HashSet<>();
        problems.forEach(p -> unreadable.add(p.field()));
        EnterpriseRules.Outcome outcome = rules.check(c, industryList);
        outcome.errors().stream().filter(p -> !unreadable.contains(p.field())).forEach(problems::add);
        outcome.warnings().forEach(w -> warnings.add(new RowProblem(rowNo, w.field(), w.messageKey(), w.args())));
        if (CreditCode.check(c.creditCode()) == CreditCode.Check.OK) {
            String code = CreditCode.normalise(c.creditCode());
            if (!seen.add(code)) {
                problems.add(new FieldProblem("creditCode", "enterprise.import.duplicate", code));
            } else if (enterprises.creditCodeTaken(code)) {
                problems.add(new FieldProblem("creditCode", "enterprise.creditCode.taken", code));
            }
        }
        return problems;
    }

    /** The row as a command; a cell that cannot be read is added to {@code problems} and left empty. */
    private static EnterpriseCommand command(Map<String, String> r, List<FieldProblem> problems) {
        BigDecimal lat = decimal(r, "latitude", problems);
        BigDecimal lon = decimal(r, "longitude", problems);
        Integer employees = integer(r, "employees", problems);
        Integer grade = integer(r, "standardization_grade", problems);
        String key = r.getOrDefault("key_pollutant_unit", "").trim().toLowerCase(java.util.Locale.ROOT);
        Boolean keyUnit = key.isEmpty() || key.equals("false") || key.equals("否") || key.equals("0") ? Boolean.FALSE
                : key.equals("true") || key.equals("是") || key.equals("1") ? Boolean.TRUE : null;
        if (keyUnit == null) {
            problems.add(new FieldProblem("keyPollutantUnit", "enterprise.import.boolean", r.get("key_pollutant_unit")));
        }
        require(r, "credit_code", problems);
        require(r, "name", problems);
        require(r, "region_code", problems);
        require(r, "industry_code", problems);
        String scale = r.getOrDefault("scale", "").trim().toUpperCase(java.util.Locale.ROOT);
        if (!scale.isEmpty() && !Set.of("LARGE", "MEDIUM", "SMALL", "MICRO").contains(scale)) {
            problems.add(new FieldProblem("scale", "enterprise.import.scale", scale));
            scale = "";
        }
        String status = r.getOrDefault("status", "").trim().toUpperCase(java.util.Locale.ROOT);
        if (!status.isEmpty() && !Set.of("OPERATING", "SUSPENDED", "CLOSED").contains(status)) {
            problems.add(new FieldProblem("status", "enterprise.import.status", status));
            status = "";
        }
        if (grade != null && (grade < 1 || grade > 3)) {
            problems.add(new FieldProblem("standardizationGrade", "enterprise.import.grade", grade));
            grade = null;
        }
        return new EnterpriseCommand(r.get("credit_code"), r.get("name"), r.get("region_code"), r.get("zone_code"),
                r.get("address"), lat, lon, r.get("industry_code"), trimToNull(r.get("gbt4754_code")), null,
                trimToNull(scale), employees, r.get("legal_representative"), r.get("safety_manager"),
                trimToNull(r.get("safety_manager_phone")), grade, keyUnit == null ? Boolean.FALSE : keyUnit,
                trimToNull(status), null);
    }

    private static void require(Map<String, String> r, String key, List<FieldProblem> problems) {
        if (r.get(key) == null || r.get(key).isBlank()) {
            problems.add(new FieldProblem(EnterpriseColumns.field(key), "enterprise.import.required", key));
        }
    }

    private static BigDecimal decimal(Map<String, String> r, String key, List<FieldProblem> problems) {
        String v = trimToNull(r.get(key));
        try {
            return v == null ? null : new BigDecimal(v);
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(EnterpriseColumns.field(key), "enterprise.import.number", v));
            return null;
        }
    }

    private static Integer integer(Map<String, String> r, String key, List<FieldProblem> problems) {
        String v = trimToNull(r.get(key));
        try {
            return v == null ? null : Integer.valueOf(v);
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(EnterpriseColumns.field(key), "enterprise.import.number", v));
            return null;
        }
    }
}

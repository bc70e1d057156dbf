package cn.anhuan.enterprise;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.sql.Connection;
import java.util.Map;
import java.util.Random;

import javax.sql.DataSource;

import cn.anhuan.BenchApp;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.postgresql.PGConnection;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * 10,000 enterprises imported from an .xlsx file through the platform's importer (parse, check every row,
 * derive the supervising department, insert, audit every record), against a raw COPY of the same rows into
 * the same table in the same run. Durable embedded PostgreSQL with the Linfen organisation, fresh data.
 */
public final class EnterpriseImportBenchmark {

    static final int ROWS = 10_000;

    public static void main(String[] args) throws Exception {
        try (ConfigurableApplicationContext context = BenchApp.start(Map.of())) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            jdbc.sql("truncate enterprise.enterprise").update();
            var admin = context.getBean(UserDetailsService.class).loadUserByUsername("admin");
            SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
            String[] counties = {"141002", "141021", "141022", "141023", "141024", "141025", "141026", "141027",
                    "141028", "141029", "141030", "141031", "141032", "141033", "141034", "141081", "141082"};
            String[] industries = {"COAL_MINE", "NON_COAL_MINE", "HAZARDOUS_CHEMICALS", "FIREWORKS", "METALLURGY_TRADE",
                    "ROAD_TRANSPORT", "CONSTRUCTION", "GAS_SUPPLY"};
            Random random = new Random(10_000);
            String[][] rows = new String[ROWS][];
            java.util.Set<String> codes = new java.util.HashSet<>();
            for (int i = 0; i < ROWS; i++) {
                String county = counties[random.nextInt(counties.length)];
                String code;
                do {
                    StringBuilder body = new StringBuilder("91").append(county).append("MA");
                    for (int k = 0; k < 6; k++) {
                        body.append(CreditCode.CHARSET.charAt(random.nextInt(CreditCode.CHARSET.length())));
                    }
                    code = CreditCode.complete(body.toString());
                } while (!codes.add(code));
                rows[i] = new String[] {code, "基准企业" + i + "有限公司", county,
                        industries[random.nextInt(industries.length)], Integer.toString(10 + random.nextInt(500))};
            }
            byte[] xlsx = workbook(rows);
            EnterpriseImport importer = context.getBean(EnterpriseImport.class);

            long t0 = System.nanoTime();
            EnterpriseImportReport report = importer.importFile(new ByteArrayInputStream(xlsx), false);
            long t1 = System.nanoTime();
            if (!report.ok() || report.created() != ROWS) {
                throw new IllegalStateException("import failed: " + report.errors().size() + " errors");
            }
            jdbc.sql("truncate enterprise.enterprise").update();
            StringBuilder copy = new StringBuilder();
            for (String[] r : rows) {
                copy.append(r[0]).append('\t').append(r[1]).append('\t').append(r[2]).append('\t').append(r[3])
                        .append('\t').append(r[4]).append("\t2026-11-30T00:00:00Z\t2026-11-30T00:00:00Z\n");
            }
            long t2 = System.nanoTime();
            try (Connection c = context.getBean(DataSource.class).getConnection()) {
                c.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                        copy enterprise.enterprise (credit_code, name, region_code, industry_code, employees, created_at,
                                                    updated_at) from stdin""", new StringReader(copy.toString()));
            }
            long t3 = System.nanoTime();
            System.out.printf("xlsx import of %d enterprises (parse, check, derive department, insert, audit each): %.1f s (target < 30 s)%n",
                    ROWS, (t1 - t0) / 1e9);
            System.out.printf("baseline raw COPY of the same rows into enterprise.enterprise: %.2f s%n", (t3 - t2) / 1e9);
        }
    }

    static byte[] workbook(String[][] rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet();
            Row header = sheet.createRow(0);
            String[] keys = {"credit_code", "name", "region_code", "industry_code", "employees"};
            for (int c = 0; c < keys.length; c++) {
                header.createCell(c).setCellValue(keys[c]);
            }
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }
}

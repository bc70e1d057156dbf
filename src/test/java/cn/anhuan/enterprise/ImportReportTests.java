package cn.anhuan.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.anhuan.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The import's report over the API: one dry run names every problem of every row (not the first kind of problem
 * per row, then the next kind on the next upload), each with its column's name; the template's sample row is a
 * fictitious enterprise in valid form, marked as the example, and an unchanged template imports nothing.
 */
@IntegrationTest
class ImportReportTests {

    private static final String REGISTERED = "911410023123456732";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aDryRunReportsEveryProblemOfEveryRowAtOnceAndStoresNothing() throws Exception {
        String good = CreditCode.complete("9114102612345609");
        String csv = """
                credit_code,name,region_code,industry_code,latitude,employees,scale,standardization_grade,key_pollutant_unit,status
                91350200776049653B,坏代码企业,999999,NON_COAL_MINE,36.1,many,HUGE,2,否,OPERATING
                %s,多错企业,141026,NO_SUCH_INDUSTRY,north,30,SMALL,2,否,OPEN
                %s,,141026,NON_COAL_MINE,36.1,30,SMALL,7,maybe,OPERATING
                """.formatted(good, REGISTERED);
        String body = mvc.perform(multipart("/api/v1/enterprises/import").file(new MockMultipartFile("file", "e.csv",
                        "text/csv", csv.getBytes(StandardCharsets.UTF_8))).param("dryRun", "true")
                        .with(httpBasic("city.safety", IntegrationTest.PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.rowsRead").value(3)).andExpect(jsonPath("$.created").value(0))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<Map<String, Object>> errors = JsonPath.read(body, "$.errors");
        List<String> found = new ArrayList<>();
        errors.forEach(e -> found.add(e.get("row") + ":" + e.get("field")));
        assertThat(found).as(body).contains(
                "2:creditCode", "2:regionCode", "2:employees", "2:scale",
                "3:industryCode", "3:latitude", "3:status",
                "4:name", "4:keyPollutantUnit", "4:standardizationGrade", "4:creditCode");
        assertThat(found).as("a field whose cell is already wrong is reported once").doesNotHaveDuplicates();
        assertThat(errors).filteredOn(e -> e.get("row").equals(4) && e.get("field").equals("creditCode"))
                .singleElement().satisfies(e -> {
                    assertThat(e.get("column")).isEqualTo("统一社会信用代码");
                    assertThat((String) e.get("message")).contains(REGISTERED);
                });
        assertThat(jdbc.sql("select count(*) from enterprise.enterprise where credit_code = :c").param("c", good)
                .query(Long.class).single()).isZero();
    }

    @Test
    void theTemplatesSampleIsFictitiousValidAndSkippedWhenUploadedUnchanged() throws Exception {
        byte[] template = mvc.perform(get("/api/v1/enterprises/template.xlsx")
                        .with(httpBasic("city.safety", IntegrationTest.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<String> header = new ArrayList<>();
        List<String> sample = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            DataFormatter f = new DataFormatter();
            Row h = wb.getSheetAt(0).getRow(0);
            Row s = wb.getSheetAt(0).getRow(1);
            for (int c = 0; c < h.getLastCellNum(); c++) {
                header.add(f.formatCellValue(h.getCell(c)));
                sample.add(f.formatCellValue(s.getCell(c)));
            }
        }
        String code = sample.get(0);
        assertThat(code).isNotEqualTo(REGISTERED);
        assertThat(CreditCode.check(code)).isEqualTo(CreditCode.Check.OK);
        assertThat(jdbc.sql("select count(*) from enterprise.enterprise where credit_code = :c").param("c", code)
                .query(Long.class).single()).as("the sample is no registered enterprise").isZero();
        assertThat(header.get(header.size() - 1)).isEqualTo("示例行标记(example)");
        assertThat(sample.get(sample.size() - 1)).isEqualTo("示例");

        for (boolean dryRun : new boolean[] {true, false}) {
            mvc.perform(multipart("/api/v1/enterprises/import").file(new MockMultipartFile("file", "t.xlsx",
                            "application/octet-stream", template)).param("dryRun", String.valueOf(dryRun))
                            .with(httpBasic("city.safety", IntegrationTest.PASSWORD)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.errors").isEmpty()).andExpect(jsonPath("$.created").value(0))
                    .andExpect(jsonPath("$.examplesSkipped[0]").value(2));
        }
        assertThat(jdbc.sql("select count(*) from enterprise.enterprise where credit_code = :c").param("c", code)
                .query(Long.class).single()).isZero();

        String unmarked = String.join(",", header.subList(0, header.size() - 1)) + "\n"
                + String.join(",", sample.subList(0, sample.size() - 1)) + "\n";
        mvc.perform(multipart("/api/v1/enterprises/import").file(new MockMultipartFile("file", "t.csv", "text/csv",
                        unmarked.getBytes(StandardCharsets.UTF_8))).param("dryRun", "true")
                        .with(httpBasic("city.safety", IntegrationTest.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.errors").isEmpty())
                .andExpect(jsonPath("$.examplesSkipped").isEmpty());
    }
}

package cn.anhuan.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import cn.anhuan.shared.BusinessRuleException;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The import reader's budgets with small limits (POI's ZIP limits are JVM-wide: restored after each test). */
class ImportFileReaderTests {

    private static final long MB = 1024 * 1024;

    @AfterEach
    void restoreDefaults() {
        new ImportFileReader(new ImportProperties(10 * MB, 50_000, 100 * MB, 0.01));
    }

    @Test
    void readsTheSheetAsStreamedRowsByColumn() throws Exception {
        ImportFileReader reader = new ImportFileReader(new ImportProperties(10 * MB, 10, 100 * MB, 0.01));
        var rows = reader.read(new ByteArrayInputStream(workbook(3)));
        assertThat(rows).hasSize(3);
        assertThat(rows.get(2)).containsEntry("credit_code", "code-3").containsEntry("name", "名称 3");
    }

    @Test
    void aPartThatExpandsBeyondTheEntryLimitIsRefusedNamingIt() throws Exception {
        ImportFileReader reader = new ImportFileReader(new ImportProperties(10 * MB, 50_000, 1 * MB, 0.01));
        // 3 MB of random digits: compresses only about 2:1, so only the size limit stops it.
        byte[] xlsx = ImportBudgetTests.replaceSheet(workbook(1), out -> {
            Random random = new Random(7);
            byte[] digits = new byte[3 * 1024 * 1024];
            for (int i = 0; i < digits.length; i++) {
                digits[i] = (byte) ('0' + random.nextInt(10));
            }
            out.write(("<!--" + new String(digits, StandardCharsets.US_ASCII) + "-->").getBytes(StandardCharsets.US_ASCII));
        });
        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(xlsx)))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("enterprise.import.zipEntry");
                    assertThat(e.args()).containsExactly(ImportBudgetTests.SHEET, 1L);
                });
    }

    @Test
    void moreRowsThanTheBudgetInASheetAreRefused() throws Exception {
        ImportFileReader reader = new ImportFileReader(new ImportProperties(10 * MB, 4, 100 * MB, 0.01));
        assertThat(reader.read(new ByteArrayInputStream(workbook(4)))).hasSize(4);
        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(workbook(5))))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("enterprise.import.tooManyRows"));
    }

    @Test
    void aCsvKeepsQuotedCommasQuotesAndLineBreaksAndSkipsItsByteOrderMark() throws Exception {
        ImportFileReader reader = new ImportFileReader(new ImportProperties(10 * MB, 10, 100 * MB, 0.01));
        byte[] csv = ("\uFEFFname,address\n"
                + "\"临汾\"\"示例\"\"化工, 有限公司\",\"尧都区\n解放路 1 号\"\n"
                + "\n"
                + "第二家,  南街  \n").getBytes(StandardCharsets.UTF_8);
        var rows = reader.read(new ByteArrayInputStream(csv));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("name", "临汾\"示例\"化工, 有限公司")
                .containsEntry("address", "尧都区\n解放路 1 号");
        assertThat(rows.get(1)).containsEntry("name", "第二家").containsEntry("address", "南街");
    }

    @Test
    void aFileOverTheSizeBudgetIsRefusedBeforeItIsRead() {
        ImportFileReader reader = new ImportFileReader(new ImportProperties(MB, 50_000, 100 * MB, 0.01));
        byte[] csv = ("credit_code\n" + "x\n".repeat(600_000)).getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(csv)))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("enterprise.import.tooLarge");
                    assertThat(e.args()).containsExactly(1L);
                });
    }

    @Test
    void aBrokenZipIsUnreadableNotAServerError() {
        ImportFileReader reader = new ImportFileReader(new ImportProperties(10 * MB, 50_000, 100 * MB, 0.01));
        byte[] notReally = "PK\u0003\u0004 and then nothing of a workbook".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(notReally)))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("enterprise.import.unreadable"));
    }

    private static byte[] workbook(int dataRows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet();
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("统一社会信用代码(credit_code)");
            header.createCell(2).setCellValue("企业名称(name)");
            for (int r = 1; r <= dataRows; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue("code-" + r);
                row.createCell(2).setCellValue("名称 " + r);
            }
            wb.write(out);
            return out.toByteArray();
        }
    }
}

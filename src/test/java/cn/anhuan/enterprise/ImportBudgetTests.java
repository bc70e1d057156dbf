package cn.anhuan.enterprise;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import cn.anhuan.IntegrationTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An import file cannot expand into unbounded work: a highly compressible .xlsx (a zip bomb) and a file with
 * more rows than the budget are refused with a translated 400 that names the cause, on the API and the page.
 */
@IntegrationTest
class ImportBudgetTests {

    static final String SHEET = "xl/worksheets/sheet1.xml";

    @Autowired
    MockMvc mvc;
    @Autowired
    EnterpriseImport importer;
    @Autowired
    UserDetailsService accounts;

    @Test
    void aZipBombXlsxIsRefusedNamingThePart() throws Exception {
        byte[] bomb = bomb(importer.template(), 64);
        mvc.perform(multipart("/api/v1/enterprises/import").file(new MockMultipartFile("file", "bomb.xlsx",
                        "application/octet-stream", bomb)).param("dryRun", "true")
                        .with(httpBasic("city.safety", IntegrationTest.PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/invalid"))
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.detail").value(Matchers.allOf(Matchers.containsString(SHEET),
                        Matchers.containsString("100 倍"), Matchers.containsString("压缩炸弹"))));
        mvc.perform(multipart("/enterprises/import").file(new MockMultipartFile("file", "bomb.xlsx",
                        "application/octet-stream", bomb))
                        .with(user(accounts.loadUserByUsername("city.safety"))).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("id=\"enterprise-import-error\""),
                        Matchers.containsString("疑似压缩炸弹"))));
    }

    @Test
    void moreRowsThanTheBudgetAreRefusedNotCutOff() throws Exception {
        StringBuilder csv = new StringBuilder("credit_code,name\n");
        for (int i = 0; i <= 50_000; i++) {
            csv.append("x,").append(i).append('\n');
        }
        mvc.perform(multipart("/api/v1/enterprises/import").file(new MockMultipartFile("file", "many.csv",
                        "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8))).param("dryRun", "true")
                        .header("Accept-Language", "en").with(httpBasic("city.safety", IntegrationTest.PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("The import file has more than 50,000 rows; please import it in parts."));
    }

    /** The workbook with {@code megabytes} MB of blanks inside its sheet: a few KB compressed, ratio ~1:1000. */
    static byte[] bomb(byte[] xlsx, int megabytes) throws Exception {
        return replaceSheet(xlsx, (ZipOutputStream out) -> {
            byte[] blanks = new byte[1024 * 1024];
            java.util.Arrays.fill(blanks, (byte) ' ');
            for (int i = 0; i < megabytes; i++) {
                out.write(blanks, 0, blanks.length);
            }
        });
    }

    /** The workbook with {@code padding} written into its first sheet right after {@code <sheetData>}. */
    static byte[] replaceSheet(byte[] xlsx, IoConsumer<ZipOutputStream> padding) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] data = in.readAllBytes();
                out.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals(SHEET)) {
                    String xml = new String(data, StandardCharsets.UTF_8);
                    int at = xml.indexOf("<sheetData>") + "<sheetData>".length();
                    out.write(xml.substring(0, at).getBytes(StandardCharsets.UTF_8));
                    padding.accept(out);
                    out.write(xml.substring(at).getBytes(StandardCharsets.UTF_8));
                } else {
                    out.write(data);
                }
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** A consumer that may throw. */
    interface IoConsumer<T> {
        void accept(T t) throws Exception;
    }
}

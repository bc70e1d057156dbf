package cn.anhuan.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import cn.anhuan.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The registry: validation, derived department, scope, optimistic locking, import with bad rows, export. */
@IntegrationTest
class EnterpriseTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService details;

    @Test
    void theDemoRegistryIsSizedLikeTheCity() {
        long perCounty = jdbc.sql("select min(n) from (select count(*) n from enterprise.enterprise group by region_code) c")
                .query(Long.class).single();
        assertThat(perCounty).isGreaterThanOrEqualTo(150);
        assertThat(jdbc.sql("select count(*) from enterprise.enterprise where department_id is null")
                .query(Long.class).single()).as("every demo enterprise has a supervising department").isZero();
    }

    @Test
    void aNewEnterpriseGetsItsSupervisingDepartmentFromTheResponsibilityMap() throws Exception {
        String code = CreditCode.complete("9114102312345601");
        String body = mvc.perform(post("/api/v1/enterprises").with(as("city.safety")).contentType(MediaType.APPLICATION_JSON)
                        .content(json(code, "襄汾测试煤业有限公司", "141023", "COAL_MINE")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.warnings").isEmpty())
                .andReturn().getResponse().getContentAsString();
        Number dept = JsonPath.read(body, "$.enterprise.departmentId");
        assertThat(jdbc.sql("select kind || '/' || region_code from organization.department where id = :id")
                .param("id", dept.longValue()).query(String.class).single()).isEqualTo("ENERGY/141023");
    }

    @Test
    void invalidCodesAndFieldsAreAllNamed() throws Exception {
        mvc.perform(post("/api/v1/enterprises").with(as("city.safety")).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json("91350200776049653B", "x", "141000", "NO_SUCH_INDUSTRY")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", Matchers.containsInAnyOrder("creditCode", "regionCode",
                        "industryCode")))
                .andExpect(jsonPath("$.errors[?(@.field=='creditCode')].message",
                        Matchers.hasItem(Matchers.containsString("check character"))));
    }

    @Test
    void aCodeRegisteredElsewhereIsOnlyAWarning() throws Exception {
        String code = CreditCode.complete("9114102412345602");
        mvc.perform(post("/api/v1/enterprises").with(as("city.safety")).contentType(MediaType.APPLICATION_JSON)
                        .content(json(code, "登记在洪洞的企业", "141029", "METALLURGY_TRADE")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.warnings[0].field").value("creditCode"));
    }

    @Test
    void aCountySupervisorRegistersOnlyInItsCounty() throws Exception {
        String code = CreditCode.complete("9114108112345603");
        mvc.perform(post("/api/v1/enterprises").with(as("yaodu.safety")).contentType(MediaType.APPLICATION_JSON)
                        .content(json(code, "侯马某企业", "141081", "FIREWORKS")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("regionCode"));
        mvc.perform(post("/api/v1/enterprises").with(as("yaodu.inspector")).contentType(MediaType.APPLICATION_JSON)
                        .content(json(code, "x", "141002", "FIREWORKS")))
                .andExpect(status().isForbidden());
    }

    @Test
    void concurrentEditsDoNotOverwriteEachOther() throws Exception {
        String code = CreditCode.complete("9114102512345604");
        String created = mvc.perform(post("/api/v1/enterprises").with(as("city.safety"))
                        .contentType(MediaType.APPLICATION_JSON).content(json(code, "古县原名", "141025", "TOURISM")))
                .andReturn().getResponse().getContentAsString();
        int id = JsonPath.read(created, "$.enterprise.id");
        String first = json(code, "古县甲改", "141025", "TOURISM").replace("}", ",\"version\":0}");
        String second = json(code, "古县乙改", "141025", "TOURISM").replace("}", ",\"version\":0}");
        mvc.perform(put("/api/v1/enterprises/" + id).with(as("city.safety")).contentType(MediaType.APPLICATION_JSON)
                .content(first)).andExpect(status().isOk());
        mvc.perform(put("/api/v1/enterprises/" + id).with(as("city.env")).contentType(MediaType.APPLICATION_JSON)
                .content(second)).andExpect(status().isConflict());
        mvc.perform(get("/api/v1/enterprises/" + id).with(as("leader"))).andExpect(jsonPath("$.name").value("古县甲改"));
        mvc.perform(get("/api/v1/enterprises/" + id + "/history").with(as("leader")))
                .andExpect(jsonPath("$[*].action", Matchers.contains("enterprise.created", "enterprise.updated")));
    }

    @Test
    void anImportWithBadRowsReportsEveryOneAndStoresNothing() throws Exception {
        String good = CreditCode.complete("9114102612345605");
        String csv = """
                credit_code,name,region_code,industry_code,employees,key_pollutant_unit
                %s,安泽好企业,141026,NON_COAL_MINE,30,否
                91350200776049653B,坏代码,141026,NON_COAL_MINE,30,否
                %s,重复代码,141026,NON_COAL_MINE,30,否
                %s,人数不对,141026,NON_COAL_MINE,many,否
                ,缺代码,141026,NON_COAL_MINE,30,否
                """.formatted(good, good, CreditCode.complete("9114102612345606"));
        mvc.perform(multipart("/api/v1/enterprises/import").file(new MockMultipartFile("file", "e.csv", "text/csv",
                        csv.getBytes(StandardCharsets.UTF_8))).with(as("city.safety")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.rowsRead").value(5))
                .andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.errors[*].row", Matchers.containsInAnyOrder(3, 4, 5, 6)));
        assertThat(jdbc.sql("select count(*) from enterprise.enterprise where credit_code = :c").param("c", good)
                .query(Long.class).single()).isZero();
    }

    @Test
    void anExcelImportIsCheckedFirstThenStoredWithItsAuditTrail() throws Exception {
        String a = CreditCode.complete("9114102712345607");
        String b = CreditCode.complete("9114102712345608");
        byte[] xlsx = workbook(new String[][] {
                {"统一社会信用代码(credit_code)", "企业名称(name)", "所在区县代码(region_code)", "监管行业(industry_code)"},
                {a, "浮山甲企业", "141027", "FIREWORKS"},
                {b, "浮山乙企业", "141027", "CONSTRUCTION"}});
        mvc.perform(multipart("/api/v1/enterprises/import").file(new MockMultipartFile("file", "e.xlsx",
                        "application/octet-stream", xlsx)).param("dryRun", "true").with(as("city.safety")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.created").value(0));
        assertThat(count(a)).isZero();
        mvc.perform(multipart("/api/v1/enterprises/import").file(new MockMultipartFile("file", "e.xlsx",
                        "application/octet-stream", xlsx)).with(as("city.safety")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.created").value(2));
        assertThat(count(a) + count(b)).isEqualTo(2);
        assertThat(jdbc.sql("""
                select count(*) from audit.entry where action = 'enterprise.imported' and new_value like :a""")
                .param("a", "%" + a + "%").query(Long.class).single()).isEqualTo(1);
        mvc.perform(get("/api/v1/audit/verify").with(httpBasic("admin", IntegrationTest.PASSWORD)))
                .andExpect(jsonPath("$.intact").value(true));
    }

    @Test
    void theExportHoldsExactlyTheCallersFilteredScope() throws Exception {
        byte[] bytes = mvc.perform(get("/api/v1/enterprises/export.xlsx").param("industry", "FIREWORKS")
                        .with(as("houma.safety")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        long expected = jdbc.sql("""
                select count(*) from enterprise.enterprise
                where (region_code = '141081' or zone_code = '141081') and industry_code = 'FIREWORKS'""")
                .query(Long.class).single();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo((int) expected);
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                assertThat(sheet.getRow(i).getCell(2).getStringCellValue()).isEqualTo("141081");
                assertThat(sheet.getRow(i).getCell(7).getStringCellValue()).isEqualTo("FIREWORKS");
            }
        }
    }

    @Test
    void eachFilterAndTheirCombinationsFindExactlyTheMatchingEnterprises() throws Exception {
        // county, zone, industry, status, name text, credit code, combined; the city sees all, pages of 500
        String[][] cases = {
                {"region=141002", "region_code = '141002'"},
                {"region=Z14100001", "zone_code = 'Z14100001'"},
                {"industry=FIREWORKS", "industry_code = 'FIREWORKS'"},
                {"status=OPERATING&region=141081", "status = 'OPERATING' and region_code = '141081'"},
                {"region=Z14100002&industry=HAZARDOUS_CHEMICALS",
                        "zone_code = 'Z14100002' and industry_code = 'HAZARDOUS_CHEMICALS'"},
                {"q=化工&region=141002",
                        "name like '%化工%' and region_code = '141002'"},
                {"q=911410023123456732", "credit_code = '911410023123456732'"}};
        for (String[] c : cases) {
            java.util.List<Integer> expected = jdbc.sql("select id from enterprise.enterprise where " + c[1]
                    + " order by id limit 500").query(Integer.class).list();
            assertThat(expected).as(c[0]).isNotEmpty();
            String json = mvc.perform(get("/api/v1/enterprises?limit=500&" + c[0]).with(as("city.safety")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            java.util.List<Integer> ids = JsonPath.read(json, "$[*].id");
            assertThat(ids).as(c[0]).isEqualTo(expected);
        }
        String first = mvc.perform(get("/api/v1/enterprises?limit=3&region=141002").with(as("city.safety")))
                .andReturn().getResponse().getContentAsString();
        int after = JsonPath.<Integer>read(first, "$[2].id");
        String next = mvc.perform(get("/api/v1/enterprises?limit=3&region=141002&after=" + after)
                        .with(as("city.safety"))).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<java.util.List<Integer>>read(next, "$[*].id")).isEqualTo(jdbc.sql("""
                select id from enterprise.enterprise where region_code = '141002' and id > :after order by id limit 3""")
                .param("after", after).query(Integer.class).list());
    }

    @Test
    void licencesExpireVisiblyAndMajorHazardsAreGradedByTheRule() throws Exception {
        long id = jdbc.sql("select min(id) from enterprise.enterprise where region_code = '141030'")
                .query(Long.class).single();
        String soon = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(30).toString();
        mvc.perform(post("/api/v1/enterprises/" + id + "/licences").with(as("city.safety"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"SAFETY_PRODUCTION\",\"number\":\"（晋）FM安许证字〔2024〕0001\",\"expiresOn\":\"" + soon + "\"}"))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/enterprises/expiring-licences").param("days", "60")
                        .with(httpBasic("daning.inspector", IntegrationTest.PASSWORD)))
                .andExpect(jsonPath("$[*].enterpriseId", Matchers.hasItem((int) id)));
        mvc.perform(get("/api/v1/enterprises/expiring-licences").param("days", "60")
                        .with(httpBasic("houma.safety", IntegrationTest.PASSWORD)))
                .andExpect(jsonPath("$[*].enterpriseId", Matchers.not(Matchers.hasItem((int) id))));
        mvc.perform(post("/api/v1/enterprises/" + id + "/major-hazards").with(as("city.safety"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"name":"液氯储罐区","exposedPeople":60,"substances":[
                                  {"name":"氯","category":"TOXIC_CL2","quantity":20,"critical":5},
                                  {"name":"液化石油气","category":"FLAMMABLE_GAS","quantity":100,"critical":50}]}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.rValue").value(28.5))
                .andExpect(jsonPath("$.alpha").value(1.5))
                .andExpect(jsonPath("$.level").value(3));
        mvc.perform(get("/enterprises/" + id).with(user(details.loadUserByUsername("leader"))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("液氯储罐区")))
                .andExpect(content().string(Matchers.containsString("R = 28.5")));
    }

    @Test
    void thePagesRenderForEveryKindOfUser() throws Exception {
        long own = jdbc.sql("select id from enterprise.enterprise where credit_code = '911410023123456732'")
                .query(Long.class).single();
        for (String user : new String[] {"admin", "yaodu.safety", "demo.officer", "city.housing"}) {
            var principal = user(details.loadUserByUsername(user));
            mvc.perform(get("/enterprises").with(principal)).andExpect(status().isOk());
            mvc.perform(get("/enterprises/" + own).with(principal))
                    .andExpect(status().is(user.equals("city.housing") ? 404 : 200));
        }
        var admin = user(details.loadUserByUsername("admin"));
        mvc.perform(get("/enterprises/new").with(admin)).andExpect(status().isOk());
        mvc.perform(post("/enterprises").with(admin).with(csrf())
                        .param("creditCode", "bad").param("name", "保留的名称").param("regionCode", "141002")
                        .param("industryCode", "FIREWORKS").param("status", "OPERATING"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("value=\"保留的名称\"")))
                .andExpect(content().string(Matchers.containsString("应为 18 位")));
    }

    private long count(String code) {
        return jdbc.sql("select count(*) from enterprise.enterprise where credit_code = :c").param("c", code)
                .query(Long.class).single();
    }

    private static byte[] workbook(String[][] cells) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet();
            for (int r = 0; r < cells.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < cells[r].length; c++) {
                    row.createCell(c).setCellValue(cells[r][c]);
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static String json(String code, String name, String region, String industry) {
        return """
                {"creditCode":"%s","name":"%s","regionCode":"%s","industryCode":"%s"}""".formatted(code, name, region,
                industry);
    }

    private static RequestPostProcessor as(String username) {
        return httpBasic(username, IntegrationTest.PASSWORD);
    }
}

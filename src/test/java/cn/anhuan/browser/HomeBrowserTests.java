package cn.anhuan.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.anhuan.IntegrationTest;
import cn.anhuan.hazard.CitizenReports;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The home page of each role in Chromium: every count equals the rows of the list it links to (hazards created
 * through the API first, one of them closed and one overdue), a new citizen report counts on the county's home, the
 * officer's open hazards fit a phone, the leader's charts render and a county leads to its county page.
 */
@IntegrationTest
class HomeBrowserTests extends BrowserTest {

    private static final String DEMO = "911410023123456732";
    /** Rows of each list a home count links to, by the list's path. */
    private static final Map<String, String> ROWS = Map.of(
            "/hazards", "#hazards tbody tr[data-region]",
            "/hazards/reports", ".card[data-region]",
            "/enterprises/licences/expiring", "#expiring-licences tbody tr[data-region]",
            "/monitoring/alarms", "#alarms tbody tr:not(#alarms-empty)",
            "/enterprises", "#enterprises tbody tr[data-region]");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CitizenReports citizenReports;

    private long enterprise;

    /** Four hazards of the demo enterprise in 尧都区: one closed on the spot, one overdue, two reported. */
    @BeforeEach
    void hazards() throws Exception {
        enterprise = jdbc.sql("select id from enterprise.enterprise where credit_code = :c").param("c", DEMO)
                .query(Long.class).single();
        int closed = report("GENERAL");
        act(closed, "rectify-on-the-spot", "{\"version\":0,\"note\":\"当场整改\"}");
        int late = report("GENERAL");
        act(late, "assign", "{\"version\":0,\"responsiblePerson\":\"王工\",\"measures\":\"加装护栏\",\"deadline\":\""
                + LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(3) + "\"}");
        jdbc.sql("update hazard.hazard set deadline = current_date - 2 where id = :id").param("id", late).update();
        report("GENERAL");
        report("MAJOR");
    }

    @Test
    void theCountySupervisorsCountsEqualTheListsTheyLinkTo() {
        Browser.login(driver, base, "yaodu.safety", IntegrationTest.PASSWORD);
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("action-figures")));
        long reportsBefore = count("count-reports");
        citizenReports.submit("141002", "滨河路加油站", "加油站旁堆放易燃杂物", null, null, UUID.randomUUID().toString());
        driver.navigate().refresh();
        assertThat(count("count-reports")).isEqualTo(reportsBefore + 1);
        assertThat(count("count-hazards-overdue")).isPositive();
        assertThat(driver.findElements(By.cssSelector("#overdue-hazards tbody tr.table-danger"))).isNotEmpty();
        Browser.screenshot(driver, "home-county");

        List<String> ids = driver.findElements(By.cssSelector(".figures .stat")).stream()
                .map(e -> e.getAttribute("id")).toList();
        assertThat(ids).contains("count-hazards-overdue", "count-hazards-reported", "count-hazards-submitted",
                "count-reports", "count-licences", "count-alarms", "count-hazards-open", "count-hazards-major");
        for (String id : ids) {
            assertCountMatchesItsList(id);
        }
        driver.get(base + "/");
        driver.findElement(By.id("count-hazards-open-link")).click();
        assertThat(driver.findElements(By.cssSelector("#hazards tbody tr[data-region]")))
                .extracting(WebElement::getText).noneMatch(t -> t.contains("已销号"));
    }

    @Test
    void theOfficerSeesItsOpenHazardsWithDeadlinesOnAPhone() {
        driver.manage().window().setSize(new Dimension(390, 844));
        Browser.login(driver, base, "demo.officer", IntegrationTest.PASSWORD);
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("officer-hazards")));
        List<WebElement> cards = driver.findElements(By.cssSelector(".officer-hazard"));
        assertThat((long) cards.size()).isEqualTo(Math.min(50, count("count-hazards-open")));
        assertThat(cards.get(0).getAttribute("data-overdue")).as("overdue first").isEqualTo("true");
        assertThat(cards.get(0).getText()).contains("逾期未整改", "整改期限");
        Object overflow = ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).as("no horizontal scroll at 390 px").isLessThanOrEqualTo(0);
        Browser.screenshot(driver, "home-officer-390");
        assertCountMatchesItsList("count-hazards-open");
        driver.get(base + "/");
        assertCountMatchesItsList("count-hazards-overdue");
    }

    @Test
    void theLeadersChartsRenderAndACountyLeadsToItsCountyPage() {
        Browser.login(driver, base, "leader", IntegrationTest.PASSWORD);
        Browser.waitFor(driver).until(d -> "true".equals(d.findElement(By.id("chart-aqi")).getAttribute("data-ready")));
        assertThat(driver.findElements(By.cssSelector("#chart-hazards canvas"))).isNotEmpty();
        assertThat(driver.findElements(By.cssSelector("#chart-aqi canvas"))).isNotEmpty();
        assertThat(Browser.consoleErrors(driver)).isEmpty();
        Browser.screenshot(driver, "home-leader");
        WebElement yaodu = driver.findElement(By.cssSelector("#county-table tr[data-region='141002']"));
        long open = Long.parseLong(yaodu.findElement(By.cssSelector(".county-open")).getText());
        assertThat(open).isGreaterThanOrEqualTo(3);
        yaodu.findElement(By.cssSelector(".county-open")).click();
        assertThat(rows("/hazards")).isEqualTo(open);
        assertThat(driver.findElements(By.cssSelector("#hazards tbody tr[data-region]")))
                .allMatch(r -> "141002".equals(r.getAttribute("data-region")));

        driver.get(base + "/");
        driver.findElement(By.cssSelector("#county-table tr[data-region='141002'] .county-link")).click();
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("county-figures")));
        assertThat(driver.findElement(By.id("county-name")).getText()).isEqualTo("尧都区");
        assertThat(count("count-hazards-open")).isEqualTo(open);
        assertThat(driver.findElements(By.cssSelector("#county-risk li"))).hasSize(5);
        assertThat(driver.findElement(By.id("county-aqi")).getText()).isNotBlank();
        Browser.screenshot(driver, "county-page");
        String county = driver.getCurrentUrl();
        for (String id : List.of("count-hazards-open", "count-hazards-overdue", "count-hazards-major",
                "count-enterprises")) {
            driver.get(county);
            assertCountMatchesItsList(id);
        }
        assertThat(Browser.consoleErrors(driver)).isEmpty();
    }

    @Test
    void theEnterpriseListsTotalFollowsItsFilter() {
        Browser.login(driver, base, "leader", IntegrationTest.PASSWORD);
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("welcome")));
        driver.get(base + "/enterprises");
        long all = total("#enterprise-total");
        assertThat(all).isEqualTo(jdbc.sql("select count(*) from enterprise.enterprise").query(Long.class).single());
        new Select(driver.findElement(By.name("region"))).selectByValue("141002");
        long inYaodu = jdbc.sql("select count(*) from enterprise.enterprise where region_code = '141002'")
                .query(Long.class).single();
        // htmx swaps the table (and its total) in place: the old element goes stale while the wait reads it.
        Browser.waitFor(driver).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> total("#enterprise-total") == inYaodu);
        driver.findElement(By.name("q")).sendKeys("不存在的企业名称" + UUID.randomUUID());
        driver.findElement(By.cssSelector("main form[method=get] button[type=submit]")).click();
        // Leaving the text field (change) and the submit each swap the table: read until the last swap settled.
        Browser.waitFor(driver).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> total("#enterprise-total") == 0 && d.findElement(By.id("enterprises-empty")).getText()
                        .contains("没有符合筛选条件的企业"));
        assertThat(driver.findElements(By.cssSelector("#enterprises tbody tr[data-region]"))).isEmpty();
        assertThat(driver.findElement(By.cssSelector("#enterprises-empty a")).getAttribute("href")).endsWith("/enterprises");
        Browser.screenshot(driver, "enterprises-empty");
    }

    /** Clicks the count and checks the list it opens: its total and its rows (the first page of 50) agree. */
    private void assertCountMatchesItsList(String id) {
        long value = count(id);
        WebElement link = driver.findElement(By.id(id + "-link"));
        String path = java.net.URI.create(link.getAttribute("href")).getPath();
        link.click();
        Browser.waitFor(driver).until(ExpectedConditions.urlContains(path));
        long rows = rows(path);
        assertThat(rows).as(id + " → " + driver.getCurrentUrl()).isEqualTo(Math.min(value, 50));
        List<WebElement> totals = driver.findElements(By.cssSelector("caption [id$=-total]"));
        if (!totals.isEmpty()) {
            assertThat(total("caption [id$=-total]")).as(id + " total").isEqualTo(value);
        }
        driver.navigate().back();
    }

    private long rows(String path) {
        return driver.findElements(By.cssSelector(ROWS.get(path))).size();
    }

    private long count(String id) {
        return Long.parseLong(driver.findElement(By.id(id)).getText().trim());
    }

    private long total(String css) {
        return Long.parseLong(driver.findElement(By.cssSelector(css)).getText().replace(",", "").replaceAll("\\D+", " ").trim()
                .split(" ")[0]);
    }

    private int report(String level) throws Exception {
        String body = """
                {"enterpriseId":%d,"place":"首页测试区","description":"护栏缺失","category":"OBJECT","level":"%s",
                 "basis":%s,"source":"GOVERNMENT"}""".formatted(enterprise, level,
                "MAJOR".equals(level) ? "\"工贸行业重大事故隐患判定标准 第四条\"" : "null");
        return JsonPath.read(mvc.perform(post("/api/v1/hazards").with(httpBasic("yaodu.inspector",
                        IntegrationTest.PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
    }

    private void act(int id, String action, String body) throws Exception {
        mvc.perform(post("/api/v1/hazards/" + id + "/actions/" + action)
                        .with(httpBasic("yaodu.safety", IntegrationTest.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk());
    }
}

package cn.anhuan.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import cn.anhuan.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The layout a city office works in: a grouped left navigation that fits 1440 px on one line per item and folds
 * into a menu button on a phone, only the menus and actions a role may use, error pages inside the user's layout
 * with a next step, and a language switch that keeps the page's filters and never resubmits a form.
 */
@IntegrationTest
class LayoutBrowserTests extends BrowserTest {

    private static final String CONTRAST = """
            function lum(c) { var v = c.match(/[\\d.]+/g).slice(0, 3).map(Number).map(function (x) {
              x /= 255; return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); });
              return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; }
            function bg(e) { for (; e; e = e.parentElement) { var b = getComputedStyle(e).backgroundColor;
              if (b && !/rgba\\(.*, 0\\)$/.test(b) && b !== 'transparent') { return b; } } return 'rgb(255, 255, 255)'; }
            var worst = 99;
            document.querySelectorAll(arguments[0]).forEach(function (a) {
              if (!a.offsetParent) { return; }
              var f = lum(getComputedStyle(a).color), b = lum(bg(a));
              worst = Math.min(worst, (Math.max(f, b) + 0.05) / (Math.min(f, b) + 0.05)); });
            return worst;""";

    @Autowired
    JdbcClient jdbc;

    @Test
    void at1440TheGroupedNavigationFitsAndAnOfficerSeesNoGovernmentMenu() {
        driver.manage().window().setSize(new Dimension(1440, 900));
        login("demo.officer");
        driver.get(base + "/hazards");
        WebElement nav = driver.findElement(By.id("side-nav"));
        assertThat(nav.isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("nav-toggle")).isDisplayed()).as("no menu button at 1440 px").isFalse();
        List<WebElement> links = nav.findElements(By.cssSelector(".nav-link"));
        assertThat(links).hasSizeGreaterThan(5);
        int lineHeight = ((Number) js("return parseFloat(getComputedStyle(arguments[0]).lineHeight)",
                links.get(0).findElement(By.tagName("span")))).intValue();
        for (WebElement link : links) {
            assertThat(link.findElement(By.tagName("span")).getSize().getHeight()).as(link.getText() + " on one line")
                    .isLessThanOrEqualTo(lineHeight + 1);
        }
        assertThat(nav.findElements(By.cssSelector("a[href$='/regions'], a[href$='/departments'], "
                + "a[href$='/industries'], a[href$='/air/warnings'], a[href$='/air/reduction'], "
                + "a[href$='/monitoring/reduction'], a[href$='/hazards/reports'], a[href*='/admin/']"))).isEmpty();
        assertThat(nav.getText()).contains("工作台", "隐患排查治理", "企业与风险", "在线监测").doesNotContain("组织机构");
        WebElement active = driver.findElement(By.id("nav-hazards"));
        assertThat(active.getAttribute("aria-current")).isEqualTo("page");
        assertThat(nav.findElements(By.cssSelector("[aria-current=page]"))).hasSize(1);
        assertThat(((Number) js(CONTRAST, "#side-nav .nav-link")).doubleValue()).isGreaterThanOrEqualTo(4.5);
        assertThat(((Number) js(CONTRAST, ".app-topbar .nav-link, .app-topbar .navbar-brand")).doubleValue())
                .isGreaterThanOrEqualTo(4.5);
        assertThat(horizontalOverflow()).isLessThanOrEqualTo(0L);
        Browser.screenshot(driver, "layout-officer-1440");

        new Actions(driver).sendKeys(Keys.TAB).perform();
        WebElement skip = driver.findElement(By.id("skip-link"));
        assertThat(skip.isDisplayed()).as("the skip link shows when focused").isTrue();
        skip.sendKeys(Keys.ENTER);
        assertThat(js("return document.activeElement.tagName")).isEqualTo("MAIN");
    }

    @Test
    void at390TheNavigationFoldsIntoAButtonThatOpensIt() {
        driver.manage().window().setSize(new Dimension(390, 844));
        login("city.safety");
        driver.get(base + "/regions");
        assertThat(driver.findElement(By.id("nav-regions")).isDisplayed()).as("folded on a phone").isFalse();
        assertThat(horizontalOverflow()).as("the page fits 390 px").isLessThanOrEqualTo(0L);
        driver.findElement(By.id("nav-toggle")).click();
        Browser.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-warnings")));
        assertThat(driver.findElement(By.id("nav-regions")).getAttribute("aria-current")).isEqualTo("page");
        assertThat(horizontalOverflow()).isLessThanOrEqualTo(0L);
        Browser.screenshot(driver, "layout-menu-open-390");
        driver.findElement(By.id("nav-warnings")).click();
        Browser.waitFor(driver).until(ExpectedConditions.urlContains("/air/warnings"));
        assertThat(driver.findElement(By.id("nav-warnings")).isDisplayed()).as("folded again").isFalse();
    }

    @Test
    void theLanguageSwitchKeepsTheListsFilters() {
        login("city.safety");
        driver.get(base + "/hazards?status=SUBMITTED&level=GENERAL");
        driver.findElement(By.id("lang-en")).click();
        Browser.waitFor(driver).until(ExpectedConditions.urlContains("lang=en"));
        assertThat(driver.getCurrentUrl()).contains("status=SUBMITTED").contains("level=GENERAL");
        assertThat(new Select(driver.findElement(By.name("status"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("SUBMITTED");
        assertThat(driver.findElement(By.id("nav-hazards")).getText()).isEqualTo("Hazards");
        driver.findElement(By.id("lang-zh")).click();
        Browser.waitFor(driver).until(ExpectedConditions.urlContains("lang=zh-CN"));
        assertThat(driver.getCurrentUrl()).contains("status=SUBMITTED").doesNotContain("lang=en");
        assertThat(driver.findElement(By.id("nav-hazards")).getText()).isEqualTo("隐患");
    }

    @Test
    void afterAFailedFormPostTheSwitchOpensThePageInsteadOfResubmitting() {
        long id = jdbc.sql("select id from enterprise.enterprise where credit_code = '911410023123456732'")
                .query(Long.class).single();
        login("demo.officer");
        driver.get(base + "/enterprises/" + id);
        WebElement employees = driver.findElement(By.id("employees"));
        employees.clear();
        employees.sendKeys("五十人");
        driver.findElement(By.id("details-save")).click();
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#employees + .invalid-feedback")));
        assertThat(driver.getCurrentUrl()).endsWith("/enterprises/" + id + "/details");
        driver.findElement(By.id("lang-en")).click();
        Browser.waitFor(driver).until(ExpectedConditions.urlContains("lang=en"));
        assertThat(driver.getCurrentUrl()).endsWith("/enterprises/" + id + "?lang=en");
        assertThat(driver.findElements(By.id("error-message"))).as("no error page").isEmpty();
        assertThat(driver.findElement(By.id("details-save")).getText()).isNotBlank();
        assertThat(driver.findElement(By.id("nav-enterprises")).getText()).isEqualTo("Enterprises");
        driver.findElement(By.id("lang-zh")).click();
    }

    @Test
    void notFoundAndForbiddenPagesKeepTheMenuAndSayWhatToDoNext() {
        login("leader");
        driver.get(base + "/enterprises/999999999");
        assertThat(driver.findElement(By.id("error-message")).getText()).contains("不存在");
        assertThat(driver.findElement(By.id("side-nav")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("error-next")).getText()).contains("菜单");
        assertThat(driver.findElement(By.id("current-user")).getText()).isNotBlank();
        assertThat(driver.findElement(By.id("nav-enterprises")).getAttribute("aria-current")).isEqualTo("page");
        Browser.screenshot(driver, "layout-404-leader");

        driver.get(base + "/hazards/reports");
        assertThat(driver.findElement(By.id("error-message")).getText()).contains("权限");
        assertThat(driver.findElement(By.id("side-nav")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("error-next")).getText()).contains("系统管理员");
        Browser.screenshot(driver, "layout-403-leader");
        driver.findElement(By.id("lang-en")).click();
        Browser.waitFor(driver).until(ExpectedConditions.urlContains("lang=en"));
        assertThat(driver.getCurrentUrl()).endsWith("/hazards/reports?lang=en");
        assertThat(driver.findElement(By.id("error-next")).getText()).contains("administrator");
        driver.findElement(By.id("lang-zh")).click();
    }

    @Test
    void theLeaderSeesNoActionButtonsOnAlarmWarningAndReductionPages() {
        long device = jdbc.sql("select id from monitoring.device order by id limit 1").query(Long.class).single();
        long alarm = jdbc.sql("""
                insert into monitoring.alarm (device_id, kind, region_code, first_at, last_at, created_at)
                values (:d, 'OFFLINE', '141002', now(), now(), now()) returning id""").param("d", device)
                .query(Long.class).single();
        long hazard = jdbc.sql("""
                insert into hazard.hazard (enterprise_id, credit_code, region_code, industry_code, place, description,
                    category, level, basis, source, found_by, found_at, status, created_at, updated_at)
                select id, credit_code, region_code, industry_code, '液氨罐区', '液位计失灵', 'OBJECT', 'MAJOR',
                    'GB 18218', 'GOVERNMENT', 'city.safety', now(), 'REPORTED', now(), now()
                from enterprise.enterprise where credit_code = '911410023123456732' returning id""")
                .query(Long.class).single();
        try {
            login("leader");
            driver.get(base + "/hazards/" + hazard);
            assertThat(driver.findElement(By.id("nav-hazards")).getAttribute("aria-current")).isEqualTo("page");
            assertThat(driver.findElements(By.cssSelector("main form[method=post]"))).as("no hazard action").isEmpty();
            driver.get(base + "/monitoring/alarms/" + alarm);
            assertThat(driver.findElement(By.id("alarm-status")).getText()).isNotBlank();
            assertThat(driver.findElements(By.cssSelector("main form[method=post], main button"))).isEmpty();
            driver.get(base + "/air/warnings");
            assertThat(driver.findElement(By.id("proposal")).isDisplayed()).isTrue();
            assertThat(driver.findElements(By.cssSelector("main form[method=post] button, main button[type=submit]")))
                    .isEmpty();
            Browser.screenshot(driver, "layout-leader-warnings");
            driver.get(base + "/air/reduction");
            assertThat(driver.findElements(By.cssSelector("main button"))).isEmpty();
            assertThat(driver.findElements(By.id("reduction-add"))).isEmpty();

            driver.findElement(By.id("logout")).click();
            login("city.env");
            driver.get(base + "/monitoring/alarms/" + alarm);
            assertThat(driver.findElement(By.id("acknowledge")).isDisplayed()).as("the supervisor still acts").isTrue();
            driver.get(base + "/air/warnings");
            assertThat(driver.findElement(By.id("forecast-save")).isDisplayed()).isTrue();
            driver.get(base + "/hazards/" + hazard);
            assertThat(driver.findElement(By.id("action-assign")).isDisplayed()).isTrue();
            assertThat(driver.findElement(By.id("listing-form")).isDisplayed()).isTrue();
        } finally {
            jdbc.sql("delete from monitoring.alarm where id = :id").param("id", alarm).update();
            jdbc.sql("delete from hazard.hazard where id = :id").param("id", hazard).update();
        }
    }

    private void login(String user) {
        Browser.login(driver, base, user, IntegrationTest.PASSWORD);
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("welcome")));
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private long horizontalOverflow() {
        return (Long) js("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
    }
}

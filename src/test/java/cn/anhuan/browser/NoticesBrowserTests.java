package cn.anhuan.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anhuan.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In Chromium: a citizen on a phone reports and follows the link with the code; the county supervisor opens the
 * notification (now read) and triages picking the enterprise by name; a warning issued by city.env reaches a county
 * supervisor and a reduction-list enterprise's officer, and the public page shows it.
 */
@IntegrationTest
class NoticesBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCitizensReportIsFollowedNotifiedOpenedAndTriagedByEnterpriseName() {
        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(base + "/public/report");
        new Select(driver.findElement(By.id("regionCode"))).selectByValue("141002");
        driver.findElement(By.id("place")).sendKeys("鼓楼南街五金仓库");
        driver.findElement(By.id("description")).sendKeys("仓库内违规存放大量油漆稀料");
        driver.findElement(By.cssSelector("#citizen-form button[type=submit]")).click();
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("tracking-link")));
        String code = driver.findElement(By.cssSelector("#tracking-code strong")).getText();
        Browser.screenshot(driver, "citizen-submitted-phone");
        driver.findElement(By.id("tracking-link")).click();
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("tracking")));
        assertThat(driver.getCurrentUrl()).endsWith("/public/track?code=" + code);
        assertThat(driver.findElement(By.id("tracking-what")).getText()).isEqualTo("仓库内违规存放大量油漆稀料");
        assertThat(driver.findElement(By.id("tracking-where")).getText()).isEqualTo("尧都区 · 鼓楼南街五金仓库");
        assertThat(driver.findElement(By.id("tracking-when")).getText()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}.*");
        Browser.screenshot(driver, "citizen-tracking-phone");

        long report = jdbc.sql("select id from hazard.citizen_report where tracking_code = :c").param("c", code)
                .query(Long.class).single();
        long notice = jdbc.sql("select id from notification.notification where recipient = 'yaodu.safety' and link = :l")
                .param("l", "/hazards/reports#report-" + report).query(Long.class).single();
        driver.manage().window().setSize(new Dimension(1400, 1000));
        Browser.login(driver, base, "yaodu.safety", IntegrationTest.PASSWORD);
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("welcome")));
        driver.get(base + "/notifications");
        driver.findElement(By.id("notification-" + notice)).click();
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("report-" + report)));
        assertThat(jdbc.sql("select read_at is not null from notification.notification where id = :id").param("id", notice)
                .query(Boolean.class).single()).isTrue();

        var enterprise = jdbc.sql("select id, name from enterprise.enterprise where region_code = '141002' order by id desc limit 1")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).single();
        String name = (String) enterprise[1];
        driver.findElement(By.id("enterprise-q-" + report)).sendKeys(name.substring(0, Math.min(6, name.length())));
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#enterprise-" + report + " option[value='" + enterprise[0] + "']")));
        new Select(driver.findElement(By.id("enterprise-" + report))).selectByValue(enterprise[0].toString());
        Browser.screenshot(driver, "citizen-triage-enterprise-by-name");
        driver.findElement(By.cssSelector("#report-" + report + " form[action$='/convert'] button[type=submit]")).click();
        Browser.waitFor(driver).until(ExpectedConditions.urlMatches(".*/hazards/\\d+$"));
        assertThat(driver.getPageSource()).contains(name);
        assertThat(Browser.consoleErrors(driver)).isEmpty();
    }

    @Test
    void anIssuedWarningReachesACountySupervisorAndAReductionListOfficerAndThePublicPage() {
        jdbc.sql("update air.warning set status = 'LIFTED' where status = 'ACTIVE'").update();
        jdbc.sql("delete from air.reduction_item where level = 'ORANGE' and enterprise_code = '911410023123456732'").update();
        jdbc.sql("""
                insert into air.reduction_item (level, enterprise_code, enterprise_name, region_code, measures, so2, nox, pm, vocs)
                values ('ORANGE', '911410023123456732', '演示企业', '141002', '两台锅炉停运，原料场洒水抑尘', 1, 1, 1, 1)""").update();
        Browser.login(driver, base, "city.env", IntegrationTest.PASSWORD);
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("welcome")));
        driver.get(base + "/air/warnings");
        new Select(driver.findElement(By.id("issue-level"))).selectByValue("ORANGE");
        driver.findElement(By.id("issue-document")).sendKeys("临环发〔2026〕121号");
        driver.findElement(By.id("issue-reason")).sendKeys("会商研判：未来三天重度污染");
        driver.findElement(By.id("issue-submit")).click();
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("active-level")));
        driver.manage().deleteAllCookies();

        for (String user : new String[] {"houma.safety", "demo.officer"}) {
            Browser.login(driver, base, user, IntegrationTest.PASSWORD);
            Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("welcome")));
            driver.get(base + "/notifications");
            String text = driver.findElement(By.id("notifications")).getText();
            assertThat(text).contains("橙色预警（Ⅱ级）", "临环发〔2026〕121号");
            assertThat(text).contains(user.equals("demo.officer") ? "两台锅炉停运，原料场洒水抑尘" : "重型柴油货车限行");
            Browser.screenshot(driver, "warning-notification-" + user);
            driver.manage().deleteAllCookies();
        }

        driver.get(base + "/air/public");
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("air-warning")));
        assertThat(driver.findElement(By.id("air-warning")).getAttribute("data-level")).isEqualTo("ORANGE");
        assertThat(driver.findElement(By.id("air-warning")).getText())
                .contains("重污染天气橙色预警（Ⅱ级）生效中", "临环发〔2026〕121号", "重型柴油货车限行");
        assertThat(driver.findElement(By.id("air-warning")).getCssValue("background-color")).isEqualTo("rgba(255, 216, 168, 1)");
        Browser.screenshot(driver, "air-public-warning");
        jdbc.sql("update air.warning set status = 'LIFTED' where status = 'ACTIVE'").update();
        jdbc.sql("delete from air.reduction_item where level = 'ORANGE' and enterprise_code = '911410023123456732'").update();
    }
}

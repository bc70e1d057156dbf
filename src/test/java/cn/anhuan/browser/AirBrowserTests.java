package cn.anhuan.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import cn.anhuan.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** In a real browser: the public air page draws its charts under the CSP; a supervisor issues and lifts a warning. */
@IntegrationTest
class AirBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;


    @Test
    void thePublicPageShowsEveryCountyOnTheMapWithoutLogin() {
        driver.get("http://localhost:" + port + "/air/public");
        Browser.waitFor(driver).until(ExpectedConditions.attributeToBe(By.id("air-map"), "data-ready", "true"));
        assertThat(driver.findElements(By.cssSelector("#air-map canvas"))).isNotEmpty();
        assertThat(driver.findElements(By.cssSelector("#air-trend canvas"))).isNotEmpty();
        long counties = jdbc.sql("select count(distinct region_code) from air.station s"
                + " where exists (select 1 from air.hourly h where h.station_id = s.id)").query(Long.class).single();
        assertThat(driver.findElements(By.cssSelector("#air-table tbody tr"))).hasSize((int) counties);
        assertThat(driver.findElement(By.id("city-aqi")).getText()).contains("全市实时 AQI");
        Browser.screenshot(driver, "air-public");
    }

    @Test
    void aCitySupervisorIssuesRaisesAndLiftsAWarning() {
        jdbc.sql("update air.warning set status = 'LIFTED' where status = 'ACTIVE'").update();
        Browser.login(driver, base, "city.env", IntegrationTest.PASSWORD);
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("welcome")));
        driver.get(base + "/air/warnings");
        int[] forecast = {240, 250, 150, 120, 100, 90, 80};
        for (int i = 0; i < forecast.length; i++) {
            driver.findElement(By.id("aqi" + i)).clear();
            driver.findElement(By.id("aqi" + i)).sendKeys(Integer.toString(forecast[i]));
        }
        driver.findElement(By.id("forecast-save")).click();
        Browser.waitFor(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.id("proposed-level"), "黄色预警"));
        assertThat(new Select(driver.findElement(By.id("issue-level"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("YELLOW");
        driver.findElement(By.id("issue-document")).sendKeys("临环发〔2026〕88号");
        driver.findElement(By.id("issue-reason")).sendKeys("预报连续两天重度污染");
        driver.findElement(By.id("issue-submit")).click();
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("active-level")));
        assertThat(driver.findElement(By.id("active-level")).getText()).contains("黄色");
        assertThat(driver.findElement(By.id("lift-advice")).getText()).contains("暂不满足");

        new Select(driver.findElement(By.id("change-level"))).selectByValue("ORANGE");
        driver.findElement(By.id("change-reason")).sendKeys("会商研判升级");
        driver.findElement(By.id("change-submit")).click();
        Browser.waitFor(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.id("active-level"), "橙色"));
        Browser.screenshot(driver, "air-warning-active");

        driver.findElement(By.id("lift-reason")).sendKeys("扩散条件好转");
        driver.findElement(By.id("lift-submit")).click();
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("issue-form")));
        assertThat(driver.findElement(By.id("warning-history")).getText())
                .contains("临环发〔2026〕88号", "发布", "升级", "解除", "扩散条件好转");
        assertThat(jdbc.sql("select count(*) from air.warning where document_no = '临环发〔2026〕88号' and status = 'LIFTED'")
                .query(Long.class).single()).isEqualTo(1);
        jdbc.sql("delete from air.forecast where day >= :d").param("d", LocalDate.now(ZoneId.of("Asia/Shanghai"))).update();
    }
}

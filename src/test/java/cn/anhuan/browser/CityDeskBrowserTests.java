package cn.anhuan.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.anhuan.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * City staff in a browser: the risk page counts every level over all points and pages its table, naming the
 * enterprise; the forecast form names a wrong day and value, keeps the week typed, and confirms a save.
 */
@IntegrationTest
class CityDeskBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theRiskPageCountsEveryLevelAndPagesItsTableWithEnterpriseNames() {
        Map<Integer, Long> counts = new HashMap<>();
        jdbc.sql("select level, count(*) from risk.point group by level")
                .query((RowCallbackHandler) rs -> counts.put(rs.getInt(1), rs.getLong(2)));
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        assertThat(total).as("the demo has more points than one page").isGreaterThan(100);

        login("city.safety");
        driver.get(base + "/risk");
        for (int level = 1; level <= 4; level++) {
            assertThat(driver.findElement(By.id("risk-count-" + level)).getText())
                    .endsWith(" " + counts.getOrDefault(level, 0L));
        }
        List<WebElement> rows = driver.findElements(By.cssSelector("#risk-points tbody tr[data-region]"));
        assertThat(rows).hasSize(50);
        WebElement link = rows.get(0).findElement(By.cssSelector("a"));
        long enterprise = Long.parseLong(link.getAttribute("href").replaceAll(".*/enterprises/", ""));
        assertThat(link.getText()).isEqualTo(jdbc.sql("select name from enterprise.enterprise where id = :id")
                .param("id", enterprise).query(String.class).single());
        Browser.screenshot(driver, "risk-page");
        String lastOfFirstPage = rows.get(49).getText();

        driver.findElement(By.id("risk-next")).click();
        List<WebElement> second = driver.findElements(By.cssSelector("#risk-points tbody tr[data-region]"));
        assertThat(second).hasSize(50);
        assertThat(second.get(0).getText()).isNotEqualTo(lastOfFirstPage);
        assertThat(driver.getCurrentUrl()).contains("after=");
    }

    @Test
    void theForecastFormNamesTheWrongDayAndKeepsTheWeekTyped() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        login("city.env");
        driver.get(base + "/air/warnings");
        String[] typed = {"80", "12.5", "95", "", "70", "60", "50"};
        for (int i = 0; i < typed.length; i++) {
            driver.findElement(By.id("aqi" + i)).clear();
            driver.findElement(By.id("aqi" + i)).sendKeys(typed[i]);
        }
        driver.findElement(By.id("forecast-save")).click();
        assertThat(driver.findElement(By.id("warning-error")).getText())
                .isEqualTo(today.plusDays(1) + " 的预报值“12.5”不是 0 至 500 之间的整数。");
        for (int i = 0; i < typed.length; i++) {
            assertThat(driver.findElement(By.id("aqi" + i)).getAttribute("value")).isEqualTo(typed[i]);
        }
        assertThat(driver.findElement(By.id("aqi1")).getAttribute("class")).contains("is-invalid");
        Browser.screenshot(driver, "forecast-error");

        driver.findElement(By.id("aqi1")).clear();
        driver.findElement(By.id("aqi1")).sendKeys("612");
        WebElement firstError = driver.findElement(By.id("warning-error"));
        driver.findElement(By.id("forecast-save")).click();
        Browser.waitFor(driver).until(ExpectedConditions.stalenessOf(firstError)); // the page of the second answer
        assertThat(Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("warning-error")))
                .getText()).isEqualTo("AQI 预报值 612 应在 0 至 500 之间。");
        assertThat(driver.findElement(By.id("aqi0")).getAttribute("value")).isEqualTo("80");

        driver.findElement(By.id("aqi1")).clear();
        driver.findElement(By.id("aqi1")).sendKeys("90");
        driver.findElement(By.id("forecast-save")).click();
        assertThat(Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("flash"))).getText())
                .isEqualTo("预报已保存。");
        assertThat(jdbc.sql("select aqi from air.forecast where day = :d").param("d", today.plusDays(1))
                .query(Integer.class).single()).isEqualTo(90);
        jdbc.sql("delete from air.forecast where day >= :d").param("d", today).update();
    }

    private void login(String user) {
        Browser.login(driver, base, user, IntegrationTest.PASSWORD);
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("welcome")));
    }
}

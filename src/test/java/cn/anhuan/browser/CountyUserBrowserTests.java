package cn.anhuan.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import cn.anhuan.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** In a real browser: a county user sees only its county and switches language; htmx works under the CSP. */
@IntegrationTest
class CountyUserBrowserTests extends BrowserTest {



    @Test
    void aCountyUserSeesOnlyItsCountyAndSwitchesToEnglish() {
        Browser.login(driver, base, "yaodu.safety", IntegrationTest.PASSWORD);
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("welcome")));
        assertThat(driver.findElement(By.id("welcome")).getText()).startsWith("欢迎");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("尧都区");
        Browser.screenshot(driver, "county-home-zh");

        driver.get(base + "/regions");
        assertThat(regionsOf(driver.findElements(By.cssSelector("#regions tbody tr")))).containsExactly("141002");
        driver.get(base + "/departments");
        assertThat(driver.findElements(By.cssSelector("#departments tbody tr")))
                .hasSize(10).allMatch(row -> "141002".equals(row.getAttribute("data-region")));
        driver.get(base + "/regions/141081");
        assertThat(driver.findElement(By.id("error-message")).getText()).contains("不在您的数据范围内");

        driver.get(base + "/");
        driver.findElement(By.id("lang-en")).click();
        Browser.waitFor(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.id("welcome"), "Welcome"));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Yaodu District", "Needs action today");
        Browser.screenshot(driver, "county-home-en");
        driver.get(base + "/regions");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Regions");
        driver.findElement(By.id("lang-zh")).click();
        Browser.waitFor(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "行政区划"));
    }

    @Test
    void theDepartmentFilterUpdatesTheTableInPlaceWithHtmx() {
        Browser.login(driver, base, "leader", IntegrationTest.PASSWORD);
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("welcome")));
        driver.get(base + "/departments");
        int all = driver.findElements(By.cssSelector("#departments tbody tr")).size();
        assertThat(all).isGreaterThan(100);
        WebElement marker = driver.findElement(By.tagName("h1"));
        new Select(driver.findElement(By.id("region-filter"))).selectByValue("141081");
        Browser.waitFor(driver).until(d -> d.findElements(By.cssSelector("#departments tbody tr")).size() == 10);
        assertThat(driver.findElements(By.cssSelector("#departments tbody tr")))
                .allMatch(row -> "141081".equals(row.getAttribute("data-region")));
        assertThat(marker.isDisplayed()).as("the page was not reloaded: htmx swapped the table").isTrue();
        assertThat(driver.getCurrentUrl()).endsWith("/departments?region=141081");
        Browser.screenshot(driver, "departments-filtered");
    }

    private static List<String> regionsOf(List<WebElement> rows) {
        return rows.stream().map(r -> r.getAttribute("data-region")).toList();
    }
}

package cn.anhuan.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anhuan.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The hazard forms in a browser: wrong fields are named in Chinese beside the field, nothing typed is lost,
 * a blank description or letters in a number never reach an error page, success is confirmed; the enterprise
 * officer's self-check has its source fixed to 企业自查, on a phone-sized screen too.
 */
@IntegrationTest
class HazardFormBrowserTests extends BrowserTest {

    private static final String CODE = "911410023123456732";

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCountySupervisorSeesEachWrongFieldBesideItWithWhatWasTypedKept() {
        login("yaodu.safety");
        driver.get(base + "/hazards?enterprise=" + enterprise());
        driver.findElement(By.id("place")).sendKeys("二号车间配电室");
        driver.findElement(By.id("description")).sendKeys("   ");
        driver.findElement(By.id("hazard-report-submit")).click();
        assertThat(error("description")).isEqualTo("不能为空");
        assertThat(driver.findElement(By.id("place")).getAttribute("value")).isEqualTo("二号车间配电室");
        Browser.screenshot(driver, "hazard-report-blank");

        driver.findElement(By.id("description")).sendKeys("配电柜未接地");
        new Select(driver.findElement(By.id("level"))).selectByValue("MAJOR");
        new Select(driver.findElement(By.id("source"))).selectByValue("CROSS");
        driver.findElement(By.id("hazard-report-submit")).click();
        assertThat(error("basis")).isEqualTo("重大隐患须填写判定依据。");
        assertThat(driver.findElement(By.id("description")).getAttribute("value")).contains("配电柜未接地");
        assertThat(new Select(driver.findElement(By.id("level"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("MAJOR");
        assertThat(new Select(driver.findElement(By.id("source"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("CROSS");

        driver.findElement(By.id("basis")).sendKeys("工贸行业重大事故隐患判定标准 第四条");
        driver.findElement(By.id("hazard-report-submit")).click();
        assertThat(flash()).isEqualTo("隐患已登记。");

        driver.findElement(By.cssSelector("#action-assign [name=responsiblePerson]")).sendKeys("王厂长");
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = '2099-12-31'",
                driver.findElement(By.cssSelector("#action-assign [name=deadline]")));
        driver.findElement(By.cssSelector("#action-assign [name=measures]")).sendKeys("重新接地并检测");
        driver.findElement(By.cssSelector("#action-assign [name=funds]")).sendKeys("两万abc");
        driver.findElement(By.cssSelector("#action-assign [name=contingencyPlan]")).sendKeys("停电检修");
        driver.findElement(By.cssSelector("#action-assign button")).click();
        assertThat(driver.findElement(By.id("hazard-problems")).getText())
                .isEqualTo("整改资金：格式不正确：请填写数字（日期请用 yyyy-MM-dd）。");
        assertThat(driver.findElement(By.cssSelector("#action-assign [name=funds]")).getAttribute("value")).isEqualTo("两万abc");
        assertThat(driver.findElement(By.cssSelector("#action-assign [name=measures]")).getAttribute("value")).isEqualTo("重新接地并检测");
        assertThat(driver.findElement(By.cssSelector("#action-assign [name=deadline]")).getAttribute("value")).isEqualTo("2099-12-31");
        Browser.screenshot(driver, "hazard-assign-letters");

        driver.findElement(By.cssSelector("#action-assign [name=funds]")).clear();
        driver.findElement(By.cssSelector("#action-assign [name=funds]")).sendKeys("20000");
        driver.findElement(By.cssSelector("#action-assign button")).click();
        assertThat(flash()).isEqualTo("已下达整改。");
        assertThat(driver.findElement(By.id("hazard-status")).getText()).contains("整改中");
    }

    @Test
    void theEnterpriseOfficersSelfCheckIsAlwaysTheEnterprisesOwnCheckOnAPhone() {
        driver.manage().window().setSize(new Dimension(390, 844));
        login("demo.officer");
        driver.get(base + "/enterprises/" + enterprise());
        driver.findElement(By.id("enterprise-hazards")).click();
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("hazard-report")));
        assertThat(driver.findElements(By.cssSelector("#hazard-report select[name=source]"))).isEmpty();
        assertThat(driver.findElement(By.id("source")).getAttribute("value")).isEqualTo("企业自查");
        driver.findElement(By.id("place")).sendKeys("原料库");
        driver.findElement(By.id("description")).sendKeys("灭火器过期");
        Browser.screenshot(driver, "officer-self-check-390");
        assertThat(horizontalOverflow()).as("the page fits 390 px").isLessThanOrEqualTo(0L);
        driver.findElement(By.id("hazard-report-submit")).click();
        assertThat(flash()).isEqualTo("隐患已登记。");
        long id = Long.parseLong(driver.getCurrentUrl().replaceAll(".*/hazards/(\\d+).*", "$1"));
        assertThat(jdbc.sql("select source from hazard.hazard where id = :id").param("id", id).query(String.class)
                .single()).isEqualTo("SELF");
        Browser.screenshot(driver, "officer-hazard-390");
        assertThat(horizontalOverflow()).isLessThanOrEqualTo(0L);
    }

    private long horizontalOverflow() {
        return (Long) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
    }

    private long enterprise() {
        return jdbc.sql("select id from enterprise.enterprise where credit_code = :c").param("c", CODE)
                .query(Long.class).single();
    }

    private String error(String field) {
        return driver.findElement(By.cssSelector("#" + field + " ~ .invalid-feedback")).getText();
    }

    private String flash() {
        return Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("flash"))).getText();
    }

    private void login(String user) {
        Browser.login(driver, base, user, IntegrationTest.PASSWORD);
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("welcome")));
    }
}

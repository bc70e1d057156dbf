package cn.anhuan.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anhuan.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Enterprise pages in a browser: a county supervisor saves an enterprise whose optional coded fields are blank;
 * the enterprise officer (on a phone-sized screen) keeps its details up to date; an inspector then reads them,
 * with "not given" for what is missing instead of "null".
 */
@IntegrationTest
class EnterpriseFormBrowserTests extends BrowserTest {

    private static final String OFFICERS = "911410023123456732";

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCountySupervisorSavesAnEnterpriseWhoseOptionalFieldsAreBlank() {
        long id = jdbc.sql("""
                select id from enterprise.enterprise where region_code = '141002' and credit_code <> :c
                  and gbt4754_code is null and safety_manager_phone is null order by id limit 1""")
                .param("c", OFFICERS).query(Long.class).single();
        login("yaodu.safety");
        driver.get(base + "/enterprises/" + id);
        assertThat(driver.findElement(By.id("gbt4754Code")).getAttribute("value")).isEmpty();
        assertThat(driver.findElement(By.id("safetyManagerPhone")).getAttribute("value")).isEmpty();
        WebElement address = driver.findElement(By.id("address"));
        address.clear();
        address.sendKeys("尧都区解放路 88 号");
        driver.findElement(By.id("enterprise-save")).click();
        assertThat(flash()).isEqualTo("企业信息已保存。");
        assertThat(driver.findElement(By.id("address")).getAttribute("value")).isEqualTo("尧都区解放路 88 号");
        assertThat(jdbc.sql("select gbt4754_code is null and safety_manager_phone is null from enterprise.enterprise where id = :id")
                .param("id", id).query(Boolean.class).single()).isTrue();

        driver.findElement(By.cssSelector("#major-hazard-form [name=name]")).sendKeys("液氨罐区");
        driver.findElement(By.cssSelector("#major-hazard-form [name=exposedPeople]")).sendKeys("120");
        driver.findElements(By.cssSelector("#major-hazard-form [name=substance]")).get(0).sendKeys("液氨");
        WebElement quantity = driver.findElements(By.cssSelector("#major-hazard-form [name=quantity]")).get(0);
        quantity.clear();
        quantity.sendKeys("十吨");
        driver.findElement(By.cssSelector("#major-hazard-form button")).click();
        assertThat(driver.findElement(By.id("record-error")).getText())
                .isEqualTo("第 1 种危险化学品的名称、类别、存在量或临界量不正确。");
        assertThat(driver.findElement(By.cssSelector("#major-hazard-form [name=name]")).getAttribute("value")).isEqualTo("液氨罐区");
        assertThat(driver.findElements(By.cssSelector("#major-hazard-form [name=substance]")).get(0).getAttribute("value"))
                .isEqualTo("液氨");
        quantity = driver.findElements(By.cssSelector("#major-hazard-form [name=quantity]")).get(0);
        assertThat(quantity.getAttribute("value")).isEqualTo("十吨");
        Browser.screenshot(driver, "major-hazard-letters");
        quantity.clear();
        quantity.sendKeys("20");
        driver.findElement(By.cssSelector("#major-hazard-form button")).click();
        assertThat(flash()).isEqualTo("重大危险源已登记。");
        assertThat(driver.findElement(By.id("major-hazards")).getText()).contains("液氨罐区");
    }

    @Test
    void theOfficerKeepsItsDetailsUpToDateOnAPhoneAndAnInspectorReadsThem() {
        long id = jdbc.sql("select id from enterprise.enterprise where credit_code = :c").param("c", OFFICERS)
                .query(Long.class).single();
        driver.manage().window().setSize(new Dimension(390, 844));
        login("demo.officer");
        driver.get(base + "/enterprises/" + id);
        set("legalRepresentative", "李法人");
        new Select(driver.findElement(By.id("scale"))).selectByValue("SMALL");
        set("safetyManagerPhone", "");
        set("employees", "五十人");
        set("latitude", "36.0880");
        set("longitude", "111.5190");
        driver.findElement(By.id("details-save")).click();
        assertThat(driver.findElement(By.cssSelector("#employees + .invalid-feedback")).getText())
                .isEqualTo("格式不正确：请填写数字（日期请用 yyyy-MM-dd）。");
        assertThat(driver.findElement(By.id("employees")).getAttribute("value")).isEqualTo("五十人");
        assertThat(driver.findElement(By.id("legalRepresentative")).getAttribute("value")).isEqualTo("李法人");
        Browser.screenshot(driver, "officer-details-error-390");

        set("employees", "50");
        driver.findElement(By.id("details-save")).click();
        assertThat(flash()).isEqualTo("企业信息已保存。");
        assertThat(horizontalOverflow()).as("the page fits 390 px").isLessThanOrEqualTo(0L);
        Browser.screenshot(driver, "officer-details-saved-390");
        assertThat(driver.findElement(By.id("logout")).isDisplayed()).as("the menu is folded on a phone").isFalse();
        driver.findElement(By.id("nav-toggle")).click();
        Browser.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("logout")));
        Browser.screenshot(driver, "officer-menu-390");
        driver.findElement(By.id("logout")).click();
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("login-submit")));

        driver.manage().window().setSize(new Dimension(1400, 1000));
        login("yaodu.inspector");
        driver.get(base + "/enterprises/" + id);
        assertThat(driver.findElement(By.id("fact-legalRepresentative")).getText()).isEqualTo("李法人");
        assertThat(driver.findElement(By.id("fact-scale")).getText()).isEqualTo("小型");
        assertThat(driver.findElement(By.id("fact-employees")).getText()).isEqualTo("50");
        assertThat(driver.findElement(By.id("fact-location")).getText()).isEqualTo("36.088, 111.519");
        assertThat(driver.findElement(By.id("fact-safetyManagerPhone")).getText()).isEqualTo("未填写");
        assertThat(driver.findElement(By.id("enterprise-facts")).getText()).doesNotContain("null");
        Browser.screenshot(driver, "enterprise-read-only");
    }

    private void set(String field, String value) {
        WebElement input = driver.findElement(By.id(field));
        input.clear();
        input.sendKeys(value);
    }

    private long horizontalOverflow() {
        return (Long) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
    }

    private String flash() {
        return Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("flash"))).getText();
    }

    private void login(String user) {
        Browser.login(driver, base, user, IntegrationTest.PASSWORD);
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("welcome")));
    }
}

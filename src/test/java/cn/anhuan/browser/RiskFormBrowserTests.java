package cn.anhuan.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anhuan.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A county inspector assesses a risk point in a browser: letters in L and a value outside the table are named
 * beside the fields with everything typed kept; the saved assessment is confirmed.
 */
@IntegrationTest
class RiskFormBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void anInspectorSeesWrongFactorsNamedWithWhatWasTypedKept() {
        long enterprise = jdbc.sql("select id from enterprise.enterprise where credit_code = '911410023123456732'")
                .query(Long.class).single();
        Browser.login(driver, base, "yaodu.inspector", IntegrationTest.PASSWORD);
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("welcome")));
        driver.get(base + "/enterprises/" + enterprise);
        driver.findElement(By.id("enterprise-risk")).click();
        type("name", "液氨储罐区");
        type("l", "abc");
        type("e", "6");
        type("c", "7");
        type("controlMeasures", "每日巡检，液位报警联锁");
        type("responsiblePost", "储运班长");
        Browser.submit(driver, By.id("risk-submit"));
        assertThat(driver.findElement(By.id("l-error")).getText())
                .isEqualTo("L（可能性）：格式不正确：请填写数字（日期请用 yyyy-MM-dd）。");
        assertThat(value("l")).isEqualTo("abc");
        assertThat(value("name")).isEqualTo("液氨储罐区");
        assertThat(value("e")).isEqualTo("6");
        assertThat(value("responsiblePost")).isEqualTo("储运班长");
        Browser.screenshot(driver, "risk-form-letters");

        type("l", "4");
        Browser.submit(driver, By.id("risk-submit"));
        assertThat(driver.findElement(By.id("l-error")).getText())
                .isEqualTo("L（可能性）：取值 4 不在该方法的取值表内（0.1, 0.2, 0.5, 1, 10, 3, 6）。");

        type("l", "3");
        Browser.submit(driver, By.id("risk-submit"));
        assertThat(Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("flash"))).getText())
                .isEqualTo("风险点已评价。");
        assertThat(jdbc.sql("select score from risk.point where enterprise_id = :e and name = '液氨储罐区'")
                .param("e", enterprise).query(java.math.BigDecimal.class).single()).isEqualByComparingTo("126");
    }

    private void type(String field, String text) {
        WebElement input = driver.findElement(By.id(field));
        input.clear();
        input.sendKeys(text);
    }

    private String value(String field) {
        return driver.findElement(By.id(field)).getAttribute("value");
    }
}

package cn.anhuan.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import cn.anhuan.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In a real browser as city.env: the warning form starts at a level the configured 2018 scheme has; a reduction
 * line's enterprise is picked from the registry; an error keeps every value.
 */
@IntegrationTest
class AirFormBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    private void signIn() {
        Browser.login(driver, base, "city.env", IntegrationTest.PASSWORD);
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("welcome")));
    }

    @Test
    void theWarningFormStartsAtTheSchemesLowestLevelWhenNothingIsProposed() {
        jdbc.sql("update air.warning set status = 'LIFTED' where status = 'ACTIVE'").update();
        jdbc.sql("delete from air.forecast where day >= :d").param("d", LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1))
                .update();
        signIn();
        driver.get(base + "/air/warnings");
        assertThat(driver.findElement(By.id("proposed-level")).getText()).isEqualTo("不启动预警");
        Select level = new Select(driver.findElement(By.id("issue-level")));
        assertThat(level.getFirstSelectedOption().getAttribute("value")).isEqualTo("YELLOW");
        assertThat(level.getOptions()).extracting(o -> o.getAttribute("value")).containsExactly("YELLOW", "ORANGE", "RED");
    }

    private Map<String, Object> enterpriseWithoutRedLine() {
        return jdbc.sql("""
                select id, credit_code, name, region_code from enterprise.enterprise e
                where status = 'OPERATING' and not exists (select 1 from air.reduction_item r
                                  where r.level = 'RED' and r.enterprise_code = e.credit_code)
                order by id limit 1""").query().singleRow();
    }

    private void pick(Map<String, Object> enterprise) {
        WebElement q = driver.findElement(By.id("reduction-enterprise-q"));
        q.clear();
        q.sendKeys((String) enterprise.get("credit_code"));
        By option = By.cssSelector("#reduction-enterprise option[value='" + enterprise.get("id") + "']");
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(option));
        new Select(driver.findElement(By.id("reduction-enterprise"))).selectByValue(enterprise.get("id").toString());
    }

    @Test
    void aLineIsAddedByPickingTheEnterpriseFromTheRegistry() {
        Map<String, Object> e = enterpriseWithoutRedLine();
        signIn();
        driver.get(base + "/air/reduction");
        for (String a : new String[] {"level", "enterprise-q", "enterprise", "measures", "so2", "nox", "pm", "vocs"}) {
            assertThat(driver.findElements(By.cssSelector("label[for='reduction-" + a + "']"))).as(a).hasSize(1);
        }
        new Select(driver.findElement(By.id("reduction-level"))).selectByValue("RED");
        pick(e);
        driver.findElement(By.id("reduction-measures")).sendKeys("停产检修");
        driver.findElement(By.id("reduction-so2")).clear();
        driver.findElement(By.id("reduction-so2")).sendKeys("1.25");
        driver.findElement(By.id("reduction-submit")).click();
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("flash")));
        var row = jdbc.sql("select enterprise_name, region_code, so2, measures from air.reduction_item"
                        + " where level = 'RED' and enterprise_code = :c").param("c", e.get("credit_code"))
                .query().singleRow();
        assertThat(row.get("enterprise_name")).isEqualTo(e.get("name"));
        assertThat(row.get("region_code")).isEqualTo(e.get("region_code"));
        assertThat(row.get("measures")).isEqualTo("停产检修");
        assertThat(driver.findElement(By.id("reduction-items")).getText()).contains((String) e.get("name"));
        jdbc.sql("delete from air.reduction_item where level = 'RED' and enterprise_code = :c")
                .param("c", e.get("credit_code")).update();
    }

    @Test
    void anErrorShowsBesideItsFieldAndKeepsEveryValue() {
        Map<String, Object> e = enterpriseWithoutRedLine();
        signIn();
        driver.get(base + "/air/reduction");
        new Select(driver.findElement(By.id("reduction-level"))).selectByValue("RED");
        pick(e);
        driver.findElement(By.id("reduction-measures")).sendKeys("限产 50%");
        driver.findElement(By.id("reduction-nox")).clear();
        driver.findElement(By.id("reduction-nox")).sendKeys("2,5");
        driver.findElement(By.id("reduction-submit")).click();
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("reduction-error-nox")));
        assertThat(driver.findElement(By.id("reduction-error-nox")).getText()).contains("2,5");
        assertThat(driver.findElement(By.id("reduction-nox")).getAttribute("class")).contains("is-invalid");
        assertThat(driver.findElement(By.id("reduction-nox")).getAttribute("value")).isEqualTo("2,5");
        assertThat(driver.findElement(By.id("reduction-measures")).getAttribute("value")).isEqualTo("限产 50%");
        assertThat(new Select(driver.findElement(By.id("reduction-level"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("RED");
        assertThat(new Select(driver.findElement(By.id("reduction-enterprise"))).getFirstSelectedOption()
                .getAttribute("value")).isEqualTo(e.get("id").toString());
        assertThat(jdbc.sql("select count(*) from air.reduction_item where level = 'RED' and enterprise_code = :c")
                .param("c", e.get("credit_code")).query(Long.class).single()).isZero();
    }
}

package cn.anhuan.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import cn.anhuan.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A county supervisor checks an import file with several problems per row and sees all of them at once. */
@IntegrationTest
class EnterpriseImportBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;
    @TempDir
    Path dir;

    @Test
    void aCountySupervisorSeesEveryProblemOfEveryRowAfterOneUpload() throws Exception {
        String code = "911410021234560166";
        String csv = """
                统一社会信用代码(credit_code),企业名称(name),所在区县代码(region_code),监管行业(industry_code),从业人数(employees),经营状态(status)
                %s,尧都多错企业,141026,HAZARDOUS_CHEMICALS,很多,OPERATING
                91141002ABC,,141002,NO_SUCH_INDUSTRY,30,OPEN
                """.formatted(code);
        Path file = Files.writeString(dir.resolve("企业导入.csv"), csv, StandardCharsets.UTF_8);
        Browser.login(driver, base, "yaodu.safety", IntegrationTest.PASSWORD);
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("welcome")));
        driver.get(base + "/enterprises");
        driver.findElement(By.cssSelector("form[action$='/enterprises/import'] input[type=file]")).sendKeys(file.toString());
        driver.findElement(By.cssSelector("form[action$='/enterprises/import'] button")).click();
        List<String> lines = Browser.waitFor(driver).until(ExpectedConditions
                        .presenceOfAllElementsLocatedBy(By.cssSelector("#enterprise-import-report ul li:not(.text-warning)")))
                .stream().map(WebElement::getText).toList();
        assertThat(lines).as(String.join("\n", lines)).anyMatch(l -> l.startsWith("第 2 行：列“所在区县代码”："))
                .anyMatch(l -> l.startsWith("第 2 行：列“从业人数”：")).anyMatch(l -> l.startsWith("第 3 行：列“统一社会信用代码”："))
                .anyMatch(l -> l.startsWith("第 3 行：列“企业名称”：")).anyMatch(l -> l.startsWith("第 3 行：列“监管行业”："))
                .anyMatch(l -> l.startsWith("第 3 行：列“经营状态”："));
        assertThat(driver.findElement(By.id("enterprise-import-report")).getText()).contains("未写入任何数据");
        assertThat(driver.findElements(By.id("confirm-import"))).isEmpty();
        assertThat(jdbc.sql("select count(*) from enterprise.enterprise where credit_code = :c").param("c", code)
                .query(Long.class).single()).isZero();
    }
}

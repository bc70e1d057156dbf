package cn.anhuan.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import cn.anhuan.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole loop in a browser: a county inspector records a major hazard with a photo and assigns it, the
 * enterprise submits its rectification with an after photo, the supervisor rejects once, then accepts, and the
 * leader sees the count of open major hazards go up and down.
 */
@IntegrationTest
class HazardLoopBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;
    @TempDir
    Path dir;


    @Test
    void aMajorHazardIsFoundPhotographedRectifiedRejectedAndAccepted() throws Exception {
        Path before = photo("before.png", 0xCC0000);
        Path after = photo("after.png", 0x00AA00);
        long enterprise = jdbc.sql("select id from enterprise.enterprise where credit_code = '911410023123456732'")
                .query(Long.class).single();

        int majorBefore = leaderMajorCount();

        login("yaodu.inspector");
        driver.get(base + "/hazards?enterprise=" + enterprise);
        driver.findElement(By.cssSelector("#hazard-report [name=place]")).sendKeys("液氯储罐区");
        driver.findElement(By.cssSelector("#hazard-report [name=description]")).sendKeys("压力表失效，安全阀未校验");
        new Select(driver.findElement(By.cssSelector("#hazard-report [name=level]"))).selectByValue("MAJOR");
        driver.findElement(By.cssSelector("#hazard-report [name=basis]")).sendKeys("危险化学品重大事故隐患判定标准 第七条");
        driver.findElement(By.cssSelector("#hazard-report button")).click();
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("hazard-timeline")));
        String hazardUrl = driver.getCurrentUrl();
        uploadPhoto("FOUND", before);
        assertThat(driver.findElements(By.cssSelector("#hazard-files img.hazard-thumb"))).hasSize(1);
        driver.findElement(By.cssSelector("#action-assign [name=responsiblePerson]")).sendKeys("王厂长");
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = '2099-12-31'",
                driver.findElement(By.cssSelector("#action-assign [name=deadline]")));
        driver.findElement(By.cssSelector("#action-assign [name=measures]")).sendKeys("更换压力表并校验安全阀");
        driver.findElement(By.cssSelector("#action-assign [name=funds]")).sendKeys("20000");
        driver.findElement(By.cssSelector("#action-assign [name=contingencyPlan]")).sendKeys("储罐区停用，设置警戒");
        driver.findElement(By.cssSelector("#action-assign button")).click();
        waitForStatus("整改中");
        logout();

        assertThat(leaderMajorCount()).isEqualTo(majorBefore + 1);

        login("demo.officer");
        driver.get(hazardUrl);
        uploadPhoto("RECTIFIED", after);
        driver.findElement(By.cssSelector("#action-submit [name=note]")).sendKeys("已更换，附整改后照片");
        driver.findElement(By.cssSelector("#action-submit button")).click();
        waitForStatus("待验收");
        assertThat(driver.findElements(By.id("action-accept"))).as("an enterprise cannot accept a major hazard").isEmpty();
        logout();

        login("yaodu.safety");
        driver.get(hazardUrl);
        driver.findElement(By.cssSelector("#action-reject [name=note]")).sendKeys("安全阀校验报告缺失");
        driver.findElement(By.cssSelector("#action-reject button")).click();
        waitForStatus("整改中");
        logout();

        login("demo.officer");
        driver.get(hazardUrl);
        driver.findElement(By.cssSelector("#action-submit [name=note]")).sendKeys("补充校验报告");
        driver.findElement(By.cssSelector("#action-submit button")).click();
        waitForStatus("待验收");
        logout();

        login("yaodu.safety");
        driver.get(hazardUrl);
        driver.findElement(By.cssSelector("#action-accept [name=note]")).sendKeys("验收合格，同意销号");
        driver.findElement(By.cssSelector("#action-accept button")).click();
        waitForStatus("已销号");
        assertThat(driver.findElement(By.id("hazard-timeline")).getText())
                .contains("登记", "下达整改", "提交整改", "验收不通过", "验收销号");
        assertThat(driver.findElements(By.cssSelector("#hazard-files img.hazard-thumb"))).hasSize(2);
        Browser.screenshot(driver, "hazard-closed");
        logout();

        assertThat(leaderMajorCount()).isEqualTo(majorBefore);
    }

    private int leaderMajorCount() {
        login("leader");
        int n = Integer.parseInt(driver.findElement(By.id("count-hazards-major")).getText().trim());
        logout();
        return n;
    }

    private void uploadPhoto(String stage, Path file) {
        new Select(driver.findElement(By.cssSelector("#file-form [name=stage]"))).selectByValue(stage);
        driver.findElement(By.id("file-input")).sendKeys(file.toString());
        driver.findElement(By.id("file-upload")).click();
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("hazard-timeline")));
    }

    private void waitForStatus(String text) {
        Browser.waitFor(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.id("hazard-status"), text));
    }

    private void login(String user) {
        Browser.login(driver, base, user, IntegrationTest.PASSWORD);
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("welcome")));
    }

    private void logout() {
        driver.findElement(By.id("logout")).click();
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("login-submit")));
    }

    private Path photo(String name, int rgb) throws Exception {
        BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 640; x++) {
            for (int y = 0; y < 480; y += 4) {
                image.setRGB(x, y, rgb);
            }
        }
        Path file = dir.resolve(name);
        ImageIO.write(image, "png", file.toFile());
        assertThat(Files.size(file)).isPositive();
        return file;
    }
}

package cn.anhuan.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import cn.anhuan.IntegrationTest;
import cn.anhuan.hazard.CraftedImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * On the hazard page, an inspector uploads a photo that declares 100 megapixels and reads why it is refused;
 * a phone photo stored sideways (EXIF orientation 6) then shows upright as a thumbnail.
 */
@IntegrationTest
class PhotoUploadBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;
    @TempDir
    Path dir;

    @Test
    void anOversizedPhotoIsRefusedWithItsReasonAndASidewaysPhotoShowsUpright() throws Exception {
        Path bomb = Files.write(dir.resolve("巨幅.png"),
                CraftedImages.png(10_000, 10_000, 16, 6, new byte[] {0x78, (byte) 0x9C, 0x03, 0x00}));
        Path sideways = Files.write(dir.resolve("手机.jpg"), sidewaysJpeg());
        long enterprise = jdbc.sql("select id from enterprise.enterprise where credit_code = '911410023123456732'")
                .query(Long.class).single();

        Browser.login(driver, base, "yaodu.inspector", IntegrationTest.PASSWORD);
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("welcome")));
        driver.get(base + "/hazards?enterprise=" + enterprise);
        driver.findElement(By.cssSelector("#hazard-report [name=place]")).sendKeys("配电室");
        driver.findElement(By.cssSelector("#hazard-report [name=description]")).sendKeys("电缆沟积水");
        driver.findElement(By.cssSelector("#hazard-report button")).click();
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("hazard-timeline")));

        upload(bomb);
        WebElement problem = Browser.waitFor(driver)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("hazard-problems")));
        assertThat(problem.getText()).contains("file", "10,000 × 10,000", "40 百万像素");
        assertThat(driver.findElements(By.cssSelector("#hazard-files img.hazard-thumb"))).isEmpty();
        Browser.screenshot(driver, "hazard-photo-refused");

        upload(sideways);
        WebElement thumb = Browser.waitFor(driver)
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#hazard-files img.hazard-thumb")));
        assertThat(driver.findElements(By.id("hazard-problems"))).isEmpty();
        Browser.waitFor(driver).until(d -> (Boolean) ((JavascriptExecutor) d)
                .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", thumb));
        long width = (Long) ((JavascriptExecutor) driver).executeScript("return arguments[0].naturalWidth", thumb);
        long height = (Long) ((JavascriptExecutor) driver).executeScript("return arguments[0].naturalHeight", thumb);
        assertThat(height).as("upright: taller than wide").isGreaterThan(width);
    }

    private void upload(Path file) {
        driver.findElement(By.id("file-input")).sendKeys(file.toString());
        driver.findElement(By.id("file-upload")).click();
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("hazard-timeline")));
    }

    /** 300 wide × 200 high as stored, to be shown turned 90° clockwise. */
    private static byte[] sidewaysJpeg() throws Exception {
        BufferedImage image = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, 300, 200);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return CraftedImages.withExifOrientation(out.toByteArray(), 6);
    }
}

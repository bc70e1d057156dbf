package cn.anhuan.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import cn.anhuan.IntegrationTest;
import cn.anhuan.browser.Browser;
import cn.anhuan.browser.BrowserTest;
import cn.anhuan.monitoring.hj212.Frame;
import cn.anhuan.monitoring.replay.Hj212Replay;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * After an archive of 2016 is replayed today, the device page opens on the archive's latest day (not on today,
 * which has no data): the pollutant list names what the device sent with units, the chart and the hours table show
 * that day, and the limit is labelled with its unit.
 */
@IntegrationTest
class DevicePageBrowserTests extends BrowserTest {

    static final String MN = "TESTPAGE000001";

    @Autowired
    Hj212Server server;

    @Test
    void aReplayedDeviceOpensOnItsLatestDataDayWithItsPollutantsUnitsAndLimit() throws Exception {
        HttpResponse<String> created = api("POST", "/api/v1/monitoring/devices", """
                {"mn":"%s","password":"654321","systemType":"31","name":"回放测试排口","creditCode":"911410023123456732",
                 "outletCode":"DA013","expectedIntervalSeconds":60}""".formatted(MN));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long device = Long.parseLong(created.body().replaceAll(".*\"id\":(\\d+).*", "$1"));
        HttpResponse<String> limit = api("PUT", "/api/v1/monitoring/devices/" + device + "/limits", """
                {"pollutant":"a21026","limit":35,"converted":false,"dataCn":"2011","sustained":3}""");
        assertThat(limit.statusCode()).as(limit.body()).isEqualTo(200);
        List<byte[]> lines = new ArrayList<>();
        for (int m = 0; m < 6; m++) {
            String t = "20160823" + "1" + m + "0000";
            lines.add(Frame.encode("QN=2016082310" + m + "0000001;ST=31;CN=2011;PW=654321;MN=" + MN + ";Flag=5;CP=&&DataTime="
                    + t + ";a21026-Rtd=" + (20 + m) + ",a21026-Flag=N;a34013-Rtd=" + (5 + m) + ",a34013-Flag=N&&"));
        }
        for (int m = 0; m < 4; m++) {
            lines.add(Frame.encode("QN=2016082408" + m + "0000001;ST=31;CN=2011;PW=654321;MN=" + MN + ";Flag=5;CP=&&DataTime=2016082408"
                    + m + "000;a21026-Rtd=" + (30 + m) + ",a21026-Flag=N;a34013-Rtd=" + (8 + m) + ",a34013-Flag=N&&"));
        }
        assertThat(Hj212Replay.replay("127.0.0.1", server.port(), 1, 0, true, lines).acknowledged()).isEqualTo(10);

        Browser.login(driver, base, "city.env", IntegrationTest.PASSWORD);
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("welcome")));
        driver.get(base + "/monitoring/devices/" + device);
        Browser.waitFor(driver).until(ExpectedConditions.attributeToBe(By.id("reading-chart"), "data-ready", "true"));
        assertThat(driver.findElement(By.id("day")).getAttribute("value")).isEqualTo("2016-08-24");
        List<String> options = new Select(driver.findElement(By.id("pollutant"))).getOptions().stream()
                .map(WebElement::getText).toList();
        assertThat(options).containsExactly("a21026 二氧化硫 (mg/m³)", "a34013 烟尘 (mg/m³)");
        assertThat(driver.findElement(By.id("reading-title")).getText()).contains("二氧化硫", "mg/m³", "2016-08-24");
        assertThat(driver.findElements(By.cssSelector("#hours tbody tr"))).hasSize(1);
        assertThat(driver.findElement(By.id("hours")).getText()).contains("均值 (mg/m³)", "31.500");
        assertThat(driver.findElement(By.id("limits")).getText()).contains("a21026 二氧化硫", "35 mg/m³");
        assertThat(driver.findElement(By.id("reading-chart")).getAttribute("data-limit-label")).isEqualTo("限值 35 mg/m³");
        assertThat(Browser.consoleErrors(driver)).isEmpty();
        Browser.screenshot(driver, "device-latest-day");

        new Select(driver.findElement(By.id("pollutant"))).selectByValue("a34013");
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "document.getElementById('day').value = '2016-08-23'");
        driver.findElement(By.cssSelector("form[method=get] button[type=submit]")).click();
        Browser.waitFor(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.id("reading-title"), "2016-08-23"));
        Browser.waitFor(driver).until(ExpectedConditions.attributeToBe(By.id("reading-chart"), "data-ready", "true"));
        assertThat(driver.findElement(By.id("reading-title")).getText()).contains("烟尘");
        assertThat(driver.findElement(By.id("hours")).getText()).contains("10.000").hasLineCount(7);
    }

    private HttpResponse<String> api(String method, String path, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("admin:" + IntegrationTest.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

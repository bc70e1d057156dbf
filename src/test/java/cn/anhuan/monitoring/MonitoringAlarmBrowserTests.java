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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An exceedance alarm raised by data replayed over HJ 212 (the repository's replay tool, acknowledgements on),
 * seen by the enterprise's safety officer in the browser and acknowledged with a note.
 */
@IntegrationTest
class MonitoringAlarmBrowserTests extends BrowserTest {

    static final String MN = "TESTBROWSER001";

    @Autowired
    Hj212Server server;
    @Autowired
    JdbcClient jdbc;


    @Test
    void anAlarmRaisedByReplayedDataIsAcknowledgedInTheBrowser() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String body = api(http, "POST", "/api/v1/monitoring/devices", """
                {"mn":"%s","password":"654321","systemType":"31","name":"浏览器测试排口","creditCode":"911410023123456732",
                 "outletCode":"DA011","expectedIntervalSeconds":3600}""".formatted(MN));
        long device = Long.parseLong(body.replaceAll(".*\"id\":(\\d+).*", "$1"));
        api(http, "PUT", "/api/v1/monitoring/devices/" + device + "/limits", """
                {"pollutant":"a21026","limit":35,"converted":true,"dataCn":"2061","sustained":3}""");

        List<byte[]> lines = new ArrayList<>();
        for (int h = 1; h <= 4; h++) {
            lines.add(Frame.encode("QN=2026010310000000" + h + ";ST=31;CN=2061;PW=654321;MN=" + MN
                    + ";Flag=5;CP=&&DataTime=2026010300" + h + "000;a21026-Avg=" + (50 + h) + ",a21026-ZsAvg="
                    + (50 + h) + ",a21026-Flag=N;a00000-Avg=12.5,a00000-Flag=N&&"));
        }
        Hj212Replay.Result replayed = Hj212Replay.replay("127.0.0.1", server.port(), 1, 0, true, lines);
        assertThat(replayed.acknowledged()).as("every packet acknowledged after commit").isEqualTo(4);
        long deadline = System.currentTimeMillis() + 15_000;
        while (alarms(device) == 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(alarms(device)).isEqualTo(1);
        long alarm = jdbc.sql("select id from monitoring.alarm where device_id = :d").param("d", device)
                .query(Long.class).single();

        Browser.login(driver, base, "demo.officer", IntegrationTest.PASSWORD);
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("welcome")));
        driver.findElement(By.id("nav-monitoring")).click();
        driver.findElement(By.id("alarm-link")).click();
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("alarms")));
        driver.findElement(By.cssSelector("#alarms a[href$='/monitoring/alarms/" + alarm + "']")).click();
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("alarm-form")));
        assertThat(driver.findElement(By.id("alarm-status")).getText()).isEqualTo("未处理");
        driver.findElement(By.id("alarm-note")).sendKeys("脱硫塔浆液泵故障，已抢修");
        driver.findElement(By.id("acknowledge")).click();
        Browser.waitFor(driver).until(ExpectedConditions.textToBe(By.id("alarm-status"), "已确认"));
        assertThat(driver.getPageSource()).contains("脱硫塔浆液泵故障，已抢修");
        assertThat(jdbc.sql("select status || '|' || ack_by from monitoring.alarm where id = :id").param("id", alarm)
                .query(String.class).single()).isEqualTo("ACKNOWLEDGED|demo.officer");
        Browser.screenshot(driver, "monitoring-alarm-acknowledged");
    }

    private long alarms(long device) {
        return jdbc.sql("select count(*) from monitoring.alarm where device_id = :d").param("d", device)
                .query(Long.class).single();
    }

    private String api(HttpClient http, String method, String path, String json) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("admin:" + IntegrationTest.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + " " + r.body()).isBetween(200, 201);
        return r.body();
    }
}

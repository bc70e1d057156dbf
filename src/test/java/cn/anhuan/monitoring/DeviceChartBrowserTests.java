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

/** A device's reading chart (the page fetches /api/v1/monitoring/readings) renders with the signed-in session. */
@IntegrationTest
class DeviceChartBrowserTests extends BrowserTest {

    static final String MN = "TESTCHART00001";

    @Autowired
    Hj212Server server;

    @Test
    void theReadingChartRendersWithTheSessionWithoutAConsoleError() throws Exception {
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/v1/monitoring/devices"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("admin:" + IntegrationTest.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"mn":"%s","password":"654321","systemType":"31","name":"图表测试排口","creditCode":"911410023123456732",
                         "outletCode":"DA012","expectedIntervalSeconds":3600}""".formatted(MN))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long device = Long.parseLong(created.body().replaceAll(".*\"id\":(\\d+).*", "$1"));
        List<byte[]> lines = new ArrayList<>();
        for (int h = 1; h <= 4; h++) {
            lines.add(Frame.encode("QN=2026010510000000" + h + ";ST=31;CN=2061;PW=654321;MN=" + MN
                    + ";Flag=5;CP=&&DataTime=2026010500" + h + "000;a21026-Avg=" + (20 + h) + ",a21026-Flag=N&&"));
        }
        assertThat(Hj212Replay.replay("127.0.0.1", server.port(), 1, 0, true, lines).acknowledged()).isEqualTo(4);

        Browser.login(driver, base, "city.env", IntegrationTest.PASSWORD);
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("welcome")));
        driver.get(base + "/monitoring/devices/" + device + "?pollutant=a21026&day=2026-01-05");
        Browser.waitFor(driver).until(ExpectedConditions.attributeToBe(By.id("reading-chart"), "data-ready", "true"));
        assertThat(Browser.consoleErrors(driver)).isEmpty();
        Browser.screenshot(driver, "device-chart-signed-in");
    }
}

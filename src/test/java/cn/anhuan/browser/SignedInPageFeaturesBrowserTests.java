package cn.anhuan.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import cn.anhuan.IntegrationTest;
import com.sun.net.httpserver.HttpServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Page features that call {@code /api/v1} from the page (Excel export, import template, risk map; the device
 * chart in {@code DeviceChartBrowserTests})
 * work with the signed-in session: no 401, no Basic password prompt, nothing on the console at error level;
 * and a foreign site's form cannot change anything through the API.
 */
@IntegrationTest
class SignedInPageFeaturesBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void excelExportsAndTheImportTemplateDownloadWithTheSession() throws IOException {
        Path downloads = Files.createTempDirectory("anhuan-downloads");
        ((ChromeDriver) driver).executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toAbsolutePath().toString()));
        Browser.login(driver, base, "admin", IntegrationTest.PASSWORD);
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("welcome")));

        driver.get(base + "/enterprises?region=141002");
        driver.findElement(By.id("export")).click();
        Path export = downloaded(downloads, 1);
        driver.findElement(By.cssSelector("a[href$='/api/v1/enterprises/template.xlsx']")).click();
        Path template = downloaded(downloads, 2);
        driver.get(base + "/hazards");
        driver.findElement(By.id("hazard-export")).click();
        Path hazards = downloaded(downloads, 3);

        for (Path file : List.of(export, template, hazards)) {
            byte[] bytes = Files.readAllBytes(file);
            assertThat(new String(bytes, 0, 2, StandardCharsets.ISO_8859_1)).as(file + " is an xlsx (zip)").isEqualTo("PK");
        }
        assertThat(Browser.consoleErrors(driver)).isEmpty();
    }

    @Test
    void theRiskMapRendersWithTheSessionAndShowsNamesAsText() {
        record Target(long id, String name) {
        }
        Target target = jdbc.sql("""
                select id, name from enterprise.enterprise where latitude is not null and longitude is not null
                order by id limit 1""").query((rs, n) -> new Target(rs.getLong(1), rs.getString(2))).single();
        String marked = "<img src=x id=injected>" + target.name().substring(0, Math.min(20, target.name().length()));
        jdbc.sql("update enterprise.enterprise set name = :n where id = :id").param("n", marked).param("id", target.id()).update();
        try {
            Browser.login(driver, base, "city.safety", IntegrationTest.PASSWORD);
            Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("welcome")));
            driver.get(base + "/risk/map");
            Browser.waitFor(driver).until(ExpectedConditions.attributeToBe(By.id("risk-map"), "data-ready", "true"));
            Object shown = ((JavascriptExecutor) driver).executeScript("""
                    var chart = echarts.getInstanceByDom(document.getElementById('risk-map'));
                    var index = chart.getOption().series[0].data.findIndex(function (d) { return d.name === arguments[0]; });
                    chart.dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: index });
                    return index;""".replace("arguments[0]", "'" + marked.replace("'", "\\\\'") + "'"));
            assertThat(((Number) shown).intValue()).as("the renamed enterprise is on the map").isNotNegative();
            Browser.waitFor(driver).until(d -> ((JavascriptExecutor) d).executeScript(
                    "return document.body.innerText.indexOf('<img src=x id=injected>') >= 0"));
            assertThat(driver.findElements(By.id("injected"))).as("the name was not turned into markup").isEmpty();
            assertThat(Browser.consoleErrors(driver)).isEmpty();
            Browser.screenshot(driver, "risk-map-signed-in");
        } finally {
            jdbc.sql("update enterprise.enterprise set name = :n where id = :id").param("n", target.name())
                    .param("id", target.id()).update();
        }
    }

    /** The reported attack, in the browser: a page on another site posts a form to the API to disable a user. */
    @Test
    void aFormOnAnotherSiteCannotDisableAUserThroughTheApi() throws IOException {
        long victim = jdbc.sql("select id from identity.app_user where username = 'houma.inspector'").query(Long.class).single();
        HttpServer foreign = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] page = ("<!DOCTYPE html><html><body><form method='post' action='http://localhost:" + port
                + "/api/v1/users/" + victim + "/disable'><button id='go' type='submit'>win a prize</button></form></body></html>")
                .getBytes(StandardCharsets.UTF_8);
        foreign.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        foreign.start();
        try {
            // The administrator is signed in and the browser holds Basic credentials for the API.
            Browser.login(driver, base, "admin", IntegrationTest.PASSWORD);
            Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("welcome")));
            driver.get("http://admin:" + IntegrationTest.PASSWORD + "@localhost:" + port + "/api/v1/me");
            driver.get("http://127.0.0.1:" + foreign.getAddress().getPort() + "/");
            driver.findElement(By.id("go")).click();
            Browser.waitFor(driver).until(d -> d.getCurrentUrl().contains("/disable"));
            assertThat(driver.getPageSource()).doesNotContain("\"enabled\":false");
            assertThat(jdbc.sql("select enabled from identity.app_user where id = :id").param("id", victim)
                    .query(Boolean.class).single()).isTrue();
        } finally {
            foreign.stop(0);
        }
    }

    private static Path downloaded(Path dir, int count) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
            try (Stream<Path> files = Files.list(dir)) {
                List<Path> done = files.filter(f -> f.toString().endsWith(".xlsx")).sorted(
                        (a, b) -> Long.compare(a.toFile().lastModified(), b.toFile().lastModified())).toList();
                return done.size() >= count ? done.get(done.size() - 1) : null;
            }
        }, f -> f != null);
    }
}

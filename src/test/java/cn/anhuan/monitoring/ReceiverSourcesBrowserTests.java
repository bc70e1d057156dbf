package cn.anhuan.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import cn.anhuan.IntegrationTest;
import cn.anhuan.browser.Browser;
import cn.anhuan.browser.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/** The administrator sees, on the quarantine page, how much garbage each source sent and how much of it is kept. */
@IntegrationTest
class ReceiverSourcesBrowserTests extends BrowserTest {

    @Autowired
    Hj212Server server;
    @Autowired
    RejectSampler sampler;

    @Test
    void theQuarantinePageCountsRejectsPerSourceAndReason() throws Exception {
        try (Hj212Client c = new Hj212Client(server.port(), "127.0.0.60")) {
            c.send("probe\r\n".repeat(130).getBytes(StandardCharsets.US_ASCII));
            await().atMost(Duration.ofSeconds(15)).until(() -> sampler.counts(RejectSampler.MAX_KEYS).stream()
                    .anyMatch(s -> s.source().equals("127.0.0.60") && s.frames() == 130));
        }
        Browser.login(driver, base, "admin", IntegrationTest.PASSWORD);
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("welcome")));
        driver.findElement(By.id("nav-monitoring")).click();
        driver.findElement(By.id("quarantine-link")).click();
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("sources")));
        WebElement row = driver.findElement(By.xpath("//table[@id='sources']//tr[td[2]='127.0.0.60']"));
        assertThat(row.findElements(By.tagName("td"))).extracting(WebElement::getText)
                .containsExactly("拒收", "127.0.0.60", "MALFORMED", "130", "910", "100",
                        row.findElements(By.tagName("td")).get(6).getText());
        Browser.screenshot(driver, "monitoring-receiver-sources");
    }
}

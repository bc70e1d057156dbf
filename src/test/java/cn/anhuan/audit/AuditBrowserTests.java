package cn.anhuan.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import cn.anhuan.IntegrationTest;
import cn.anhuan.browser.Browser;
import cn.anhuan.browser.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** In a real browser: the administrator sees the checkpoint status of the audit trail; anyone sees the anchor. */
@IntegrationTest
class AuditBrowserTests extends BrowserTest {

    @Autowired
    AuditTrail trail;
    @Autowired
    AuditCheckpoints checkpoints;
    @Autowired
    CheckpointProperties properties;
    @Autowired
    TransactionTemplate tx;

    @Test
    void theAdministratorSeesTheCheckpointStatusAndABadlySignedLine() throws Exception {
        tx.executeWithoutResult(s -> trail.record("test.browser-anchor", "test", 1, null, null, Map.of("n", 1)));
        Checkpoint signed = checkpoints.checkpoint().latest();
        Browser.login(driver, base, "admin", IntegrationTest.PASSWORD);
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("welcome")));
        driver.get(base + "/admin/audit");
        assertThat(driver.findElement(By.id("checkpoint-latest")).getText()).contains("最新检查点", "记录 ")
                .contains(checkpoints.fingerprint());

        driver.findElement(By.id("verify")).click();
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("verification-summary")));
        assertThat(driver.findElement(By.id("verification-summary")).getText())
                .contains("审计日志完整", "哈希链本身完整", "均与重新计算的哈希链一致");
        assertThat(driver.findElement(By.id("verification-summary")).getAttribute("class")).contains("alert-success");

        try (TamperedLine line = new TamperedLine(properties.file(), signed)) {
            driver.findElement(By.id("verify")).click();
            Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("checkpoint-bad-lines")));
            assertThat(driver.findElement(By.id("verification-summary")).getAttribute("class")).contains("alert-danger");
            assertThat(driver.findElement(By.id("checkpoint-bad-lines")).getText())
                    .contains("检查点日志第 " + line.number + " 行", "签名无效");
            Browser.screenshot(driver, "audit-checkpoint-bad-line");
        }
    }

    @Test
    void aCitizenSeesTheLatestSignedCheckpointAndThePublicKey() {
        tx.executeWithoutResult(s -> trail.record("test.browser-public", "test", 1, null, null, Map.of("n", 1)));
        Checkpoint latest = checkpoints.checkpoint().latest();
        driver.get(base + "/public/audit-anchor");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("审计日志公开锚点");
        assertThat(Long.parseLong(driver.findElement(By.id("anchor-seq")).getText())).isGreaterThanOrEqualTo(latest.seq());
        assertThat(driver.findElement(By.id("anchor-public-key")).getText()).contains("-----BEGIN PUBLIC KEY-----");
        assertThat(driver.findElement(By.id("anchor-fingerprint")).getText()).isEqualTo(checkpoints.fingerprint());
        assertThat(driver.findElements(By.id("logout"))).as("nobody is signed in").isEmpty();
        Browser.screenshot(driver, "audit-anchor-public");
    }
}

package cn.anhuan.browser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A test that drives Chromium against the running application: a browser per test ({@link Browser#start()}
 * skips or fails as that method says when Chromium is missing), closed after it; {@link #base} is the
 * application's address.
 */
public abstract class BrowserTest {

    @LocalServerPort
    protected int port;
    protected WebDriver driver;
    protected String base;

    @BeforeEach
    protected void openBrowser() {
        driver = Browser.start();
        base = "http://localhost:" + port;
    }

    @AfterEach
    protected void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }
}

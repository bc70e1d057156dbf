package cn.anhuan.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anhuan.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The administrator manages a user from the pages (create, change role and scope, reset the password), each
 * step confirmed; the user is then made to choose its own password, may not keep the reset one, and stays
 * signed in after changing it.
 */
@IntegrationTest
class UserAdminBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theAdministratorCreatesEditsAndResetsAUserWhoMustThenChooseItsOwnPassword() {
        String username = "clerk" + (System.nanoTime() % 1_000_000);
        login("admin");
        driver.get(base + "/admin/users");
        driver.findElement(By.id("new-user")).click();
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("displayName")).sendKeys("张办事员");
        new Select(driver.findElement(By.id("role"))).selectByValue("INSPECTOR");
        new Select(driver.findElement(By.id("regionCode"))).selectByValue("141002");
        driver.findElement(By.id("password")).sendKeys("Initial-pass-1");
        Browser.submit(driver, By.id("user-create"));
        assertThat(flash()).isEqualTo("用户已创建。");
        String userUrl = driver.getCurrentUrl();

        WebElement name = driver.findElement(By.id("displayName"));
        name.clear();
        name.sendKeys("张监管员");
        new Select(driver.findElement(By.id("role"))).selectByValue("COUNTY_SUPERVISOR");
        Browser.submit(driver, By.id("user-save"));
        assertThat(flash()).isEqualTo("用户信息已保存。");
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("张监管员");
        assertThat(new Select(driver.findElement(By.id("role"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("COUNTY_SUPERVISOR");

        new Select(driver.findElement(By.id("role"))).selectByValue("ENTERPRISE_OFFICER");
        Browser.submit(driver, By.id("user-save"));
        assertThat(driver.findElement(By.cssSelector("#enterpriseCode + .invalid-feedback")).getText())
                .isEqualTo("企业安全管理人员必须填写企业统一社会信用代码。");
        assertThat(driver.findElements(By.id("flash"))).isEmpty();
        Browser.screenshot(driver, "user-edit-error");

        driver.get(userUrl);
        driver.findElement(By.id("new-password")).sendKeys("Reset-pass-22");
        Browser.submit(driver, By.id("reset-password"));
        assertThat(flash()).isEqualTo("密码已重置。该用户下次登录时须修改密码。");
        assertThat(driver.findElement(By.id("password-change-required")).isDisplayed()).isTrue();
        Browser.screenshot(driver, "user-reset");
        logout();

        Browser.login(driver, base, username, "Reset-pass-22");
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("password-change-required")));
        assertThat(driver.getCurrentUrl()).endsWith("/account?passwordChangeRequired");
        driver.get(base + "/hazards");
        assertThat(driver.getCurrentUrl()).as("every other page waits for the new password")
                .endsWith("/account?passwordChangeRequired");
        Browser.screenshot(driver, "password-change-required");

        changePassword("Reset-pass-22", "Reset-pass-22");
        assertThat(driver.findElement(By.id("newPassword-error")).getText()).isEqualTo("新密码不能与当前密码相同。");
        changePassword("Reset-pass-22", "Own-choice-333");
        assertThat(flash()).isEqualTo("密码已修改。");
        assertThat(driver.findElement(By.id("current-user")).getText()).isEqualTo("张监管员");
        Browser.screenshot(driver, "password-changed");
        driver.get(base + "/hazards");
        assertThat(driver.getCurrentUrl()).as("signed in, no longer held on the account page").endsWith("/hazards");
        assertThat(driver.findElement(By.id("current-user")).getText()).isEqualTo("张监管员");
        logout();

        login(username, "Own-choice-333");
        assertThat(jdbc.sql("select password_change_required from identity.app_user where username = :u")
                .param("u", username).query(Boolean.class).single()).isFalse();
    }

    private void changePassword(String current, String next) {
        driver.findElement(By.id("currentPassword")).sendKeys(current);
        driver.findElement(By.id("newPassword")).sendKeys(next);
        Browser.submit(driver, By.id("change-password"));
    }

    private String flash() {
        return Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("flash"))).getText();
    }

    private void login(String user) {
        login(user, IntegrationTest.PASSWORD);
    }

    private void login(String user, String password) {
        Browser.login(driver, base, user, password);
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("welcome")));
    }

    private void logout() {
        driver.findElement(By.id("logout")).click();
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("login-submit")));
    }
}

package io.tagbase.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Users, roles and what each role sees, clicked through with the demo data: the administrator
 * creates an analyst, who sees phone numbers masked and no admin pages; a demo sales rep sees only
 * the customers they own.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"tagbase.demo=true", "tagbase.test.context=security-browser"})
@ActiveProfiles("test")
class SecurityBrowserIT extends ConsoleSession {
  @Autowired JdbcClient jdbc;

  @Test
  void administratorCreatesAnAnalystWhoSeesPersonalDataMasked() {
    browser.get(url("/users"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("user-list")));
    assertThat(browser.findElement(By.cssSelector(".topbar h1")).getText()).isEqualTo("用户管理");
    assertThat(browser.findElement(By.id("user-list")).getText()).contains("sales.li", "李销售");
    browser.findElement(By.id("user-username")).sendKeys("analyst.zhou");
    browser.findElement(By.id("user-display")).sendKeys("周分析");
    new Select(browser.findElement(By.id("user-role"))).selectByValue("ANALYST");
    browser.findElement(By.id("user-password")).sendKeys("analyst-password-1");
    browser.findElement(By.id("user-submit")).click();
    wait.until(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-user='analyst.zhou']")));

    relogIn("analyst.zhou", "analyst-password-1");
    assertThat(browser.findElements(By.id("nav-keys"))).isEmpty();
    assertThat(browser.findElements(By.id("nav-users"))).isEmpty();
    assertThat(browser.findElement(By.id("nav-customers")).isDisplayed()).isTrue();
    browser.get(url("/customers/C00042"));
    String phone =
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("customer-phone"))).getText();
    String real =
        jdbc.sql("select phone from customer where external_id = 'C00042'")
            .query(String.class)
            .single();
    assertThat(phone).contains("****").isNotEqualTo(real);
    assertThat(browser.findElements(By.id("erase-form"))).isEmpty();
    browser.get(url("/keys"));
    assertThat(browser.getPageSource()).doesNotContain("key-list");
  }

  @Test
  void rolesPageListsBuiltInRolesInEnglishAndSavesACustomRole() {
    browser.get(url("/roles?lang=en"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("role-list")));
    assertThat(browser.findElement(By.cssSelector("[data-role='SALES_REP']")).getText())
        .contains("Sales rep", "Own customers only", "See personal data unmasked");
    browser.findElement(By.id("role-code")).sendKeys("REGION_LEAD");
    browser.findElement(By.id("role-name-zh")).sendKeys("区域主管");
    browser.findElement(By.id("role-name-en")).sendKeys("Region lead");
    browser.findElement(By.id("perm-CUSTOMERS_READ")).click();
    browser.findElement(By.id("perm-SEGMENTS_READ")).click();
    browser.findElement(By.id("role-submit")).click();
    wait.until(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-role='REGION_LEAD']")));
    assertThat(browser.findElement(By.cssSelector("[data-role='REGION_LEAD']")).getText())
        .contains("Region lead", "See customers", "See segments");
  }

  @Test
  void demoSalesRepSeesOnlyTheCustomersTheyOwn() {
    long owned =
        jdbc.sql("select count(*) from customer where owner = 'sales.li'")
            .query(Long.class)
            .single();
    assertThat(owned).isGreaterThan(10);
    relogIn("sales.li", "test-admin-password");
    // the dashboard's figures cover everyone: a sales rep lands on their own customers instead
    assertThat(browser.getCurrentUrl()).endsWith("/customers");
    browser.get(url("/customers?lang=en"));
    String total =
        wait.until(
                ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#customer-results p.muted")))
            .getText();
    assertThat(total).contains(String.valueOf(owned));
    String someoneElses =
        jdbc.sql("select external_id from customer where owner is null order by id limit 1")
            .query(String.class)
            .single();
    browser.get(url("/customers/" + someoneElses));
    assertThat(browser.findElements(By.id("customer-id"))).isEmpty();
  }

  private void relogIn(String user, String password) {
    browser.findElement(By.cssSelector("form[action$='/logout'] button")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys(password);
    browser.findElement(By.id("login-submit")).click();
    wait.until(d -> !d.getCurrentUrl().contains("/login"));
  }
}

package io.tagbase.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagbase.TestHttp;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Template tags in headless Chromium on the demo data: the demo's RFM tiers previewed, lifecycle
 * thresholds changed and saved, a layered tag written in the form, and lifecycle tags created from
 * the tag library, in Chinese and English.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"tagbase.demo=true", "tagbase.test.context=template-browser"})
@ActiveProfiles("test")
class TemplateBrowserIT extends ConsoleSession {

  private long previewTotal() {
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("template-preview-result")));
    WebElement table =
        browser.findElement(By.cssSelector("#template-preview-result table[data-tag]"));
    long total = 0;
    for (WebElement cell : table.findElements(By.cssSelector("tbody tr td:nth-child(2)"))) {
      total += Long.parseLong(cell.getText().replace(",", ""));
    }
    return total;
  }

  @Test
  void demoRfmTiersPreviewWithDataAndLifecycleThresholdsSave() {
    browser.get(url("/tags/rfm_tier"));
    wait.until(ExpectedConditions.elementToBeClickable(By.id("tag-template-link"))).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("template-form")));
    assertThat(browser.findElement(By.id("template-program-RFM")).getAttribute("class"))
        .contains("active");
    assertThat(browser.findElement(By.id("template-last-result")).getText())
        .contains("customers scored");
    browser.findElement(By.id("template-preview-button")).click();
    assertThat(previewTotal()).isPositive();
    assertThat(browser.findElements(By.cssSelector("#template-preview-result table[data-tag]")))
        .hasSize(4);

    browser.get(url("/tags/lifecycle_stage/template"));
    WebElement active =
        wait.until(ExpectedConditions.elementToBeClickable(By.id("template-active-days")));
    active.clear();
    active.sendKeys("60");
    browser.findElement(By.id("template-save")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("template-saved")));
    assertThat(browser.findElement(By.id("template-version")).getText()).isEqualTo("2");
    assertThat(browser.findElement(By.id("template-active-days")).getAttribute("value"))
        .isEqualTo("60");
    assertThat(previewTotal()).isPositive();
  }

  @Test
  void layeredTagFromTheFormInEnglish() {
    TestHttp.withKey(port)
        .post(
            "/api/v1/tags",
            "{\"code\":\"city_tier\",\"categoryCode\":\"region\",\"nameZh\":\"城市层级\","
                + "\"nameEn\":\"City tier\",\"kind\":\"RULE\",\"valueType\":\"LAYERED\","
                + "\"values\":[{\"code\":\"tier1\",\"nameZh\":\"一线\",\"nameEn\":\"Tier 1\"},"
                + "{\"code\":\"other\",\"nameZh\":\"其他\",\"nameEn\":\"Other\"}]}");
    browser.get(url("/tags/city_tier/template?lang=en"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("template-form")));
    assertThat(browser.findElement(By.id("template-program-LAYERED")).getText())
        .isEqualTo("Layered rules");
    new Select(browser.findElement(By.id("template-value-0"))).selectByValue("tier1");
    browser.findElement(By.id("template-rule-0")).sendKeys("ctiy in (上海, 北京)");
    new Select(browser.findElement(By.id("template-else"))).selectByValue("other");
    browser.findElement(By.id("template-preview-button")).click();
    WebElement problem =
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("template-preview-problem")));
    assertThat(problem.getText()).contains("branches[0].rule").contains("did you mean 'city'");

    WebElement rule = browser.findElement(By.id("template-rule-0"));
    rule.clear();
    rule.sendKeys("city in (上海, 北京)");
    browser.findElement(By.id("template-preview-button")).click();
    long everyone = previewTotal();
    assertThat(everyone).isPositive();
    browser.findElement(By.id("template-save")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("template-saved")));
    assertThat(browser.findElement(By.id("template-saved")).getText())
        .isEqualTo("Saved and evaluated.");
    browser.get(url("/tags/city_tier"));
    assertThat(browser.findElement(By.id("tag-members")).getText().replace(",", ""))
        .isEqualTo(String.valueOf(everyone));

    // the customer page explains the value, branch by branch
    String member =
        TestHttp.withKey(port)
            .get("/api/v1/tags/city_tier/members?value=tier1&size=1")
            .json()
            .get("externalIds")
            .get(0)
            .asString();
    browser.get(url("/customers/" + member + "?lang=en"));
    wait.until(ExpectedConditions.elementToBeClickable(By.id("explain-city_tier"))).click();
    WebElement explanation =
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rule-explanation")));
    assertThat(explanation.getText()).contains("1. → tier1").contains("= tier1");
    assertThat(
            browser.findElement(By.cssSelector("#customer-rules tr[data-tag=city_tier]")).getText())
        .contains("tier1");
  }

  @Test
  void statisticalTagFromTheForm() {
    TestHttp.withKey(port)
        .post(
            "/api/v1/tags",
            "{\"code\":\"spend_365\",\"categoryCode\":\"value\",\"nameZh\":\"年消费额\","
                + "\"nameEn\":\"Spend, 365 days\",\"kind\":\"STATISTICAL\"}");
    browser.get(url("/tags/spend_365"));
    wait.until(ExpectedConditions.elementToBeClickable(By.id("tag-template-link"))).click();
    WebElement measure =
        wait.until(ExpectedConditions.elementToBeClickable(By.id("template-measure")));
    assertThat(browser.findElement(By.id("template-program-STATISTIC")).getAttribute("class"))
        .contains("active");
    measure.sendKeys("近365天 order 的 amount 总和");
    browser.findElement(By.id("template-save")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("template-saved")));
    assertThat(browser.findElement(By.id("template-last-result")).getText())
        .contains("customers with a number");
    assertThat(previewTotal()).isPositive();
  }

  @Test
  void lifecycleTagsCreatedFromTheTagLibrary() {
    browser.get(url("/tags"));
    wait.until(ExpectedConditions.elementToBeClickable(By.id("new-template-open"))).click();
    WebElement code = browser.findElement(By.id("new-lifecycle-code"));
    code.clear();
    code.sendKeys("stage_copy");
    new Select(browser.findElement(By.id("new-lifecycle-category"))).selectByValue("lifecycle");
    browser.findElement(By.id("new-lifecycle-submit")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("template-stored-program")));
    assertThat(browser.getCurrentUrl()).endsWith("/tags/stage_copy/template");
    assertThat(browser.findElement(By.id("template-stored-program")).getText()).isEqualTo("生命周期");
    assertThat(browser.findElement(By.id("template-last-result")).getText())
        .startsWith("lifecycle as of");
  }
}

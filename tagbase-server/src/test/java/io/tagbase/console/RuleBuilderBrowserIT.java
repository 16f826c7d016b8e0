package io.tagbase.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagbase.TestHttp;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The rule editor's highlighting and visual builder in headless Chromium on the demo data: a
 * Chinese rule opens in the builder as its conditions, edits there rewrite the text (and its live
 * count), and the rule saves.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"tagbase.demo=true", "tagbase.test.context=rule-builder-browser"})
@ActiveProfiles("test")
class RuleBuilderBrowserIT extends ConsoleSession {

  private List<String> texts(String css) {
    return browser.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
  }

  @Test
  void chineseRuleIsHighlightedAndEditedInTheBuilder() {
    TestHttp.withKey(port)
        .post(
            "/api/v1/tags",
            "{\"code\":\"builder_tag\",\"categoryCode\":\"behavior\",\"nameZh\":\"构建器\","
                + "\"nameEn\":\"Builder\",\"kind\":\"RULE\"}");
    browser.get(url("/tags/builder_tag/rule"));
    WebElement text = wait.until(ExpectedConditions.elementToBeClickable(By.id("rule-text")));
    text.sendKeys("次数(order) >= 2 且 城市 = \"上海\"");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rule-count")));
    assertThat(texts(".rule-highlight .tok-kw")).contains("且");
    assertThat(texts(".rule-highlight .tok-fn")).contains("次数");
    assertThat(texts(".rule-highlight .tok-str")).contains("\"上海\"");
    assertThat(texts(".rule-highlight .tok-num")).contains("2");

    browser.findElement(By.id("rule-mode-visual")).click();
    wait.until(
        ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#rule-builder .rb-cond")));
    List<WebElement> conditions = browser.findElements(By.cssSelector("#rule-builder .rb-cond"));
    assertThat(conditions).hasSize(2);
    assertThat(
            new Select(conditions.get(0).findElement(By.cssSelector(".rb-kind")))
                .getFirstSelectedOption()
                .getAttribute("value"))
        .isEqualTo("agg");
    assertThat(conditions.get(0).findElement(By.cssSelector(".rb-value")).getAttribute("value"))
        .isEqualTo("2");
    assertThat(
            new Select(conditions.get(1).findElement(By.cssSelector(".rb-field")))
                .getFirstSelectedOption()
                .getAttribute("value"))
        .isEqualTo("city");

    new Select(browser.findElement(By.cssSelector("#rule-builder .rb-op"))).selectByValue("or");
    wait.until(ExpectedConditions.attributeContains(By.id("rule-text"), "value", " or "));
    WebElement city = browser.findElements(By.cssSelector("#rule-builder .rb-value")).get(1);
    city.clear();
    city.sendKeys("北京\t");
    wait.until(ExpectedConditions.attributeContains(By.id("rule-text"), "value", "北京"));
    assertThat(browser.findElement(By.id("rule-text")).getAttribute("value"))
        .isEqualTo("count(order) >= 2 or city = \"北京\"");

    browser.findElement(By.id("rule-mode-text")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rule-text")));
    String count =
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rule-count"))).getText();
    assertThat(count).matches("[1-9]\\d*");
    browser.findElement(By.id("rule-save")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rule-evaluation")));
    assertThat(browser.findElement(By.id("rule-version")).getText()).isEqualTo("1");
  }

  @Test
  void segmentBuilderNarrowsByARule() {
    browser.get(url("/segments"));
    long everyone =
        Long.parseLong(
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("segment-count")))
                .getText()
                .replace(",", ""));
    WebElement rule = browser.findElement(By.id("segment-rule"));
    rule.sendKeys("城市 = 上海 且 count(order) >= 1\t");
    // the count is re-rendered as the answer arrives: read it again if it was replaced meanwhile
    String shown =
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
            .until(
                d -> {
                  String text = d.findElement(By.id("segment-count")).getText().replace(",", "");
                  return text.matches("\\d+") && !text.equals(String.valueOf(everyone))
                      ? text
                      : null;
                });
    long narrowed = Long.parseLong(shown);
    assertThat(narrowed).isPositive().isLessThan(everyone);

    browser.findElement(By.id("save-code")).sendKeys("shanghai_buyers");
    browser.findElement(By.id("save-name-zh")).sendKeys("上海买家");
    browser.findElement(By.id("save-name-en")).sendKeys("Shanghai buyers");
    browser.findElement(By.id("save-submit")).click();
    wait.until(ExpectedConditions.urlContains("/segments/saved/shanghai_buyers"));
    assertThat(TestHttp.withKey(port).get("/api/v1/segments/shanghai_buyers").json().toString())
        .contains(String.valueOf(narrowed));
  }
}

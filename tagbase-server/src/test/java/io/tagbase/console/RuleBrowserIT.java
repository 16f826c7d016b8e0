package io.tagbase.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The rule editor in headless Chromium on the demo data: a Chinese rule, its count, save. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "tagbase.demo=true")
@ActiveProfiles("test")
class RuleBrowserIT extends ConsoleSession {

  @Test
  void chineseRuleShowsItsCountAndErrorsAndOnceSavedSetsTheMembers() {
    // A rule tag of its own: the demo's tags are manual.
    io.tagbase.TestHttp.withKey(port)
        .post(
            "/api/v1/tags",
            "{\"code\":\"repeat_buyer\",\"categoryCode\":\"behavior\",\"nameZh\":\"复购客户\","
                + "\"nameEn\":\"Repeat buyer\",\"kind\":\"RULE\"}");
    browser.get(url("/tags/repeat_buyer"));
    wait.until(ExpectedConditions.elementToBeClickable(By.id("tag-rule-link"))).click();
    var text = wait.until(ExpectedConditions.elementToBeClickable(By.id("rule-text")));

    text.clear();
    text.sendKeys("次数(order) >= 2 且 ctiy = 上海");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#rule-errors li")));
    assertThat(browser.findElement(By.id("rule-errors")).getText())
        .contains("1:18")
        .contains("city");

    text.clear();
    text.sendKeys("次数(order) >= 2 或 城市 = 上海");
    String count =
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rule-count"))).getText();
    assertThat(count).matches("[1-9]\\d*");

    browser.findElement(By.id("rule-save")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rule-evaluation")));
    assertThat(browser.findElement(By.id("rule-version")).getText()).isEqualTo("1");

    browser.get(url("/tags/repeat_buyer"));
    assertThat(browser.findElement(By.id("tag-members")).getText().replace(",", ""))
        .isEqualTo(count);
  }
}

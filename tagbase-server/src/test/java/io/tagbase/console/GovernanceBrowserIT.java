package io.tagbase.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagbase.TestHttp;
import io.tagbase.rules.RuleService;
import io.tagbase.web.ChangeAwaitsApproval;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

/**
 * The governance center in headless Chromium on the demo data: findings, similar tags, the merge
 * dialog with its preview, undo, and the approvals inbox, in Chinese and in English.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"tagbase.demo=true", "tagbase.test.context=governance-browser"})
@ActiveProfiles("test")
class GovernanceBrowserIT extends ConsoleSession {
  @Autowired RuleService rules;

  static String unique(String prefix) {
    return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  }

  String tag(String category, String code, String nameZh, String nameEn, String kind) {
    var r =
        TestHttp.withKey(port)
            .post(
                "/api/v1/tags",
                "{\"code\":\""
                    + code
                    + "\",\"categoryCode\":\""
                    + category
                    + "\",\"nameZh\":\""
                    + nameZh
                    + "\",\"nameEn\":\""
                    + nameEn
                    + "\",\"kind\":\""
                    + kind
                    + "\",\"status\":\"ACTIVE\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return code;
  }

  void give(String tag, String customer) {
    var http = TestHttp.withKey(port);
    http.post("/api/v1/customers", "{\"externalId\":\"" + customer + "\"}");
    assertThat(http.put("/api/v1/customers/" + customer + "/tags/" + tag, "{}").status())
        .isLessThan(300);
  }

  @Test
  void similarTagsAreMergedFromThePreviewAndUndoneInChinese() {
    String category = unique("gov");
    TestHttp.withKey(port)
        .post(
            "/api/v1/tag-categories",
            "{\"code\":\"" + category + "\",\"nameZh\":\"治理\",\"nameEn\":\"Governance\"}");
    String kept = tag(category, unique("hv"), "高价值客户", "High value customer", "MANUAL");
    String merged = tag(category, unique("hv"), "高价值顾客", "High value shopper", "MANUAL");
    String c1 = unique("c"), c2 = unique("c"), c3 = unique("c");
    give(kept, c1);
    give(kept, c2);
    give(merged, c2);
    give(merged, c3);

    browser.get(url("/governance"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("governance-findings")));
    assertThat(browser.findElement(By.cssSelector("tr[data-tag='" + kept + "']")).getText())
        .contains(kept);
    assertThat(browser.findElement(By.id("governance-findings")).getText()).contains("无负责人");

    browser.findElement(By.id("tab-similar")).click();
    var pair =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(
                By.xpath(
                    "//tr[contains(@data-pair,'"
                        + kept
                        + "') and contains(@data-pair,'"
                        + merged
                        + "')]")));
    assertThat(pair.getText()).contains("高价值客户").contains("高价值顾客");

    browser.get(url("/governance/merge?kept=" + kept + "&merged=" + merged));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("merge-preview-result")));
    assertThat(browser.findElement(By.id("preview-kept-members")).getText()).isEqualTo("2");
    assertThat(browser.findElement(By.id("preview-after")).getText()).isEqualTo("3");

    browser.findElement(By.id("merge-confirm")).click();
    var done = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("governance-merged")));
    assertThat(done.getText()).contains("新增 1 名成员");
    assertThat(TestHttp.withKey(port).get("/api/v1/tags/" + merged).json().get("status").asString())
        .isEqualTo("ARCHIVED");

    String row = "//tr[td[2][text()='" + kept + "']]//button";
    browser.findElement(By.xpath(row)).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("governance-undone")));
    assertThat(TestHttp.withKey(port).get("/api/v1/tags/" + merged).json().get("status").asString())
        .isEqualTo("ACTIVE");
  }

  @Test
  void theApprovalsInboxShowsTheDiffAndApprovesInEnglish() {
    String category = unique("gov");
    TestHttp.withKey(port)
        .post(
            "/api/v1/tag-categories",
            "{\"code\":\"" + category + "\",\"nameZh\":\"治理\",\"nameEn\":\"Governance\"}");
    String x = tag(category, unique("x"), "甲", "X", "MANUAL");
    String y = tag(category, unique("y"), "乙", "Y", "MANUAL");
    String rule = tag(category, unique("r"), "规则", "Rule", "RULE");
    give(x, unique("c"));
    rules.save(rule, "has tag " + x, "admin");
    SecurityContextHolder.getContext()
        .setAuthentication(new TestingAuthenticationToken("editor", null, "PERM_RULES_WRITE"));
    try {
      rules.save(rule, "has tag " + y, "editor");
    } catch (ChangeAwaitsApproval expected) {
      // The change became a request: that is what this test is about.
    } finally {
      SecurityContextHolder.clearContext();
    }

    browser.get(url("/governance/approvals?lang=en"));
    var card =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(
                By.xpath("//div[@data-request and contains(., '" + rule + "')]")));
    assertThat(card.findElement(By.tagName("del")).getText()).isEqualTo(x);
    assertThat(card.findElement(By.tagName("ins")).getText()).isEqualTo(y);
    assertThat(card.getText()).contains("Members now 1, after the change 0");

    card.findElement(By.cssSelector("button.primary")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("governance-done")));
    assertThat(rules.get(rule).text()).isEqualTo("has tag " + y);
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Approvals inbox");

    browser.get(url("/governance?tab=quality"));
    assertThat(
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("governance-quality")))
                .getText())
        .contains("Quality score per tag")
        .contains(rule);
  }
}

package io.tagbase.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagbase.TestHttp;
import io.tagbase.rules.RuleService;
import io.tagbase.web.ChangeAwaitsApproval;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

/**
 * The governance center in headless Chromium on the demo data: findings, similar tags, the merge
 * dialog with its preview, undo, the approvals inbox (a user without APPROVE changes a template's
 * settings and a tag's definition in the console, an administrator approves one and rejects the
 * other) and the governance card on the tag page, in Chinese and in English.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"tagbase.demo=true", "tagbase.test.context=governance-browser"})
@ActiveProfiles("test")
class GovernanceBrowserIT extends ConsoleSession {
  static final String EDITOR_PASSWORD = "editor-password-123";

  @Autowired RuleService rules;
  @Autowired Clock clock;

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

  @Test
  void aNonApproversTemplateAndDefinitionChangesWaitAndTheTemplateIsApprovedInChinese() {
    changesWaitForAnApprover("zh", true);
  }

  @Test
  void aNonApproversTemplateAndDefinitionChangesWaitAndTheDefinitionIsApprovedInEnglish() {
    changesWaitForAnApprover("en", false);
  }

  /**
   * A user whose role writes tags and rules but lacks APPROVE (every built-in role that writes them
   * holds it) changes a layered tag's template settings and another tag's category and values in
   * the console; both wait. An administrator sees them on the tag page's governance card and in the
   * inbox with their diffs (and the template's dry run per value), approves one and rejects the
   * other, and only the approved change is made.
   */
  void changesWaitForAnApprover(String lang, boolean approveTemplate) {
    boolean zh = lang.equals("zh");
    var admin = TestHttp.withKey(port);
    String from = category(), to = category();
    String tiers = layered(from, "tier", "RULE", "tier1", "other");
    long fromId = admin.get("/api/v1/tags/" + tiers).json().get("categoryId").asLong();
    var template =
        admin.put(
            "/api/v1/tags/" + tiers + "/template/layered",
            "{\"branches\":[{\"value\":\"tier1\",\"rule\":\"city in (上海, 北京)\"}],"
                + "\"elseValue\":\"other\"}");
    assertThat(template.status()).as(template.body()).isEqualTo(200);
    String grades = layered(from, "grade", "MANUAL", "ga", "gb");
    String editor = editor();

    logInAs(editor, EDITOR_PASSWORD);
    browser.get(url("/tags/" + tiers + "/template?lang=" + lang));
    WebElement rule = wait.until(ExpectedConditions.elementToBeClickable(By.id("template-rule-0")));
    rule.clear();
    rule.sendKeys("city in (上海)");
    browser.findElement(By.id("template-save")).click();
    String waiting =
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("template-awaits-approval")))
            .getText();
    long templateRequest = pending(tiers);
    assertThat(waiting)
        .contains(zh ? "修改需要审批" : "this change needs approval")
        .contains(String.valueOf(templateRequest));

    browser.get(url("/tags/" + grades));
    wait.until(ExpectedConditions.elementToBeClickable(By.id("tag-edit-open"))).click();
    new Select(browser.findElement(By.id("edit-category"))).selectByValue(to);
    browser.findElement(By.id("edit-values")).sendKeys("\ngc, 丙, Grade C");
    browser.findElement(By.id("tag-edit-submit")).click();
    waiting =
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("taxonomy-notice"))).getText();
    long definitionRequest = pending(grades);
    assertThat(waiting)
        .contains(zh ? "修改需要审批" : "this change needs approval")
        .contains(String.valueOf(definitionRequest));
    assertThat(browser.findElement(By.id("tag-category")).getAttribute("data-category"))
        .isEqualTo(from);
    assertThat(browser.findElements(By.cssSelector("#tag-values li"))).hasSize(2);

    // the administrator: the tag page's governance card, then the inbox
    logInAs("admin", "test-admin-password");
    var used = admin.post("/api/v1/segments/count", "{\"condition\":{\"tag\":\"" + tiers + "\"}}");
    assertThat(used.status()).as(used.body()).isEqualTo(200);
    browser.get(url("/tags/" + tiers + "?lang=" + lang));
    WebElement card =
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("governance-card")));
    String today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString();
    assertThat(card.findElement(By.id("governance-card-viewed")).getText()).isEqualTo(today);
    assertThat(card.findElement(By.id("governance-card-used")).getText()).isEqualTo(today);
    assertThat(card.findElement(By.id("governance-card-score")).getText())
        .isEqualTo(String.valueOf(score(tiers)));
    assertThat(card.findElement(By.cssSelector("li[data-kind=NO_OWNER]")).getText())
        .contains(zh ? "没有负责人。" : "Nobody owns it.");
    assertThat(card.findElement(By.id("governance-card-where-used")).getAttribute("href"))
        .endsWith("/governance/where-used/" + tiers);
    WebElement request =
        card.findElement(By.cssSelector("li[data-request='" + templateRequest + "'] a"));
    assertThat(request.getText()).contains(zh ? "模板设置" : "template settings").contains(editor);
    request.click();

    WebElement templateCard =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(By.id("request-" + templateRequest)));
    assertThat(texts(templateCard, "del")).anyMatch(t -> t.contains("北京"));
    assertThat(texts(templateCard, "ins")).anyMatch(t -> t.contains("上海") && !t.contains("北京"));
    long tier1After = effect(templateCard, "tier1");
    long otherAfter = effect(templateCard, "other");
    assertThat(tier1After).isPositive();
    assertThat(tier1After + otherAfter).isEqualTo(total(tiers, null));
    WebElement definitionCard = browser.findElement(By.id("request-" + definitionRequest));
    assertThat(texts(definitionCard, "del")).anyMatch(t -> t.contains(from));
    assertThat(texts(definitionCard, "ins")).anyMatch(t -> t.contains(to));
    assertThat(texts(definitionCard, "ins")).anyMatch(t -> t.contains("Grade C"));

    decide(approveTemplate ? templateRequest : definitionRequest, "approve");
    decide(approveTemplate ? definitionRequest : templateRequest, "reject");
    assertThat(status(templateRequest)).isEqualTo(approveTemplate ? "APPROVED" : "REJECTED");
    assertThat(status(definitionRequest)).isEqualTo(approveTemplate ? "REJECTED" : "APPROVED");

    String stored = admin.get("/api/v1/tags/" + tiers + "/template").body();
    var grade = admin.get("/api/v1/tags/" + grades).json();
    browser.get(url("/tags/" + grades));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("governance-card-no-pending")));
    String shownCategory = browser.findElement(By.id("tag-category")).getAttribute("data-category");
    List<WebElement> shownValues = browser.findElements(By.cssSelector("#tag-values li"));
    if (approveTemplate) {
      assertThat(stored).contains("上海").doesNotContain("北京");
      assertThat(total(tiers, "tier1")).isEqualTo(tier1After);
      assertThat(grade.get("categoryId").asLong()).isEqualTo(fromId);
      assertThat(grade.get("values")).hasSize(2);
      assertThat(shownCategory).isEqualTo(from);
      assertThat(shownValues).hasSize(2);
    } else {
      assertThat(stored).contains("北京");
      assertThat(grade.get("categoryId").asLong()).isNotEqualTo(fromId);
      assertThat(grade.get("values")).hasSize(3);
      assertThat(shownCategory).isEqualTo(to);
      assertThat(shownValues).hasSize(3);
      assertThat(browser.findElement(By.cssSelector("#tag-values li[data-value=gc]")).getText())
          .contains("Grade C");
    }
    browser.get(url("/tags/" + tiers));
    assertThat(
            wait.until(
                    ExpectedConditions.presenceOfElementLocated(
                        By.id("governance-card-no-pending")))
                .getText())
        .isEqualTo(zh ? "没有待审批的修改。" : "No change waits for approval.");
  }

  String category() {
    String code = unique("gov");
    var r =
        TestHttp.withKey(port)
            .post(
                "/api/v1/tag-categories",
                "{\"code\":\"" + code + "\",\"nameZh\":\"治理\",\"nameEn\":\"Governance\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return code;
  }

  /** An active layered tag with two values. */
  String layered(String category, String prefix, String kind, String first, String second) {
    String code = unique(prefix);
    var r =
        TestHttp.withKey(port)
            .post(
                "/api/v1/tags",
                "{\"code\":\""
                    + code
                    + "\",\"categoryCode\":\""
                    + category
                    + "\",\"nameZh\":\"分层\",\"nameEn\":\"Layers\",\"kind\":\""
                    + kind
                    + "\",\"valueType\":\"LAYERED\",\"status\":\"ACTIVE\",\"values\":["
                    + "{\"code\":\""
                    + first
                    + "\",\"nameZh\":\"一\",\"nameEn\":\"One\"},{\"code\":\""
                    + second
                    + "\",\"nameZh\":\"二\",\"nameEn\":\"Two\"}]}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return code;
  }

  /** A user whose custom role writes tags and rules but does not hold APPROVE. */
  String editor() {
    String role = unique("GOVED").toUpperCase(Locale.ROOT);
    var r =
        TestHttp.withKey(port)
            .put(
                "/api/v1/roles/" + role,
                "{\"nameZh\":\"标签编辑\",\"nameEn\":\"Tag editor\",\"scope\":\"ALL\","
                    + "\"permissions\":[\"CUSTOMERS_READ\",\"TAGS_READ\",\"TAGS_WRITE\","
                    + "\"TAGGING_READ\",\"RULES_READ\",\"RULES_WRITE\",\"GOVERNANCE_READ\"]}");
    assertThat(r.status()).as(r.body()).isLessThan(300);
    String user = unique("editor");
    var u =
        TestHttp.withKey(port)
            .post(
                "/api/v1/users",
                "{\"username\":\""
                    + user
                    + "\",\"role\":\""
                    + role
                    + "\",\"password\":\""
                    + EDITOR_PASSWORD
                    + "\"}");
    assertThat(u.status()).as(u.body()).isEqualTo(201);
    return user;
  }

  void logInAs(String user, String password) {
    browser.manage().deleteAllCookies();
    browser.get(url("/login"));
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys(password);
    browser.findElement(By.id("login-submit")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("nav-tags")));
  }

  /** The id of the tag's only pending change request. */
  long pending(String tag) {
    var requests = TestHttp.withKey(port).get("/api/v1/governance/approvals?status=PENDING").json();
    long id = -1;
    for (var v : requests) {
      if (v.get("request").get("tagCode").asString().equals(tag)) {
        assertThat(id).as("one pending request for " + tag).isEqualTo(-1);
        id = v.get("request").get("id").asLong();
      }
    }
    assertThat(id).as("a pending request for " + tag).isPositive();
    return id;
  }

  String status(long request) {
    return TestHttp.withKey(port)
        .get("/api/v1/governance/approvals/" + request)
        .json()
        .get("request")
        .get("status")
        .asString();
  }

  int score(String tag) {
    for (var q : TestHttp.withKey(port).get("/api/v1/governance/quality").json()) {
      if (q.get("tag").asString().equals(tag)) {
        return q.get("score").asInt();
      }
    }
    throw new AssertionError("no quality score for " + tag);
  }

  long total(String tag, String value) {
    return TestHttp.withKey(port)
        .get("/api/v1/tags/" + tag + "/members?size=1" + (value == null ? "" : "&value=" + value))
        .json()
        .get("total")
        .asLong();
  }

  static List<String> texts(WebElement parent, String tagName) {
    return parent.findElements(By.tagName(tagName)).stream().map(WebElement::getText).toList();
  }

  /** Members after the change for one value, from the request's dry run per value. */
  static long effect(WebElement request, String value) {
    return Long.parseLong(
        request
            .findElement(By.cssSelector("tr[data-value='" + value + "'] td:nth-child(3)"))
            .getText()
            .replace(",", ""));
  }

  /** Clicks approve or reject on the request's card and waits for the inbox to come back. */
  void decide(long request, String decision) {
    WebElement button = browser.findElement(By.id(decision + "-" + request));
    button.click();
    wait.until(ExpectedConditions.stalenessOf(button));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("governance-done")));
  }
}

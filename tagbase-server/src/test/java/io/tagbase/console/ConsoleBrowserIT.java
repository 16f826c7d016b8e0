package io.tagbase.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Clicks through the console with the demo data in headless Chromium, in Chinese and English. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "tagbase.demo=true")
@ActiveProfiles("test")
class ConsoleBrowserIT extends ConsoleSession {

  @Test
  void overviewShowsTheDemoCustomersInChinese() {
    assertThat(browser.findElement(By.id("stat-customers")).getText()).isEqualTo("2,000");
    assertThat(browser.findElement(By.id("nav-tags")).getText()).isEqualTo("标签体系");
  }

  @Test
  void tagPageShowsTheTaxonomyWithMemberCountsAndSwitchesToEnglish() {
    browser.findElement(By.id("nav-tags")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("taxonomy")));
    assertThat(browser.findElement(By.cssSelector("[data-category='value']")).getText())
        .contains("价值");
    WebElement vip = browser.findElement(By.cssSelector("[data-tag='vip']"));
    assertThat(vip.getText()).contains("VIP");
    assertThat(browser.findElement(By.cssSelector("[data-tag='female'] .num")).getText())
        .matches("[1-9][\\d,]*");

    browser.findElement(By.id("lang-switch")).click();
    wait.until(ExpectedConditions.textToBe(By.cssSelector(".topbar h1"), "Tag library"));
    assertThat(browser.findElement(By.cssSelector("[data-category='value']")).getText())
        .contains("Value");
    assertThat(browser.findElement(By.cssSelector("[data-tag='high_value']")).getText())
        .contains("High value");
  }

  @Test
  void customerSearchOpensAProfileWhereATagCanBeAddedAndRemoved() {
    browser.findElement(By.id("nav-customers")).click();
    WebElement search =
        wait.until(ExpectedConditions.elementToBeClickable(By.id("customer-search")));
    search.sendKeys("C00042");
    wait.until(
        ExpectedConditions.numberOfElementsToBe(By.cssSelector("#customer-results tbody tr"), 1));
    browser.findElement(By.linkText("C00042")).click();
    wait.until(ExpectedConditions.textToBe(By.id("customer-id"), "C00042"));

    Select add = new Select(browser.findElement(By.id("add-tag")));
    String code = add.getOptions().get(0).getAttribute("value");
    add.selectByIndex(0);
    browser.findElement(By.id("add-tag-submit")).click();
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#customer-tags [data-tag='" + code + "']")));

    browser.findElement(By.cssSelector("#customer-tags [data-tag='" + code + "'] button")).click();
    wait.until(
        ExpectedConditions.numberOfElementsToBe(
            By.cssSelector("#customer-tags [data-tag='" + code + "']"), 0));
  }

  @Test
  void bulkTaggingFromAnUploadedFileShowsProgressAndTheReport() throws java.io.IOException {
    java.nio.file.Path file = java.nio.file.Files.createTempFile("bulk", ".csv");
    java.nio.file.Files.writeString(file, "客户编号\nC00101\nC00102\nNOBODY\n");
    // A tag of its own, so what the demo data holds on any given day cannot matter.
    io.tagbase.TestHttp.withKey(port)
        .post(
            "/api/v1/tags",
            "{\"code\":\"callback_list\",\"categoryCode\":\"behavior\",\"nameZh\":\"回访名单\","
                + "\"nameEn\":\"Call-back list\"}");
    browser.findElement(By.id("nav-bulk")).click();
    new Select(wait.until(ExpectedConditions.elementToBeClickable(By.id("bulk-target"))))
        .selectByValue("callback_list");
    browser.findElement(By.id("mode-valid")).click();
    browser.findElement(By.id("bulk-file")).sendKeys(file.toAbsolutePath().toString());
    browser.findElement(By.id("bulk-reason")).sendKeys("季度回访");
    browser.findElement(By.id("bulk-submit")).click();

    wait.until(ExpectedConditions.textToBe(By.id("job-status"), "部分完成"));
    assertThat(browser.findElement(By.id("job-summary")).getText())
        .contains("成功 2 行")
        .contains("失败 1 行");
    assertThat(browser.findElement(By.cssSelector("#job-progress table")).getText())
        .contains("NOBODY");
    assertThat(browser.findElement(By.id("job-report")).getAttribute("href"))
        .endsWith("/report.csv");

    browser.get(url("/customers/C00101"));
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#customer-tags [data-tag='callback_list']")));
    assertThat(browser.findElement(By.id("tag-timeline")).getText()).contains("季度回访");

    browser.get(url("/tags/callback_list"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("tag-changes")));
    assertThat(browser.findElement(By.id("tag-changes")).getText())
        .contains("C00101")
        .contains("季度回访");
  }

  @Test
  void schemaEditorAddsAFieldThatTheProfilePageThenShows() {
    browser.findElement(By.id("nav-attributes")).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.id("attribute-code")))
        .sendKeys("member_level");
    browser.findElement(By.id("attribute-name-zh")).sendKeys("会员等级");
    browser.findElement(By.id("attribute-name-en")).sendKeys("Member level");
    new Select(browser.findElement(By.id("attribute-type"))).selectByValue("NUMBER");
    browser.findElement(By.id("attribute-submit")).click();
    wait.until(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-field='member_level']")));

    var api = io.tagbase.TestHttp.withKey(port);
    var upsert =
        api.post(
            "/api/v1/customers",
            "{\"externalId\":\"C00077\",\"identities\":{\"crmId\":\"CRM-77\"},"
                + "\"attributes\":{\"member_level\":\"3\"}}");
    assertThat(upsert.status()).isEqualTo(200);
    browser.get(url("/customers/C00077"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("profile-attributes")));
    assertThat(
            browser
                .findElement(By.cssSelector("#profile-attributes [data-field='member_level']"))
                .getText())
        .isEqualTo("3");
    assertThat(
            browser
                .findElement(By.cssSelector("#profile-identities [data-identity='CRM_ID']"))
                .getText())
        .isEqualTo("CRM-77");
  }

  @Test
  void schemaEditorShowsWhyAFieldIsRefused() {
    browser.get(url("/attributes"));
    wait.until(ExpectedConditions.elementToBeClickable(By.id("attribute-code"))).sendKeys("city");
    browser.findElement(By.id("attribute-name-zh")).sendKeys("城市");
    browser.findElement(By.id("attribute-name-en")).sendKeys("City");
    browser.findElement(By.id("attribute-submit")).click();
    wait.until(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector("#attribute-problem .problem")));
    assertThat(browser.findElement(By.id("attribute-problem")).getText()).contains("built-in");
  }

  @Test
  void segmentSavedFromTheBuilderHasAPageWithChartInsightAndExport() {
    browser.findElement(By.id("nav-segments")).click();
    new Select(wait.until(ExpectedConditions.elementToBeClickable(By.id("all-of"))))
        .selectByValue("female");
    wait.until(
        ExpectedConditions.not(ExpectedConditions.textToBe(By.id("segment-count"), "2,000")));
    String count = browser.findElement(By.id("segment-count")).getText();
    browser.findElement(By.id("save-code")).sendKeys("female_customers");
    browser.findElement(By.id("save-name-zh")).sendKeys("女性客户");
    browser.findElement(By.id("save-name-en")).sendKeys("Female customers");
    browser.findElement(By.id("save-submit")).click();

    wait.until(ExpectedConditions.urlContains("/segments/saved/female_customers"));
    assertThat(browser.findElement(By.id("segment-size")).getText()).isEqualTo(count);
    wait.until(ExpectedConditions.attributeToBe(By.id("size-chart"), "data-rendered", "true"));
    assertThat(browser.findElements(By.cssSelector("#size-chart canvas"))).isNotEmpty();
    assertThat(browser.findElement(By.id("segment-insight")).getText()).isNotBlank();

    new Select(browser.findElement(By.id("export-purpose"))).selectByValue("marketing_sms");
    browser.findElement(By.id("segment-export")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("export-download")));
    assertThat(io.tagbase.TestHttp.withKey(port).get("/api/v1/audit?action=EXPORT").body())
        .contains("for marketing_sms");
    browser.findElement(By.id("nav-saved")).click();
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("[data-segment='female_customers']")));
  }

  @Test
  void keyIssuedInTheConsoleIsShownOnceAndTheAuditLogRecordsIt() {
    browser.findElement(By.id("nav-keys")).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.id("key-name"))).sendKeys("门店系统");
    new Select(browser.findElement(By.id("key-kind"))).selectByValue("WRITE");
    browser.findElement(By.id("key-issue")).click();
    String secret =
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("key-secret"))).getText();
    assertThat(secret).startsWith("tb_");
    browser.get(url("/keys"));
    assertThat(browser.findElement(By.id("key-list")).getText())
        .contains("门店系统")
        .doesNotContain(secret);

    browser.findElement(By.id("nav-audit")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("audit-entries")));
    assertThat(browser.findElement(By.id("audit-entries")).getText())
        .contains("KEY_CREATED")
        .contains("LOGIN");
  }

  @Test
  void segmentBuilderUpdatesTheCountAsTagsArePicked() {
    browser.findElement(By.id("nav-segments")).click();
    WebElement count =
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("segment-count")));
    assertThat(count.getText()).isEqualTo("2,000");
    new Select(browser.findElement(By.id("all-of"))).selectByValue("female");
    wait.until(
        ExpectedConditions.not(ExpectedConditions.textToBe(By.id("segment-count"), "2,000")));
    int female =
        Integer.parseInt(browser.findElement(By.id("segment-count")).getText().replace(",", ""));
    assertThat(female).isBetween(1, 1999);
    new Select(browser.findElement(By.id("none-of"))).selectByValue("female");
    wait.until(ExpectedConditions.textToBe(By.id("segment-count"), "0"));
  }
}

package io.tagbase.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagbase.TestHttp;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Automations in headless Chromium, in Chinese and English: build one in the editor, test it with
 * one customer, watch the run log, replay the dead letter, and close the follow-up task.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "tagbase.automation.poll-interval=PT0.2S",
      "tagbase.automation.backoff=PT0.2S",
      "tagbase.automation.max-backoff=PT1S"
    })
@ActiveProfiles("test")
class AutomationBrowserIT extends ConsoleSession {

  private static String unique(String prefix) {
    return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  }

  @Test
  void automationEditorRunLogDeadLettersAndTaskListInChineseAndEnglish() {
    TestHttp api = TestHttp.withKey(port);
    String category = unique("cat");
    api.post(
        "/api/v1/tag-categories",
        "{\"code\":\"" + category + "\",\"nameZh\":\"风险\",\"nameEn\":\"Risk\"}");
    String tag = unique("churn");
    api.post(
        "/api/v1/tags",
        "{\"code\":\""
            + tag
            + "\",\"categoryCode\":\""
            + category
            + "\",\"nameZh\":\"流失风险\",\"nameEn\":\"Churn risk\"}");
    String customer = unique("c");
    api.post("/api/v1/customers", "{\"externalId\":\"" + customer + "\",\"displayName\":\"王芳\"}");
    api.put("/api/v1/tasks/owners/" + customer, "{\"owner\":\"admin\"}");

    // The editor, in Chinese.
    browser.get(url("/automations"));
    wait.until(ExpectedConditions.elementToBeClickable(By.id("automation-new"))).click();
    String code = unique("auto");
    wait.until(ExpectedConditions.elementToBeClickable(By.id("automation-code"))).sendKeys(code);
    browser.findElement(By.id("automation-name")).sendKeys("进入流失风险回访");
    browser.findElement(By.id("trigger-target")).sendKeys(tag);
    new Select(browser.findElement(By.id("action-0-kind"))).selectByValue("WEBHOOK");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("action-0-url")))
        .sendKeys("http://127.0.0.1:9/unreachable");
    browser.findElement(By.id("action-0-secret")).sendKeys("browser-secret");
    browser.findElement(By.name("actions[0].maxAttempts")).sendKeys("1");
    new Select(browser.findElement(By.id("action-1-kind"))).selectByValue("TASK");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("action-1-title")))
        .sendKeys("回访流失风险客户");

    browser.findElement(By.id("automation-test-customer")).sendKeys(customer);
    browser.findElement(By.id("automation-test")).click();
    assertThat(
            wait.until(
                    ExpectedConditions.visibilityOfElementLocated(By.id("automation-test-outcome")))
                .getText())
        .isEqualTo("会执行");
    assertThat(browser.findElement(By.id("automation-test-verdict")).getText())
        .contains("回访流失风险客户")
        .contains("sha256=");

    browser.findElement(By.id("automation-save")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("automation-saved")));

    // The customer enters the tag: the webhook fails for good, the task is created.
    api.put("/api/v1/customers/" + customer + "/tags/" + tag, "{}");
    browser.get(url("/automations/" + code + "/runs"));
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .pollingEvery(Duration.ofMillis(500))
        .until(
            d -> {
              d.navigate().refresh();
              return d.findElements(By.cssSelector("#runs-table tr[data-outcome=FAILED]")).size()
                      == 1
                  && d.findElements(By.cssSelector("#runs-table tr[data-outcome=DELIVERED]")).size()
                      == 1;
            });
    assertThat(browser.findElement(By.id("runs-table")).getText())
        .contains(customer)
        .contains("失败（死信）")
        .contains("已触发")
        .contains("task for admin");

    // Dead letters: replay.
    browser.get(url("/automations/dead-letters"));
    var row =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(By.cssSelector("#dead-table tbody tr")));
    assertThat(row.getText()).contains(code).contains(customer).contains("could not connect");
    row.findElement(By.cssSelector("button")).click();
    assertThat(
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dead-replayed")))
                .getText())
        .contains("已重新排队");

    // The task list: open, then done.
    browser.get(url("/tasks?view=OPEN"));
    var task =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(By.cssSelector("#task-table tbody tr")));
    assertThat(task.getText()).contains("回访流失风险客户").contains("王芳").contains("admin");
    task.findElement(By.cssSelector("button")).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.id("task-tab-done"))).click();
    assertThat(
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("task-table"))).getText())
        .contains("回访流失风险客户")
        .contains("已完成");

    // Consent on the customer's profile page.
    browser.get(url("/customers/" + customer));
    wait.until(ExpectedConditions.elementToBeClickable(By.id("consent-refuse-marketing_sms")))
        .click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("#consent-table tr[data-purpose=marketing_sms] .consent-status"),
            "已拒绝"));
    assertThat(browser.findElement(By.id("consent-history")).getText()).contains("admin");

    // The same pages in English.
    browser.get(url("/automations?lang=en"));
    assertThat(browser.findElement(By.id("automation-new")).getText()).isEqualTo("New automation");
    assertThat(
            browser
                .findElement(By.cssSelector("#automation-list tr[data-automation=" + code + "]"))
                .getText())
        .contains("进入流失风险回访")
        .contains("Enters tag " + tag)
        .contains("Call webhook");
    browser.get(url("/automations/" + code + "/runs"));
    assertThat(browser.findElement(By.id("runs-table")).getText())
        .contains("Triggered")
        .contains("Replayed");
    browser.get(url("/tasks?view=DONE"));
    assertThat(browser.findElement(By.id("task-table")).getText()).contains("Done");
    browser.get(url("/automations/dead-letters"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Dead letters");
    browser.get(url("/customers/" + customer));
    assertThat(
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("consent-table")))
                .getText())
        .contains("Marketing SMS")
        .contains("Refused");
  }
}

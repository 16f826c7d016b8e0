package io.tagbase.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The taxonomy console in headless Chromium: build, move and inspect, in Chinese and English. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TaxonomyBrowserIT extends ConsoleSession {

  private static String unique(String prefix) {
    return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  }

  private void createCategory(String code, String nameZh) {
    browser.findElement(By.id("new-category-open")).click();
    browser.findElement(By.id("new-category-code")).sendKeys(code);
    browser.findElement(By.id("new-category-name-zh")).sendKeys(nameZh);
    browser.findElement(By.id("new-category-name-en")).sendKeys("Category " + code);
    browser.findElement(By.id("new-category-submit")).click();
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("[data-category='" + code + "']")));
  }

  @Test
  void categoryAndTagAreCreatedMovedAndInspected() {
    browser.findElement(By.id("nav-tags")).click();
    String first = unique("first");
    String second = unique("second");
    String tag = unique("tag");
    createCategory(first, "第一类");
    assertThat(browser.findElement(By.id("taxonomy-notice")).getText()).contains("已创建分类");
    createCategory(second, "第二类");

    browser.findElement(By.id("new-tag-open")).click();
    browser.findElement(By.id("new-tag-code")).sendKeys(tag);
    new Select(browser.findElement(By.id("new-tag-category"))).selectByValue(first);
    browser.findElement(By.cssSelector("#new-tag .field-name-zh")).sendKeys("测试标签");
    browser.findElement(By.cssSelector("#new-tag .field-name-en")).sendKeys("Test tag");
    browser.findElement(By.id("new-tag-submit")).click();
    wait.until(ExpectedConditions.textToBe(By.id("tag-code"), tag));
    assertThat(browser.findElement(By.id("tag-category")).getAttribute("data-category"))
        .isEqualTo(first);

    browser.findElement(By.id("back-to-tree")).click();
    browser.findElement(By.id("move-open")).click();
    new Select(browser.findElement(By.id("move-tag"))).selectByValue(tag);
    new Select(browser.findElement(By.id("move-tag-to"))).selectByValue(second);
    browser.findElement(By.id("move-tag-submit")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("taxonomy-notice")));
    assertThat(browser.findElement(By.cssSelector("[data-tag='" + tag + "'] .num")).getText())
        .isEqualTo("0");

    browser.findElement(By.cssSelector("[data-tag='" + tag + "'] a")).click();
    wait.until(ExpectedConditions.textToBe(By.id("tag-code"), tag));
    assertThat(browser.findElement(By.id("tag-category")).getText()).isEqualTo("第二类");
    assertThat(browser.findElements(By.cssSelector("#tag-versions tbody tr"))).hasSize(2);
    assertThat(browser.findElement(By.id("tag-status-actions")).getText()).contains("弃用");

    browser.get(url("/tags/" + tag + "?lang=en"));
    wait.until(ExpectedConditions.textToBe(By.cssSelector("#tag-definition h2"), "Definition"));
    assertThat(browser.findElement(By.id("status-DEPRECATED")).getText()).isEqualTo("Deprecate");
    browser.get(url("/tags?lang=zh_CN"));
  }

  @Test
  void deletingACategoryThatHoldsOneIsRefusedWithTheReason() {
    browser.findElement(By.id("nav-tags")).click();
    String parent = unique("parent");
    String child = unique("child");
    createCategory(parent, "上级");
    browser.findElement(By.id("new-category-open")).click();
    browser.findElement(By.id("new-category-code")).sendKeys(child);
    browser.findElement(By.id("new-category-name-zh")).sendKeys("下级");
    browser.findElement(By.id("new-category-name-en")).sendKeys("Child");
    new Select(browser.findElement(By.id("new-category-parent"))).selectByValue(parent);
    browser.findElement(By.id("new-category-submit")).click();
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("[data-category='" + child + "']")));

    browser.findElement(By.id("edit-" + parent)).click();
    browser.findElement(By.id("delete-" + parent)).click();
    var error = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("taxonomy-error")));
    assertThat(error.getText()).contains("不为空").contains(child);
  }
}

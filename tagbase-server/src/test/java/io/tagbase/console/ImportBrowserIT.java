package io.tagbase.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The import wizard in headless Chromium: upload, map (pre-filled), preview, run, progress. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ImportBrowserIT extends ConsoleSession {

  @DynamicPropertySource
  static void importDirectory(DynamicPropertyRegistry registry) throws IOException {
    String dir = Files.createTempDirectory("tagbase-imports").toString();
    registry.add("tagbase.import.directory", () -> dir);
  }

  @Test
  void orderFileGoesThroughTheWizardAndTheJobFinishes() throws IOException {
    Path file = Files.createTempFile("orders", ".csv");
    Files.writeString(
        file,
        "订单号,客户编号,下单时间,数量,单价\n"
            + "A1,W001,2026-03-01 10:00:00,2,9.5\n"
            + "A2,W002,2026-03-01 11:00:00,1,20\n"
            + "A3,,2026-03-01 12:00:00,1,5\n");
    browser.findElement(By.id("nav-import")).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.id("kind-events"))).click();
    browser.findElement(By.id("import-file")).sendKeys(file.toAbsolutePath().toString());
    browser.findElement(By.id("import-upload-submit")).click();

    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-map")));
    assertThat(browser.findElement(By.id("val-amount")).getAttribute("value"))
        .isEqualTo("=数量 * 单价");
    browser.findElement(By.id("import-preview-button")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-preview-valid")));
    assertThat(browser.findElement(By.id("import-preview-table")).getText())
        .contains("19.00")
        .contains("customer");

    browser.findElement(By.id("import-mode-valid")).click();
    browser.findElement(By.id("import-run")).click();
    wait.until(ExpectedConditions.textToBe(By.id("job-status"), "部分完成"));
    assertThat(browser.findElement(By.id("job-summary")).getText()).contains("2").contains("1");
    assertThat(browser.findElement(By.id("job-report")).isDisplayed()).isTrue();
  }
}

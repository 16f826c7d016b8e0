package io.tagbase.console;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A browser test's session: headless Chromium (skipped without it), logged in as the test
 * administrator before each test and closed after it.
 */
abstract class ConsoleSession {
  @LocalServerPort int port;
  ChromeDriver browser;
  WebDriverWait wait;

  @BeforeEach
  void logIn() {
    browser = Browser.start();
    wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    browser.get(url("/login"));
    browser.findElement(By.id("username")).sendKeys("admin");
    browser.findElement(By.id("password")).sendKeys("test-admin-password");
    browser.findElement(By.id("login-submit")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("stat-customers")));
  }

  @AfterEach
  void quit() {
    if (browser != null) {
      browser.quit();
    }
  }

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }
}

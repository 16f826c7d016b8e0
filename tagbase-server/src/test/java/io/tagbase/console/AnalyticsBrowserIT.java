package io.tagbase.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagbase.TestHttp;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The dashboard and a tag page in headless Chromium, in Chinese and English, on the demo data plus
 * two layered tags: every chart draws with data, and its CSV link returns the same figures.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"tagbase.demo=true", "tagbase.test.context=analytics-browser"})
@ActiveProfiles("test")
class AnalyticsBrowserIT extends ConsoleSession {
  private static final String[] TIERS = {"gold", "silver", "bronze"};
  private static final String[] STAGES = {"new", "active", "lapsed"};

  @BeforeEach
  void layeredTags() {
    TestHttp http = TestHttp.withKey(port);
    if (http.get("/api/v1/tags/ui_tier").status() == 200) {
      return; // the context (and its data) is shared by the tests of this class
    }
    http.post(
        "/api/v1/tags",
        "{\"code\":\"ui_tier\",\"categoryCode\":\"value\",\"nameZh\":\"价值等级\",\"nameEn\":\"Value"
            + " tier\",\"values\":[{\"code\":\"gold\",\"nameZh\":\"金\",\"nameEn\":\"Gold\"},"
            + "{\"code\":\"silver\",\"nameZh\":\"银\",\"nameEn\":\"Silver\"},"
            + "{\"code\":\"bronze\",\"nameZh\":\"铜\",\"nameEn\":\"Bronze\"}]}");
    http.post(
        "/api/v1/tags",
        "{\"code\":\"ui_stage\",\"categoryCode\":\"value\",\"nameZh\":\"生命周期\",\"nameEn\":\"Lifecycle"
            + " stage\",\"values\":[{\"code\":\"new\",\"nameZh\":\"新客\",\"nameEn\":\"New\"},"
            + "{\"code\":\"active\",\"nameZh\":\"活跃\",\"nameEn\":\"Active\"},"
            + "{\"code\":\"lapsed\",\"nameZh\":\"流失\",\"nameEn\":\"Lapsed\"}]}");
    var items = http.get("/api/v1/customers?size=60").json().at("/items");
    List<String> ids = new ArrayList<>();
    items.forEach(c -> ids.add(c.at("/externalId").asString()));
    for (int i = 0; i < ids.size(); i++) {
      http.put(
          "/api/v1/customers/" + ids.get(i) + "/tags/ui_tier",
          "{\"value\":\"" + TIERS[i % 3] + "\"}");
      http.put(
          "/api/v1/customers/" + ids.get(i) + "/tags/ui_stage",
          "{\"value\":\"" + STAGES[(i / 3) % 3] + "\"}");
    }
    http.put(
        "/api/v1/analytics/settings",
        "{\"tierTag\":\"ui_tier\",\"lifecycleTag\":\"ui_stage\",\"conversionEvent\":\"order\"}");
    http.post("/api/v1/analytics/snapshots", "{}");
  }

  /** Waits for the chart to be drawn and answers how many points its first series has. */
  private long points(String chartId) {
    wait.until(ExpectedConditions.attributeToBe(By.id(chartId), "data-rendered", "true"));
    Object canvas =
        browser.executeScript(
            "return document.querySelectorAll('#" + chartId + " canvas').length;");
    assertThat((Long) canvas).as(chartId + " canvas").isPositive();
    Object count =
        browser.executeScript(
            "var o = echarts.getInstanceByDom(document.getElementById(arguments[0])).getOption();"
                + " var s = o.series[0]; return (s.data || s.links || []).length;",
            chartId);
    return (Long) count;
  }

  /** Fetches the chart's CSV link in the logged-in browser and answers the body. */
  private String csvOf(String chartId) {
    Object body =
        ((org.openqa.selenium.JavascriptExecutor) browser)
            .executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                    + " fetch(document.getElementById(arguments[0] + '-csv').href)"
                    + ".then(function (r) { return r.text(); }).then(done);",
                chartId);
    return (String) body;
  }

  @Test
  void dashboardDrawsTiersLifecycleFlowAndCrossTabInChinese() {
    browser.get(url("/dashboard?lang=zh"));
    assertThat(points("chart-tier")).isEqualTo(3);
    assertThat(points("chart-lifecycle")).isEqualTo(3);
    assertThat(points("chart-crosstab")).isEqualTo(9);
    assertThat(points("chart-flow")).isPositive();
    assertThat(points("chart-coverage")).isPositive();
    assertThat(points("chart-tier-trend")).isPositive();
    assertThat(browser.findElement(By.id("chart-tier-card")).getText()).contains("价值分层分布");
    assertThat(csvOf("chart-tier")).contains("value,label,customers,share").contains("gold,金,20,");
  }

  @Test
  void dashboardSpeaksEnglish() {
    browser.get(url("/dashboard?lang=en"));
    assertThat(points("chart-lifecycle-change")).isEqualTo(3);
    assertThat(browser.findElement(By.id("chart-tier-card")).getText()).contains("Value tiers");
    assertThat(csvOf("chart-crosstab")).contains("Gold").contains("Lapsed");

    browser.findElement(By.cssSelector("#dashboard-settings summary")).click();
    new Select(browser.findElement(By.id("setting-tierTag"))).selectByValue("ui_tier");
    browser.findElement(By.id("settings-save")).click();
    assertThat(
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("settings-saved")))
                .getText())
        .contains("saved");
  }

  @Test
  void tagPageDrawsItsChartsAndItsCsvHoldsTheFigures() {
    browser.get(url("/tags/ui_tier?lang=en"));
    assertThat(points("chart-tag-distribution")).isEqualTo(3);
    assertThat(points("chart-tag-profile")).isPositive();
    assertThat(points("chart-tag-overlap")).isPositive();
    assertThat(points("chart-tag-conversion")).isEqualTo(2);
    assertThat(points("chart-tag-trend")).isPositive();
    assertThat(browser.findElement(By.id("tag-analytics")).getText()).contains("Who holds it");
    assertThat(csvOf("chart-tag-distribution"))
        .contains("gold,Gold,20,")
        .contains("silver,Silver,20,");

    browser.get(url("/tags/vip?lang=zh"));
    assertThat(points("chart-tag-profile")).isPositive();
    assertThat(browser.findElement(By.id("tag-analytics")).getText()).contains("持有者画像");
  }

  @Test
  void savedSegmentPageDrawsItsProfileAndSpreadOverTiers() {
    TestHttp http = TestHttp.withKey(port);
    if (http.get("/api/v1/segments/ui_female_tiered").status() != 200) {
      http.post(
          "/api/v1/segments",
          "{\"code\":\"ui_female_tiered\",\"nameZh\":\"有等级的女性\",\"nameEn\":\"Tiered women\","
              + "\"kind\":\"DYNAMIC\",\"condition\":{\"and\":[{\"tag\":\"female\"},"
              + "{\"tag\":\"ui_tier\"}]}}");
    }
    browser.get(url("/segments/saved/ui_female_tiered?lang=zh"));
    assertThat(points("chart-segment-tgi")).isPositive();
    assertThat(points("chart-segment-tier")).isEqualTo(3);
    assertThat(points("chart-segment-lifecycle")).isEqualTo(3);
    assertThat(csvOf("chart-segment-tier")).contains("ui_tier=gold").contains("tgi");
  }

  @Test
  void explorerDrawsVennOfThreeTags() {
    browser.get(url("/analytics?tags=ui_tier=gold,vip,female&lang=en"));
    assertThat(points("chart-venn")).isPositive();
    assertThat(points("chart-overlap")).isEqualTo(3);
    assertThat(csvOf("chart-venn")).contains("sets,label,customers").contains("ui_tier=gold+vip");
  }
}

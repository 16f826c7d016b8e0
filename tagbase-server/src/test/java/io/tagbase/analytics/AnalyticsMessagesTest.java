package io.tagbase.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every analytics text exists in both languages, and only under the area's prefix. */
class AnalyticsMessagesTest {

  private static Properties load(String resource) throws IOException {
    Properties p = new Properties();
    try (InputStream in = AnalyticsMessagesTest.class.getResourceAsStream(resource)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void chineseAndEnglishHaveTheSameKeys() throws IOException {
    Set<String> zh = new TreeSet<>(load("/i18n/analytics.properties").stringPropertyNames());
    Set<String> en = new TreeSet<>(load("/i18n/analytics_en.properties").stringPropertyNames());
    assertThat(zh).isNotEmpty().isEqualTo(en);
  }

  @Test
  void everyKeyIsPrefixedWithTheArea() throws IOException {
    assertThat(load("/i18n/analytics.properties").stringPropertyNames())
        .allMatch(key -> key.startsWith("analytics."));
  }

  @Test
  void csvQuotesTextAndDefusesFormulas() {
    Figure figure = Figure.of("t", "label", "n").row("=cmd()", -3).row("a,\"b\"", 1.5);
    assertThat(FigureCsv.write(figure))
        .isEqualTo("\uFEFFlabel,n\r\n'=cmd(),-3\r\n\"a,\"\"b\"\"\",1.5\r\n");
  }
}

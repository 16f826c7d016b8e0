package io.tagbase.automation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every automation, task, coupon, consent and notification text exists in both languages. */
class AutomationMessagesTest {
  private static final List<String> PREFIXES =
      List.of("automation.", "task.", "coupon.", "consent.", "notification.");

  private static Set<String> keys(String resource) throws IOException {
    Properties p = new Properties();
    try (InputStream in = AutomationMessagesTest.class.getResourceAsStream(resource)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return new TreeSet<>(p.stringPropertyNames());
  }

  @Test
  void chineseAndEnglishHaveTheSameKeys() throws IOException {
    assertThat(keys("/i18n/automation.properties"))
        .hasSizeGreaterThan(100)
        .isEqualTo(keys("/i18n/automation_en.properties"));
  }

  @Test
  void everyKeyIsInTheAreasPrefixes() throws IOException {
    assertThat(keys("/i18n/automation.properties"))
        .allMatch(k -> PREFIXES.stream().anyMatch(k::startsWith), "prefixed by the area");
  }

  @Test
  void everyTriggerActionAndOutcomeHasAText() throws IOException {
    Set<String> keys = keys("/i18n/automation.properties");
    for (TriggerKind k : TriggerKind.values()) {
      assertThat(keys).contains("automation.trigger." + k);
    }
    for (ActionKind k : ActionKind.values()) {
      assertThat(keys).contains("automation.action." + k);
    }
  }
}

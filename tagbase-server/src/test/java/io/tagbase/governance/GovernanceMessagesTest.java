package io.tagbase.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every governance text exists in both languages, under the area's prefix. */
class GovernanceMessagesTest {

  private static Set<String> keys(String resource) throws IOException {
    Properties p = new Properties();
    try (InputStream in = GovernanceMessagesTest.class.getResourceAsStream(resource)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return new TreeSet<>(p.stringPropertyNames());
  }

  @Test
  void chineseAndEnglishHaveTheSameKeys() throws IOException {
    assertThat(keys("/i18n/governance.properties"))
        .hasSizeGreaterThan(50)
        .isEqualTo(keys("/i18n/governance_en.properties"));
  }

  @Test
  void keysCarryTheAreaPrefix() throws IOException {
    assertThat(keys("/i18n/governance.properties")).allMatch(k -> k.startsWith("governance."));
  }

  @Test
  void everyFindingKindHasAName() throws IOException {
    Set<String> keys = keys("/i18n/governance.properties");
    for (String kind :
        Set.of(
            "UNUSED",
            "IDLE",
            "NO_MEMBERS",
            "NEAR_TOTAL",
            "RULE_FAILED",
            "RULE_STALE",
            "OWNER_INACTIVE",
            "NO_OWNER",
            "NO_DESCRIPTION",
            "NAMING")) {
      assertThat(keys).contains("governance.kind." + kind);
    }
  }
}

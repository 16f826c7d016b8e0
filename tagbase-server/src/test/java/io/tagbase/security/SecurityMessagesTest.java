package io.tagbase.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every security and privacy text exists in both languages, and every permission has a name. */
class SecurityMessagesTest {

  private static Properties load(String resource) throws IOException {
    Properties p = new Properties();
    try (InputStream in = SecurityMessagesTest.class.getResourceAsStream(resource)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  private static Set<String> keys(String resource) throws IOException {
    return new TreeSet<>(load(resource).stringPropertyNames());
  }

  @Test
  void chineseAndEnglishHaveTheSameKeys() throws IOException {
    assertThat(keys("/i18n/security.properties"))
        .hasSizeGreaterThan(20)
        .isEqualTo(keys("/i18n/security_en.properties"));
  }

  @Test
  void keysCarryTheAreaPrefixes() throws IOException {
    assertThat(keys("/i18n/security.properties"))
        .allMatch(
            k ->
                k.startsWith("security.")
                    || k.startsWith("user.")
                    || k.startsWith("role.")
                    || k.startsWith("erasure."));
  }

  @Test
  void everyPermissionAndScopeHasAName() throws IOException {
    Properties zh = load("/i18n/security.properties");
    Arrays.stream(Permission.values())
        .forEach(p -> assertThat(zh).containsKey("role.permission." + p.name()));
    Arrays.stream(DataScope.values())
        .forEach(s -> assertThat(zh).containsKey("role.scope." + s.name()));
  }
}

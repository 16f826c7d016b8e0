package io.tagbase.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every taxonomy text exists in both languages, and refusals read well in English. */
class TaxonomyMessagesTest {

  private static Set<String> taxonomyKeys(String resource) throws IOException {
    Properties p = new Properties();
    try (InputStream in = TaxonomyMessagesTest.class.getResourceAsStream(resource)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    Set<String> keys = new TreeSet<>();
    for (String key : p.stringPropertyNames()) {
      if (key.startsWith("taxonomy.") || key.startsWith("tag.")) {
        keys.add(key);
      }
    }
    return keys;
  }

  @Test
  void chineseAndEnglishHaveTheSameTaxonomyKeys() throws IOException {
    assertThat(taxonomyKeys("/messages.properties"))
        .isNotEmpty()
        .isEqualTo(taxonomyKeys("/messages_en.properties"));
  }

  @Test
  void refusalSpeaksEnglishWithItsArguments() {
    var e = Refusal.conflict("code", "taxonomy.error.categoryNotEmpty", "risk", 1, "fraud", 0, "");
    assertThat(e.getMessage())
        .isEqualTo(
            "Category \"risk\" is not empty and cannot be deleted: it still holds 1 sub-categories"
                + " (fraud) and 0 tags (). Move or delete them first.");
    assertThat(e.field()).isEqualTo("code");
  }
}

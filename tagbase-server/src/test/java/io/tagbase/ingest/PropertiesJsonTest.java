package io.tagbase.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

class PropertiesJsonTest {
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  @Test
  void writesWhatTheReaderGaveBackToTheSameValues() {
    SplittableRandom random = new SplittableRandom(20261123);
    for (int n = 0; n < 2_000; n++) {
      // Through the reader, as ingest gets them: the reader decides the Java types.
      String source = JSON.writeValueAsString(map(random, 0));
      Map<String, Object> read = JSON.readValue(source, MAP);
      String written = PropertiesJson.write(read).orElseThrow();
      assertThat(JSON.readValue(written, MAP)).isEqualTo(read);
      assertThat(JSON.readTree(written)).isEqualTo(JSON.readTree(source));
    }
  }

  @Test
  void escapesQuotesBackslashesAndControlCharacters() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("a\"b", "x\\y\n\t\r\u0001\u001f 北京 \u2028");
    assertThat(PropertiesJson.write(m))
        .contains("{\"a\\\"b\":\"x\\\\y\\n\\t\\r\\u0001\\u001f 北京 \u2028\"}");
  }

  @Test
  void leavesTypesNoReaderGivesToTheGeneralWriter() {
    assertThat(PropertiesJson.write(Map.of("when", java.time.LocalDate.of(2026, 1, 1)))).isEmpty();
    assertThat(PropertiesJson.write(Map.of("x", Double.NaN))).isEmpty();
  }

  private static Map<String, Object> map(SplittableRandom random, int depth) {
    Map<String, Object> m = new LinkedHashMap<>();
    int size = random.nextInt(depth == 0 ? 6 : 3);
    for (int i = 0; i < size; i++) {
      m.put(text(random), value(random, depth));
    }
    return m;
  }

  private static Object value(SplittableRandom random, int depth) {
    int kind = random.nextInt(depth < 3 ? 10 : 8);
    return switch (kind) {
      case 0 -> null;
      case 1 -> random.nextBoolean();
      case 2 -> random.nextInt();
      case 3 -> random.nextLong();
      case 4 -> random.nextDouble() * Math.pow(10, random.nextInt(-12, 30));
      case 5 -> new java.math.BigInteger(100, new java.util.Random(random.nextLong()));
      case 6, 7 -> text(random);
      case 8 -> map(random, depth + 1);
      default -> {
        List<Object> list = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
          list.add(value(random, depth + 1));
        }
        yield list;
      }
    };
  }

  private static String text(SplittableRandom random) {
    String alphabet = "ab\"\\\n\t\r\u0000\u0007\u001f 北京é😀/{},:";
    StringBuilder sb = new StringBuilder();
    for (int i = random.nextInt(8); i > 0; i--) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }
}

package io.tagbase.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagbase.engine.rule.AttributeTable;
import io.tagbase.engine.rule.FieldType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Seeded random attribute tables with a column of every type, for round-trip checks. */
final class RandomAttributes {
  static final Map<String, FieldType> TYPES = types();
  static final List<String> CODES = List.copyOf(TYPES.keySet());
  private static final String[] WORDS = {"上海", "北京", "a", "", "é", "x y", "深圳"};

  private RandomAttributes() {}

  private static Map<String, FieldType> types() {
    Map<String, FieldType> types = new LinkedHashMap<>();
    types.put("amount", FieldType.NUMBER);
    types.put("vip", FieldType.BOOLEAN);
    types.put("seen_at", FieldType.DATETIME);
    types.put("birthday", FieldType.DATE);
    types.put("city", FieldType.STRING);
    types.put("level", FieldType.ENUM);
    types.put("hobbies", FieldType.LIST);
    types.put("short_amount", FieldType.NUMBER); // set for the first ids only
    types.put("short_day", FieldType.DATE);
    types.put("short_city", FieldType.STRING);
    types.put("short_list", FieldType.LIST);
    types.put("empty", FieldType.STRING); // defined, never set
    types.put("cleared", FieldType.NUMBER); // set, then cleared again
    return types;
  }

  /**
   * Random writes, clears and overwrites over ids below {@code universe} (the "short" columns below
   * a tenth of it), and one column defined afresh halfway.
   */
  static AttributeTable table(Random random, int universe) {
    AttributeTable table = new AttributeTable();
    TYPES.forEach(table::define);
    for (int step = 0; step < 4 * universe; step++) {
      String code = CODES.get(random.nextInt(CODES.size()));
      if (code.equals("empty")) {
        continue;
      }
      int id = random.nextInt(code.startsWith("short") ? Math.max(1, universe / 10) : universe);
      if (code.equals("cleared")) {
        table.set(code, id, 1.5);
        table.set(code, id, null);
      } else {
        table.set(code, id, random.nextInt(5) == 0 ? null : value(random, code));
      }
      if (step == 2 * universe) {
        table.define("level", FieldType.ENUM); // a retyped field: its column starts again
      }
      if (random.nextInt(50) == 0) {
        table.clear(id);
      }
    }
    return table;
  }

  /** A value of the column's type; numbers include 0, negatives, fractions and huge ones. */
  static Object value(Random random, String code) {
    switch (TYPES.get(code)) {
      case NUMBER:
        return switch (random.nextInt(4)) {
          case 0 -> 0;
          case 1 -> -random.nextInt(1000);
          case 2 -> random.nextDouble() * 1e12;
          default -> random.nextInt(100) + 0.25;
        };
      case BOOLEAN:
        return random.nextBoolean();
      case DATETIME:
        return Instant.ofEpochSecond(random.nextInt(2_000_000_000) - 500_000_000L);
      case DATE:
        return LocalDate.ofEpochDay(random.nextInt(80_000) - 30_000);
      case LIST:
        List<String> items = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) { // empty lists too, and repeats
          items.add(word(random));
        }
        return items;
      default:
        return word(random) + (random.nextInt(3) == 0 ? random.nextInt(500) : "");
    }
  }

  private static String word(Random random) {
    return WORDS[random.nextInt(WORDS.length)];
  }

  /** Every column reads alike for every id below {@code ids}. */
  static void assertSameValues(AttributeTable actual, AttributeTable expected, int ids) {
    for (String code : expected.types().keySet()) {
      for (int id = 0; id < ids; id++) {
        assertThat(actual.get(code, id)).as("%s of %d", code, id).isEqualTo(expected.get(code, id));
      }
    }
  }
}

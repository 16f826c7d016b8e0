package io.tagbase.engine.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tagbase.engine.CustomerDictionary;
import io.tagbase.engine.TagBitmap;
import io.tagbase.engine.TagIndex;
import io.tagbase.engine.rule.RuleWorld.Customer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shared attribute columns (issue #6: segment counts over attributes without reading the
 * database): after random writes, clears and column rebuilds, every value reads back as a plain map
 * says, and rules evaluated over the shared columns name exactly the customers the reference
 * evaluator names.
 */
class AttributeTableTest {

  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13})
  void valuesReadBackAsAMapOfWritesSays(long seed) {
    Random random = new Random(seed);
    AttributeTable table = table();
    Map<Integer, Map<String, Object>> reference = new HashMap<>();
    for (int step = 0; step < 5_000; step++) {
      int id = random.nextInt(400);
      int what = random.nextInt(10);
      if (what == 0) {
        table.clear(id);
        reference.remove(id);
      } else {
        Map<String, Object> values = RuleWorld.attributes(random);
        for (RuleSchema.Field f : RuleWorld.SCHEMA.attributes()) {
          Object value = values.get(f.code());
          table.set(f.code(), id, value);
          reference.computeIfAbsent(id, k -> new HashMap<>()).put(f.code(), value);
        }
      }
    }
    for (int id = 0; id < 450; id++) {
      for (RuleSchema.Field f : RuleWorld.SCHEMA.attributes()) {
        Object expected = reference.getOrDefault(id, Map.of()).get(f.code());
        assertThat(table.get(f.code(), id)).as("%s of %d", f.code(), id).isEqualTo(expected);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void rulesOverSharedColumnsAgreeWithTheReference(long seed) {
    RuleWorld world = new RuleWorld(seed, 300);
    Random random = new Random(seed * 31);
    AttributeTable table = table();
    world.customers.forEach(c -> c.attrs().forEach((k, v) -> table.set(k, c.id(), v)));
    for (int step = 0; step < 600; step++) { // later writes: new values, clears
      Customer c = world.customers.get(random.nextInt(world.customers.size()));
      Map<String, Object> now = random.nextInt(8) == 0 ? Map.of() : RuleWorld.attributes(random);
      table.clear(c.id());
      c.attrs().clear();
      c.attrs().putAll(now);
      now.forEach((k, v) -> table.set(k, c.id(), v));
    }
    table.define("age", FieldType.NUMBER); // a column rebuilt (a type change), then filled again
    world.customers.forEach(
        c -> {
          if (c.attrs().containsKey("age")) {
            table.set("age", c.id(), c.attrs().get("age"));
          }
        });
    RuleData shared =
        new RuleData(
            RuleWorld.SCHEMA,
            world.data.customers(),
            world.data.tags(),
            world.data.events(),
            table);
    RandomRules rules = new RandomRules(seed * 7919);
    for (int i = 0; i < 250; i++) {
      CheckedRule checked = RuleChecker.check(RuleText.print(rules.rule(3)), RuleWorld.SCHEMA);
      for (LocalDate asOf : List.of(RuleWorld.DAY0, RuleWorld.DAY0.minusDays(40))) {
        ReferenceEvaluator reference = new ReferenceEvaluator(asOf);
        List<Integer> expected = new ArrayList<>();
        for (Customer c : world.customers) {
          if (c.live() && reference.holds(checked.rule(), c)) {
            expected.add(c.id());
          }
        }
        TagBitmap plan = BitmapPlan.compile(checked).evaluate(shared, asOf);
        List<Integer> actual = new ArrayList<>();
        plan.forEach(actual::add);
        assertThat(actual).as("%s as of %s", checked, asOf).isEqualTo(expected);
      }
    }
  }

  @Test
  void aColumnHeldWithAnotherTypeReadsAsMissing() {
    AttributeTable table = new AttributeTable();
    table.define("age", FieldType.STRING);
    table.set("age", 0, "thirty");
    CustomerDictionary customers = new CustomerDictionary();
    customers.intern("c0");
    RuleSchema schema = RuleSchema.builder().attribute("age", FieldType.NUMBER).build();
    RuleData data = new RuleData(schema, customers, new TagIndex(), new EventLog(), table);
    assertThat(data.get("age", 0)).isNull();
  }

  @Test
  void sharedDataRefusesWrites() {
    AttributeTable table = table();
    RuleData data =
        new RuleData(
            RuleWorld.SCHEMA, new CustomerDictionary(), new TagIndex(), new EventLog(), table);
    assertThatThrownBy(() -> data.set("age", 0, 30.0)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void droppedColumnsAreForgotten() {
    AttributeTable table = table();
    table.set("city", 3, "上海");
    table.drop("city");
    assertThat(table.types()).doesNotContainKey("city");
    assertThat(table.get("city", 3)).isNull();
  }

  @Test
  void bytesGrowWithCustomers() {
    AttributeTable table = new AttributeTable();
    table.define("age", FieldType.NUMBER);
    table.define("city", FieldType.STRING);
    for (int id = 0; id < 10_000; id++) {
      table.set("age", id, (double) (id % 90));
      table.set("city", id, "city" + (id % 10));
    }
    assertThat(table.bytes()).isBetween(12L * 10_000, 3L * 12 * 10_000);
  }

  private static AttributeTable table() {
    AttributeTable table = new AttributeTable();
    RuleWorld.SCHEMA.attributes().forEach(f -> table.define(f.code(), f.type()));
    return table;
  }
}

package io.tagbase.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.tagbase.customer.AttributeType;
import io.tagbase.customer.CustomerAttributes;
import io.tagbase.engine.CustomerDictionary;
import io.tagbase.engine.rule.AttributeTable;
import io.tagbase.engine.rule.FieldType;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Re-reads of changed customers may finish out of order (issue #6): the columns end with what the
 * latest read saw, an erasure is not undone by an older read, and a column read afresh keeps the
 * values that later re-reads applied while it was reading.
 */
class AttributeColumnsTest {
  final CustomerAttributes source = mock(CustomerAttributes.class);
  final AtomicReference<Map<String, Object>> stored = new AtomicReference<>();
  final CustomerDictionary dictionary = new CustomerDictionary();
  AttributeColumns columns;

  @BeforeEach
  void source() {
    when(source.customTypes()).thenReturn(Map.of("score", AttributeType.NUMBER));
    doAnswer(
            call -> {
              CustomerAttributes.Sink sink = call.getArgument(1);
              if (stored.get() != null) {
                sink.customer("x");
                stored.get().forEach((code, value) -> sink.value("x", code, value));
              }
              return null;
            })
        .when(source)
        .forEach(any(), any());
    doAnswer(
            call -> {
              CustomerAttributes.Sink sink = call.getArgument(1);
              Object score = stored.get() == null ? null : stored.get().get("score");
              if (score != null) {
                sink.value("x", "score", score);
              }
              return null;
            })
        .when(source)
        .forEachValueOf(eq("score"), any());
    columns = new AttributeColumns(source);
    columns.install(columns.load(dictionary), dictionary, dictionary);
  }

  @Test
  void anOlderReadAppliedLastDoesNotWin() {
    stored.set(Map.of("age", 30));
    AttributeColumns.Read older = columns.read(Set.of(1L));
    stored.set(Map.of("age", 40));
    AttributeColumns.Read newer = columns.read(Set.of(1L));
    columns.apply(newer, dictionary);
    columns.apply(older, dictionary);
    assertThat(columns.table().get("age", dictionary.find("x").getAsInt())).isEqualTo(40.0);
  }

  @Test
  void readsAppliedInOrderEndWithTheLatest() {
    stored.set(Map.of("age", 30, "city", "上海"));
    columns.apply(columns.read(Set.of(1L)), dictionary);
    stored.set(Map.of("age", 41));
    columns.apply(columns.read(Set.of(1L)), dictionary);
    int x = dictionary.find("x").getAsInt();
    assertThat(columns.table().get("age", x)).isEqualTo(41.0);
    assertThat(columns.table().get("city", x)).isNull();
  }

  @Test
  void aReadOlderThanAnErasureDoesNotBringTheCustomerBack() {
    stored.set(Map.of("age", 30));
    columns.apply(columns.read(Set.of(1L)), dictionary);
    AttributeColumns.Read beforeErasure = columns.read(Set.of(1L));
    int x = dictionary.find("x").getAsInt();
    columns.erased("x", x);
    dictionary.remove("x");
    columns.apply(beforeErasure, dictionary);
    assertThat(dictionary.find("x")).isEmpty();
    assertThat(columns.table().get("age", x)).isNull();
  }

  @Test
  void aColumnReadAfreshKeepsLaterChanges() {
    stored.set(Map.of("score", 1.0));
    columns.apply(columns.read(Set.of(1L)), dictionary);
    AttributeColumns.Column fresh = columns.readColumn("score", FieldType.NUMBER);
    stored.set(Map.of("score", 2.0));
    columns.apply(columns.read(Set.of(1L)), dictionary);
    columns.install(fresh, dictionary);
    assertThat(columns.table().get("score", dictionary.find("x").getAsInt())).isEqualTo(2.0);
  }

  @Test
  void aNewFieldSeenByAReadIsLoadedInFullBeforeUse() {
    when(source.customTypes())
        .thenReturn(Map.of("score", AttributeType.NUMBER, "tier", AttributeType.STRING));
    stored.set(Map.of("tier", "gold"));
    columns.apply(columns.read(Set.of(1L)), dictionary);
    assertThat(columns.drift(columns.liveTypes()).load()).containsOnlyKeys("tier");
  }

  @Test
  void aColumnAReReadStartedIsLeftOutOfTheSnapshot() {
    when(source.customTypes())
        .thenReturn(Map.of("score", AttributeType.NUMBER, "tier", AttributeType.STRING));
    stored.set(Map.of("tier", "gold", "score", 3.0));
    columns.apply(columns.read(Set.of(1L)), dictionary);
    assertThat(columns.complete().types()).containsKey("score").doesNotContainKey("tier");
    columns.install(columns.readColumn("tier", FieldType.STRING), dictionary);
    assertThat(columns.complete().types()).containsKeys("score", "tier");
  }

  @Test
  void columnsReadBackFromASnapshotAreCheckedAgainstTheLiveFields() {
    AttributeTable snapshot = new AttributeTable();
    columns.liveTypes().forEach(snapshot::define);
    snapshot.define("score", FieldType.STRING); // retyped while the server was down
    snapshot.define("gone", FieldType.NUMBER); // deleted while the server was down
    CustomerDictionary restored = new CustomerDictionary();
    restored.intern("x");
    columns.install(columns.restored(snapshot), dictionary, restored);
    AttributeColumns.Drift drift = columns.drift(columns.liveTypes());
    assertThat(drift.load()).containsOnlyKeys("score");
    assertThat(drift.drop()).containsOnly("gone");
  }
}

package io.tagbase.bench;

import io.tagbase.engine.Condition;
import io.tagbase.engine.CustomerDictionary;
import io.tagbase.engine.IndexSnapshot;
import io.tagbase.engine.IntColumn;
import io.tagbase.engine.SegmentEvaluator;
import io.tagbase.engine.SegmentPage;
import io.tagbase.engine.TagBitmap;
import io.tagbase.engine.TagIndex;
import io.tagbase.engine.TagStatistics;
import io.tagbase.engine.rule.AttributeTable;
import io.tagbase.engine.rule.FieldType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The query mix on the Tagbase engine, through its public API only, single-threaded. Attribute
 * ranges after a tag condition read the column values of the segment's members only.
 */
final class TagbaseEngine implements Engine {
  private final CustomerDictionary dictionary = new CustomerDictionary();
  private final TagIndex index = new TagIndex();
  private final SegmentEvaluator evaluator = new SegmentEvaluator(index, dictionary);
  private final TagStatistics statistics = new TagStatistics(index, dictionary);
  private final Map<String, IntColumn> columns;
  private final TagBitmap live; // the bench never removes a customer: one copy serves every query

  /** Builds the dictionary, index and columns; see {@link #bitmapBytes()} for their size. */
  TagbaseEngine(BenchData data) {
    for (int id = 0; id < data.customers(); id++) {
      dictionary.intern(externalId(id));
    }
    List<String> names = TagCatalogue.names();
    for (int tag = 0; tag < names.size(); tag++) {
      String name = names.get(tag);
      for (int id : data.members()[tag]) {
        index.assign(name, id);
      }
    }
    index.optimize(dictionary.capacity());
    columns =
        Map.of(
            "last_purchase_day", IntColumn.of(data.lastPurchaseDay()),
            "purchases_30d", IntColumn.of(data.purchases30d()),
            "spend_cents", IntColumn.of(data.spendCents()),
            "country", IntColumn.of(data.country()));
    live = dictionary.live();
  }

  /**
   * Writes the dictionary, all 200 tags and the customers' attributes with {@link IndexSnapshot} to
   * a file in {@code dir}, then reads it back {@code reads} times as a restarted server would (file
   * to a ready dictionary, index and attribute columns) and checks that every tag's count, the
   * population and the attribute values (every 101st customer) came back. The attributes are the
   * data's four as the server keeps them ({@link #attributeTable}). Answers the file's size, the
   * write time and each read time, in ms; the file is deleted afterwards.
   */
  long[] snapshotRestart(BenchData data, Path dir, int reads) throws IOException {
    AttributeTable attributes = attributeTable(data);
    Path file = Files.createTempFile(dir, "tagbase-index", ".snapshot");
    try {
      long t0 = System.nanoTime();
      try (OutputStream out = Files.newOutputStream(file)) {
        IndexSnapshot.write("bench", dictionary, index, TagCatalogue.names(), attributes, out);
      }
      long[] result = new long[2 + reads];
      result[0] = Files.size(file);
      result[1] = (System.nanoTime() - t0) / 1_000_000;
      long[] expected = statistics.coverage(TagCatalogue.names());
      for (int r = 0; r < reads; r++) {
        t0 = System.nanoTime();
        IndexSnapshot.Restored restored;
        try (InputStream in = Files.newInputStream(file)) {
          restored = IndexSnapshot.read(in);
        }
        result[2 + r] = (System.nanoTime() - t0) / 1_000_000;
        long[] counts =
            new TagStatistics(restored.index(), restored.dictionary())
                .coverage(TagCatalogue.names());
        if (!Arrays.equals(counts, expected)
            || restored.dictionary().size() != dictionary.size()
            || !sameAttributes(restored.attributes(), attributes, data.customers())) {
          throw new IllegalStateException("the index read back from its snapshot differs");
        }
      }
      return result;
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /**
   * The data's attributes in the server's representation (an {@link AttributeTable} like the one
   * its index keeps): the last purchase as a DATE, purchases and spend (yuan) as NUMBERs, the
   * country as a dictionary-encoded STRING.
   */
  static AttributeTable attributeTable(BenchData data) {
    AttributeTable table = new AttributeTable();
    table.define("last_purchase", FieldType.DATE);
    table.define("purchases_30d", FieldType.NUMBER);
    table.define("spend", FieldType.NUMBER);
    table.define("country", FieldType.STRING);
    for (int id = 0; id < data.customers(); id++) {
      table.set("last_purchase", id, LocalDate.ofEpochDay(data.lastPurchaseDay()[id]));
      table.set("purchases_30d", id, data.purchases30d()[id]);
      table.set("spend", id, data.spendCents()[id] / 100.0);
      table.set("country", id, "country_" + data.country()[id]);
    }
    return table;
  }

  private static boolean sameAttributes(AttributeTable actual, AttributeTable expected, int ids) {
    if (!actual.types().equals(expected.types())) {
      return false;
    }
    for (int id = 0; id < ids; id += 101) {
      for (String code : expected.types().keySet()) {
        if (!Objects.equals(actual.get(code, id), expected.get(code, id))) {
          return false;
        }
      }
    }
    return true;
  }

  static String externalId(int id) {
    return "C" + id;
  }

  @Override
  public String name() {
    return "Tagbase";
  }

  long bitmapBytes() {
    return statistics.bitmapBytes(TagCatalogue.names());
  }

  long columnBytes() {
    return columns.values().stream().mapToLong(IntColumn::bytes).sum();
  }

  @Override
  public long[] run(BenchQuery query) {
    return switch (query.kind()) {
      case COUNT -> new long[] {count(query)};
      case DISTRIBUTION ->
          statistics.distribution(evaluator.evaluate(query.segment()), query.tags());
      case OVERLAP -> flatten(statistics.overlap(query.tags()));
      case COVERAGE -> statistics.coverage(query.tags());
      case EXPORT -> export(query.segment());
    };
  }

  private long count(BenchQuery query) {
    if (query.ranges().isEmpty()) {
      return evaluator.count(query.segment());
    }
    List<BenchQuery.Range> ranges = query.ranges();
    if (!(query.segment() instanceof Condition.Everyone)) {
      // Each block of the tags' words is filtered by the ranges as it is counted: no bitmap made.
      return evaluator.count(
          query.segment(),
          ranges.stream()
              .map(r -> new IntColumn.Range(columns.get(r.column()), r.min(), r.max()))
              .toList());
    }
    // Everyone: the first range a word at a time over the whole column, then the others.
    BenchQuery.Range first = ranges.get(0);
    TagBitmap members = columns.get(first.column()).between(first.min(), first.max());
    for (BenchQuery.Range range : ranges.subList(1, ranges.size())) {
      members = columns.get(range.column()).between(range.min(), range.max(), members);
    }
    return members.andCardinality(live);
  }

  /** The members' external ids, as an export would write them; answers {count, sum of ids}. */
  private long[] export(Condition segment) {
    SegmentPage page = evaluator.page(segment, 0, Integer.MAX_VALUE);
    String[] external = dictionary.externalIds(page.ids());
    long sum = 0;
    for (int i = 0; i < external.length; i++) {
      sum += external[i] == null ? 0 : page.ids()[i];
    }
    return new long[] {external.length, sum};
  }

  private static long[] flatten(long[][] matrix) {
    int n = matrix.length;
    long[] flat = new long[n * n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(matrix[i], 0, flat, i * n, n);
    }
    return flat;
  }
}

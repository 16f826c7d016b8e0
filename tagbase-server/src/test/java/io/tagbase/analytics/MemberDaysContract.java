package io.tagbase.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagbase.customer.CustomerService;
import io.tagbase.customer.NewCustomer;
import io.tagbase.engine.ChunkDeltas;
import io.tagbase.engine.StoredChunks;
import io.tagbase.privacy.ErasureService;
import io.tagbase.tagging.AssignOptions;
import io.tagbase.tagging.AssignmentSource;
import io.tagbase.tagging.TaggingService;
import io.tagbase.taxonomy.NewCategory;
import io.tagbase.taxonomy.NewTag;
import io.tagbase.taxonomy.TagDefinition;
import io.tagbase.taxonomy.TagValue;
import io.tagbase.taxonomy.TaxonomyService;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Member days stored as changes (V21): on seeded random holders over many days, with pruning,
 * month-end thinning, a day taken again and an erasure, every stored day reads back exactly the
 * sets taken that day (the brute-force reference) and flows between stored days equal the
 * brute-force flows; days with few changes store a small fraction of the bytes of full days. Run on
 * H2 and on a real PostgreSQL.
 */
abstract class MemberDaysContract {
  private static final int CUSTOMERS = 240;

  /** Simulated days lie far before the other tests' days, so their pruning leaves those alone. */
  private static final LocalDate FIRST = LocalDate.of(2019, 1, 3);

  @Autowired CustomerService customers;
  @Autowired TaxonomyService taxonomy;
  @Autowired TaggingService tagging;
  @Autowired CustomerIdBridge bridge;
  @Autowired JdbcMemberRepository repository;
  @Autowired TransactionTemplate tx;
  @Autowired HistoryFigures history;
  @Autowired ErasureService erasure;
  @Autowired JdbcClient jdbc;

  String tier; // layered t1..t4
  String flag;
  List<String> ids = new ArrayList<>();
  Map<String, Long> dbIds = new HashMap<>();
  Map<String, String> tierOf = new HashMap<>();
  Map<String, String> flagOf = new HashMap<>(); // holder -> ""
  Random random = new Random(20261123);

  private static String unique(String prefix) {
    return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  @BeforeEach
  void generate() {
    String category = unique("cat");
    taxonomy.createCategory(new NewCategory(category, null, "分析", "Analytics", 1));
    tier = unique("t");
    List<TagValue> values = new ArrayList<>();
    for (int v = 1; v <= 4; v++) {
      values.add(new TagValue("t" + v, "值" + v, "Value " + v));
    }
    taxonomy.createTag(
        new NewTag(
            tier, category, "分层", "Layered", null, null, null, null, null, null, values, null, null,
            null),
        "tester");
    flag = unique("f");
    taxonomy.createTag(
        new NewTag(
            flag, category, "标记", "Flag", null, null, null, null, null, null, null, null, null,
            null),
        "tester");
    for (int c = 0; c < CUSTOMERS; c++) {
      String id = unique("c");
      customers.create(NewCustomer.withId(id, "客户"));
      ids.add(id);
      dbIds.put(id, customers.get(id).id());
      if (random.nextDouble() < 0.7) {
        setTier(id, "t" + (1 + random.nextInt(4)));
      }
      if (random.nextDouble() < 0.3) {
        setFlag(id, true);
      }
    }
  }

  private void setTier(String id, String value) {
    if (value == null) {
      tagging.unassign(id, tier, AssignmentSource.MANUAL, "tester", null);
      tierOf.remove(id);
    } else {
      tagging.assign(id, tier, AssignOptions.value(value), AssignmentSource.MANUAL, "tester");
      tierOf.put(id, value);
    }
  }

  private void setFlag(String id, boolean held) {
    if (held) {
      tagging.assign(id, flag, AssignOptions.NONE, AssignmentSource.MANUAL, "tester");
      flagOf.put(id, "");
    } else {
      tagging.unassign(id, flag, AssignmentSource.MANUAL, "tester", null);
      flagOf.remove(id);
    }
  }

  /** A few holders change: about {@code share} of the customers get another value or lose it. */
  private void churn(double share) {
    for (String id : ids) {
      if (random.nextDouble() < share) {
        int roll = random.nextInt(5);
        setTier(id, roll == 0 ? null : "t" + roll);
      }
      if (random.nextDouble() < share / 2) {
        setFlag(id, !flagOf.containsKey(id));
      }
    }
  }

  /** The model as stored sets of database ids, by value code. */
  private Map<String, RoaringBitmap> expected(Map<String, String> model) {
    Map<String, RoaringBitmap> sets = new TreeMap<>();
    model.forEach(
        (id, value) ->
            sets.computeIfAbsent(value, v -> new RoaringBitmap()).add((int) (long) dbIds.get(id)));
    return sets;
  }

  private MemberSnapshots snapshots(int dailyDays, int monthlyMonths) {
    return new MemberSnapshots(bridge, taxonomy, repository, tx, "all", dailyDays, monthlyMonths);
  }

  private List<TagDefinition> tags() {
    return List.of(taxonomy.get(tier), taxonomy.get(flag));
  }

  private long[] rowsAndBytes(LocalDate day) {
    long rows = 0;
    long bytes = 0;
    for (TagDefinition tag : tags()) {
      for (ChunkDeltas.Row row : repository.rows(tag.id(), day).values()) {
        rows++;
        bytes += row.bytes().length;
      }
    }
    return new long[] {rows, bytes};
  }

  private static long fullBytes(Map<String, RoaringBitmap> sets) {
    long bytes = 0;
    for (RoaringBitmap set : sets.values()) {
      for (byte[] chunk : StoredChunks.split(set).values()) {
        bytes += chunk.length;
      }
    }
    return bytes;
  }

  @Test
  void everyStoredDayReadsBackWhatWasTakenThroughPruningThinningRetakingAndAnErasure() {
    MemberSnapshots members = snapshots(12, 2);
    Map<LocalDate, Map<String, String>> tierTaken = new TreeMap<>();
    Map<LocalDate, Map<String, String>> flagTaken = new TreeMap<>();
    long deltaBytes = 0;
    long fullBytes = 0;
    String erased = null;
    LocalDate day = FIRST;
    for (int n = 0; n < 48; n++, day = day.plusDays(n % 4 == 0 ? 5 : 2)) {
      if (n > 0 && n % 7 != 3) { // some days nothing changes
        churn(n % 10 == 5 ? 0.1 : 0.005);
      }
      if (n == 30) { // everyone loses t4: its chunk becomes empty
        ids.stream()
            .filter(id -> "t4".equals(tierOf.get(id)))
            .toList()
            .forEach(id -> setTier(id, "t1"));
      }
      if (n == 20) {
        // a day taken twice: the second replaces the first
        members.take(day, day.atStartOfDay().toInstant(ZoneOffset.UTC), tags());
        churn(0.05);
      }
      if (n == 26) { // erase a customer who held the tier on most days so far
        erased = ids.stream().filter(tierOf::containsKey).findFirst().orElseThrow();
        erasure.erase(erased, "tester");
        ids.remove(erased);
        tierOf.remove(erased);
        flagOf.remove(erased);
        for (Map<String, String> taken : tierTaken.values()) {
          taken.remove(erased);
        }
        for (Map<String, String> taken : flagTaken.values()) {
          taken.remove(erased);
        }
      }
      members.take(day, day.atTime(23, 50).toInstant(ZoneOffset.UTC), tags());
      tierTaken.put(day, new HashMap<>(tierOf));
      flagTaken.put(day, new HashMap<>(flagOf));
      long[] written = rowsAndBytes(day);
      if (n > 0 && n % 7 == 3 && n != 20) {
        assertThat(written[0]).as("rows written on an unchanged day " + day).isZero();
      }
      if (n > 0) {
        deltaBytes += written[1];
        fullBytes += fullBytes(expected(tierOf)) + fullBytes(expected(flagOf));
      }

      // every day still stored reads back exactly what was taken; pruned days are gone
      int stored = 0;
      for (LocalDate past : tierTaken.keySet()) {
        var tierDay = members.day(taxonomy.get(tier), past);
        var flagDay = members.day(taxonomy.get(flag), past);
        assertThat(flagDay.isPresent()).isEqualTo(tierDay.isPresent());
        if (tierDay.isPresent()) {
          stored++;
          assertThat(tierDay.get().members())
              .as("tier on " + past + " read on " + day)
              .isEqualTo(expected(tierTaken.get(past)));
          assertThat(flagDay.get().members())
              .as("flag on " + past + " read on " + day)
              .isEqualTo(expected(flagTaken.get(past)));
        }
      }
      assertThat(stored).as("days kept on " + day).isLessThanOrEqualTo(12 + 3);
    }
    LocalDate last = day.minusDays(2);

    // month-end thinning kept last month's end beyond the daily window; older days are gone
    LocalDate monthEnd = last.withDayOfMonth(1).minusDays(1);
    LocalDate kept =
        tierTaken.keySet().stream()
            .filter(d -> !d.isAfter(monthEnd))
            .reduce((a, b) -> b)
            .orElseThrow();
    assertThat(repository.takenAt(taxonomy.get(tier).id(), kept)).isPresent();
    assertThat(repository.takenAt(taxonomy.get(tier).id(), FIRST)).isEmpty();

    // flows between stored days equal brute force, the erased customer nowhere
    List<LocalDate> storedDays =
        tierTaken.keySet().stream()
            .filter(d -> repository.takenAt(taxonomy.get(tier).id(), d).isPresent())
            .toList();
    for (int i = 0; i + 1 < storedDays.size(); i += 3) {
      LocalDate from = storedDays.get(i);
      LocalDate to = storedDays.get(storedDays.size() - 1 - i / 3);
      if (!from.isBefore(to)) {
        continue;
      }
      Figure flow = history.flow(tier, from, to, Locale.ENGLISH);
      assertThat(flow.facts()).containsEntry("method", "snapshot");
      Map<String, Long> counts = new HashMap<>();
      flow.rows()
          .forEach(r -> counts.put(r.get("from") + ">" + r.get("to"), (Long) r.get("customers")));
      assertThat(counts)
          .as("flow " + from + " -> " + to)
          .isEqualTo(expectedFlow(tierTaken.get(from), tierTaken.get(to)));
    }

    // no stored row of any day, full or diff, still holds the erased customer's id
    int erasedId = (int) (long) dbIds.get(erased);
    List<byte[]> rows =
        jdbc.sql("select members from analytics_members where chunk = :chunk")
            .param("chunk", StoredChunks.chunkOf(erasedId))
            .query((rs, n) -> rs.getBytes(1))
            .list();
    assertThat(rows).noneMatch(b -> new ChunkDeltas.Row(false, b).ids().contains(erasedId));

    // few holders changed on most days: far fewer bytes than storing every chunk every day
    System.out.printf(
        "Member days: %d bytes stored as changes, %d as full days%n", deltaBytes, fullBytes);
    assertThat(deltaBytes).as("bytes stored vs full days").isLessThan(fullBytes / 4);
  }

  private Map<String, Long> expectedFlow(Map<String, String> before, Map<String, String> after) {
    Map<String, Long> expected = new HashMap<>();
    for (String id : ids) {
      String from = before.getOrDefault(id, "-");
      String to = after.getOrDefault(id, "-");
      if (!(from.equals("-") && to.equals("-"))) {
        expected.merge(from + ">" + to, 1L, Long::sum);
      }
    }
    return expected;
  }

  @Test
  void takingAnEarlierDayAgainKeepsTheLaterDaysAsTheyWere() {
    MemberSnapshots members = snapshots(90, 24);
    LocalDate day1 = FIRST.minusYears(1);
    LocalDate day2 = day1.plusDays(1);
    members.take(day1, day1.atStartOfDay().toInstant(ZoneOffset.UTC), tags());
    churn(0.1);
    members.take(day2, day2.atStartOfDay().toInstant(ZoneOffset.UTC), tags());
    Map<String, RoaringBitmap> atDay2 = expected(tierOf);
    churn(0.3);

    members.take(day1, day1.atTime(12, 0).toInstant(ZoneOffset.UTC), tags()); // the clock went back

    assertThat(members.day(taxonomy.get(tier), day1).orElseThrow().members())
        .isEqualTo(expected(tierOf));
    assertThat(members.day(taxonomy.get(tier), day2).orElseThrow().members()).isEqualTo(atDay2);
  }

  @Test
  void migrationV21GivesAChunkThatEmptiedAnEmptyRowOnTheNextDay() throws Exception {
    long tagId = -Math.abs(random.nextLong() % 1_000_000) - 1; // no real tag: only this test's rows
    LocalDate day1 = FIRST.minusYears(2);
    LocalDate day2 = day1.plusDays(1);
    String sql =
        new ClassPathResource("db/migration/V21__analytics_member_deltas.sql")
            .getContentAsString(StandardCharsets.UTF_8);
    String insert = sql.substring(sql.indexOf("insert into")).trim();
    insert = insert.substring(0, insert.lastIndexOf(';'));
    String statement = insert;
    tx.executeWithoutResult(
        s -> {
          // V16's layout: every non-empty chunk of the day in full; chunk 1 emptied on day 2
          repository.replace(
              day1,
              day1.atStartOfDay().toInstant(ZoneOffset.UTC),
              List.of(tagId),
              List.of(full(tagId, 0, 5, 6), full(tagId, 1, 70_000)));
          repository.replace(
              day2,
              day2.atStartOfDay().toInstant(ZoneOffset.UTC),
              List.of(tagId),
              List.of(full(tagId, 0, 5, 7)));
          assertThat(repository.members(tagId, day2).get("").toArray()).contains(70_000);

          jdbc.sql(statement).update();

          assertThat(repository.members(tagId, day1).get("").toArray())
              .containsExactly(5, 6, 70_000);
          assertThat(repository.members(tagId, day2).get("").toArray()).containsExactly(5, 7);
          s.setRollbackOnly(); // the statement ran over every tag's rows: leave the others alone
        });
  }

  private static MemberChunks.Chunk full(long tagId, int chunk, int... ids) {
    RoaringBitmap set = RoaringBitmap.bitmapOf(ids);
    return new MemberChunks.Chunk(
        tagId, "", chunk, new ChunkDeltas.Row(false, StoredChunks.serialize(set)));
  }
}

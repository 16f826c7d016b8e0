package io.tagbase.tagging;

import io.tagbase.customer.CustomerCreated;
import io.tagbase.customer.CustomerService;
import io.tagbase.engine.Condition;
import io.tagbase.engine.CustomerDictionary;
import io.tagbase.engine.IndexSnapshot;
import io.tagbase.engine.SegmentEvaluator;
import io.tagbase.engine.SegmentPage;
import io.tagbase.engine.TagBitmap;
import io.tagbase.engine.TagIndex;
import io.tagbase.engine.TagStatistics;
import io.tagbase.engine.rule.AttributeTable;
import io.tagbase.engine.rule.FieldType;
import io.tagbase.taxonomy.MemberCounts;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The in-memory tag index: engine bitmaps over every customer, derived from the database. At
 * start-up it is read back from the snapshot written at the last clean shutdown when the database
 * still matches it ({@link IndexSnapshots}), else rebuilt from the database ({@link #rebuild});
 * then updated after each committed write. Thread-safe: any number of concurrent readers, writers
 * exclusive. Queries cost bitmap operations only, never database I/O.
 *
 * <p>It also holds the customers' attributes as columns by the same customer numbers ({@link
 * #withColumns}), so rules and segments over attributes read memory, not the database: loaded in
 * full with a rebuild, or read back with the snapshot (a column whose field was added, retyped or
 * deleted since is read afresh at first use, as {@link #withColumns} does for any), then, after
 * each committed write that changed attributes ({@code CustomerAttributesChanged}), just the
 * changed customers are read again outside the lock and applied under the write lock; an erasure
 * clears the customer's values. A rolled back write changes nothing.
 */
@Component
public class MembershipIndex implements SmartInitializingSingleton, DisposableBean, MemberCounts {
  private static final Logger log = LoggerFactory.getLogger(MembershipIndex.class);

  /** From this many ids in one write, bitmaps are re-chosen (dense or sparse) for their density. */
  private static final int BULK = 1000;

  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final CustomerService customers;
  private final JdbcAssignmentRepository assignments;
  private final ApplicationEventPublisher events;
  private final IndexSnapshots snapshots;
  private final AttributeColumns attributes;
  private CustomerDictionary dictionary = new CustomerDictionary();
  private TagIndex tags = new TagIndex();
  private Set<String> tagKeys =
      new HashSet<>(); // keys of tags and tag values: what a snapshot keeps
  private volatile boolean sealed; // a snapshot was written: a later change must discard it
  private volatile String loadedFrom = "database";

  MembershipIndex(
      CustomerService customers,
      JdbcAssignmentRepository assignments,
      ApplicationEventPublisher events,
      IndexSnapshots snapshots,
      AttributeColumns attributes) {
    this.attributes = attributes;
    this.customers = customers;
    this.assignments = assignments;
    this.events = events;
    this.snapshots = snapshots;
  }

  /** Loads every customer and assignment from the database; replaces the current index. */
  public void rebuild() {
    long start = System.nanoTime();
    CustomerDictionary freshDictionary = new CustomerDictionary();
    TagIndex freshTags = new TagIndex();
    customers.forEachExternalId(freshDictionary::intern);
    assignments.forEachAssignment(
        (externalId, tag, value) -> {
          int id = freshDictionary.intern(externalId);
          freshTags.assign(tag, id);
          if (value != null) {
            freshTags.assign(TagKeys.of(tag, value), id);
          }
        });
    AttributeColumns.Loaded columns = attributes.load(freshDictionary);
    freshTags.optimize(freshDictionary.capacity());
    install(freshDictionary, freshTags, columns, "database", start);
  }

  private void install(
      CustomerDictionary fresh,
      TagIndex freshTags,
      AttributeColumns.Loaded columns,
      String from,
      long start) {
    write(
        () -> {
          attributes.install(columns, dictionary, fresh);
          dictionary = fresh;
          tags = freshTags;
          tagKeys = new HashSet<>(freshTags.tags());
          loadedFrom = from;
          return null;
        });
    events.publishEvent(new MembershipIndexRebuilt());
    log.info(
        "Membership index {}: {} customers, {} tags, attribute columns of {} bytes in {} ms",
        from.equals("database") ? "rebuilt from the database" : "read back from its snapshot",
        fresh.size(),
        freshTags.tags().size(),
        columns.table().bytes(),
        (System.nanoTime() - start) / 1_000_000);
  }

  /**
   * Builds the index before the server accepts requests: from the snapshot of the last clean
   * shutdown when the database still matches it, else from the database.
   */
  @Override
  public void afterSingletonsInstantiated() {
    long start = System.nanoTime();
    Optional<IndexSnapshot.Restored> restored = snapshots.takeBack();
    if (restored.isEmpty()) {
      rebuild();
      return;
    }
    TagIndex index = restored.get().index();
    Set<String> codes = new HashSet<>(assignments.tagCodes());
    for (String key : index.tags()) { // a tag deleted since has no members to keep
      if (!codes.contains(TagKeys.tagCode(key))) {
        index.dropTag(key);
      }
    }
    CustomerDictionary dictionary = restored.get().dictionary();
    install(dictionary, index, attributes.restored(restored.get().attributes()), "snapshot", start);
  }

  /** Where the index came from at start-up: "snapshot" or "database". */
  public String loadedFrom() {
    return loadedFrom;
  }

  /**
   * At a clean shutdown, writes the index's customers, tags and attribute columns for the next
   * start. Writers wait while it is written (readers do not); a change arriving afterwards deletes
   * it again.
   */
  @Override
  public void destroy() {
    if (!snapshots.enabled()) {
      return;
    }
    long start = System.nanoTime();
    try {
      IndexSnapshots.Fingerprint fingerprint = snapshots.fingerprint();
      read(
          () -> {
            try {
              snapshots.save(
                  fingerprint,
                  (label, out) ->
                      IndexSnapshot.write(
                          label, dictionary, tags, tagKeys, attributes.complete(), out));
            } catch (java.io.IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
            sealed = true;
            return null;
          });
      log.info(
          "Membership index snapshot written in {} ms", (System.nanoTime() - start) / 1_000_000);
    } catch (RuntimeException e) {
      log.warn("Membership index snapshot not written; the next start rebuilds: {}", e.toString());
      snapshots.discardFile();
    }
  }

  /** A change to customers or tags: a snapshot already written no longer matches. */
  private void changed() {
    if (sealed) {
      snapshots.discardFile();
    }
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(CustomerCreated created) {
    write(
        () -> {
          changed();
          return dictionary.intern(created.externalId());
        });
  }

  /** Adds the customers to the tag (and to its value, for a layered tag). */
  void assigned(String tag, String value, List<String> externalIds) {
    write(
        () -> {
          changed();
          tagKeys.add(tag);
          if (value != null) {
            tagKeys.add(TagKeys.of(tag, value));
          }
          for (String externalId : externalIds) {
            int id = dictionary.intern(externalId);
            tags.assign(tag, id);
            if (value != null) {
              tags.assign(TagKeys.of(tag, value), id);
            }
          }
          if (externalIds.size() >= BULK) {
            tags.optimize(dictionary.capacity());
          }
          return null;
        });
  }

  /** Takes the customer out of the tag (and out of its value, for a layered tag). */
  void unassigned(String tag, String value, String externalId) {
    write(
        () -> {
          changed();
          OptionalInt id = dictionary.find(externalId);
          if (id.isPresent()) {
            tags.unassign(tag, id.getAsInt());
            if (value != null) {
              tags.unassign(TagKeys.of(tag, value), id.getAsInt());
            }
          }
          return null;
        });
  }

  /** Drops a deleted customer: out of every tag, and a hole in the dictionary. */
  void erased(String externalId) {
    write(
        () -> {
          changed();
          OptionalInt id = dictionary.find(externalId);
          if (id.isPresent()) {
            tags.removeCustomer(id.getAsInt());
            attributes.erased(externalId, id.getAsInt());
            dictionary.remove(externalId);
          }
          return null;
        });
  }

  /** Moves the customer from one value of a layered tag to another. */
  void valueChanged(String tag, String from, String to, String externalId) {
    write(
        () -> {
          changed();
          tagKeys.add(TagKeys.of(tag, to));
          int id = dictionary.intern(externalId);
          tags.unassign(TagKeys.of(tag, from), id);
          tags.assign(TagKeys.of(tag, to), id);
          tags.assign(tag, id);
          return null;
        });
  }

  /**
   * Evaluates {@code condition} and compares it with what {@code key} holds now. Reads only; call
   * {@link #replace} after the change is stored. Cost: one evaluation and two bitmap differences.
   */
  public MembershipDiff diff(String key, Condition condition) {
    return read(
        () -> {
          TagBitmap now = new SegmentEvaluator(tags, dictionary).evaluate(condition);
          TagBitmap before = tags.bitmap(key);
          return new MembershipDiff(
              now, externalIds(now.andNot(before)), externalIds(before.andNot(now)));
        });
  }

  /** Installs a key's new members, computed by {@link #diff}. */
  public void replace(String key, TagBitmap members) {
    write(
        () -> {
          tags.replace(key, TagBitmap.optimized(members, dictionary.capacity()));
          return null;
        });
  }

  /** Sets a key's members from external ids (unknown ones are skipped); for loading at start-up. */
  public void load(String key, List<String> externalIds) {
    write(
        () -> {
          TagBitmap bits = TagBitmap.forDensity(externalIds.size(), dictionary.capacity());
          for (String externalId : externalIds) {
            dictionary.find(externalId).ifPresent(bits::add);
          }
          tags.replace(key, bits);
          return null;
        });
  }

  /** Forgets a key (a deleted segment). */
  public void drop(String key) {
    write(() -> tags.dropTag(key));
  }

  /**
   * For each key, how many customers matching {@code condition} hold it, and how many hold it in
   * all: the two columns of a segment's profile. Cost: one evaluation, then one AND count per key.
   */
  public long[][] distribution(Condition condition, List<String> keys) {
    return read(
        () -> {
          TagStatistics statistics = new TagStatistics(tags, dictionary);
          TagBitmap segment = new SegmentEvaluator(tags, dictionary).evaluate(condition);
          return new long[][] {statistics.distribution(segment, keys), statistics.coverage(keys)};
        });
  }

  private List<String> externalIds(TagBitmap bits) {
    List<String> ids =
        new java.util.ArrayList<>((int) Math.min(Integer.MAX_VALUE, bits.cardinality()));
    bits.forEach(
        id -> {
          String externalId = dictionary.externalId(id);
          if (externalId != null) {
            ids.add(externalId);
          }
        });
    return ids;
  }

  /**
   * Runs {@code work} on the engine's dictionary and tag index under the read lock, for evaluators
   * that need the engine structures themselves (the rule language). {@code work} must neither
   * modify them nor keep references to them after it returns.
   */
  public <T> T withIndex(java.util.function.BiFunction<CustomerDictionary, TagIndex, T> work) {
    return read(() -> work.apply(dictionary, tags));
  }

  /** Works on the index together with the customers' attribute columns, under the read lock. */
  @FunctionalInterface
  public interface ColumnWork<T> {
    T apply(CustomerDictionary dictionary, TagIndex tags, AttributeTable attributes);
  }

  /**
   * Runs {@code work} on the dictionary, the tag index and the customers' attribute columns
   * (built-in fields and custom fields, by the dictionary's numbers) under the read lock, as {@link
   * #withIndex} does. First brings the columns in line with the live custom fields (a new, retyped
   * or deleted field: that column is read afresh, under the write lock only for installing it).
   * Cost when nothing changed: one small query for the field types.
   */
  public <T> T withColumns(ColumnWork<T> work) {
    Map<String, FieldType> live = attributes.liveTypes();
    AttributeColumns.Drift drift = read(() -> attributes.drift(live));
    if (!drift.none()) {
      drift
          .drop()
          .forEach(
              code ->
                  write(
                      () -> {
                        attributes.drop(code);
                        return null;
                      }));
      drift
          .load()
          .forEach(
              (code, type) -> {
                AttributeColumns.Column column = attributes.readColumn(code, type);
                write(
                    () -> {
                      attributes.install(column, dictionary);
                      return null;
                    });
              });
    }
    return read(() -> work.apply(dictionary, tags, attributes.table()));
  }

  /**
   * Re-reads the given customers' attributes (after the write that changed them committed) and
   * applies them under the write lock; customers new to the index are numbered. Cost: two reads by
   * id, then a map update per value.
   */
  void attributesChanged(Set<Long> customerIds) {
    AttributeColumns.Read fresh = attributes.read(customerIds);
    write(
        () -> {
          changed();
          attributes.apply(fresh, dictionary);
          return null;
        });
  }

  /** Live customers in the index. */
  @Override
  public int population() {
    return read(() -> dictionary.size());
  }

  /** Members of one tag; an unknown tag has none. */
  @Override
  public long count(String tag) {
    return read(() -> tags.count(tag));
  }

  /** Customers matching the condition, without materializing their ids. */
  public long count(Condition condition) {
    return read(() -> new SegmentEvaluator(tags, dictionary).count(condition));
  }

  /** The total and one page of matching external ids, in index order. */
  public MemberPage page(Condition condition, int offset, int limit) {
    return read(
        () -> {
          SegmentPage page = new SegmentEvaluator(tags, dictionary).page(condition, offset, limit);
          List<String> ids = Arrays.stream(page.ids()).mapToObj(dictionary::externalId).toList();
          return new MemberPage(page.total(), ids);
        });
  }

  /**
   * Index keys the customer holds, sorted: tag codes, and {@code code=value} for layered tags;
   * empty for an unknown customer.
   */
  public List<String> tagsOf(String externalId) {
    return read(
        () -> {
          OptionalInt id = dictionary.find(externalId);
          return id.isPresent() ? tags.tagsOf(id.getAsInt()) : List.of();
        });
  }

  private <T> T read(Supplier<T> action) {
    lock.readLock().lock();
    try {
      return action.get();
    } finally {
      lock.readLock().unlock();
    }
  }

  private <T> T write(Supplier<T> action) {
    lock.writeLock().lock();
    try {
      return action.get();
    } finally {
      lock.writeLock().unlock();
    }
  }
}

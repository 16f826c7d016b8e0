package io.tagbase.tagging;

import io.tagbase.customer.CustomerCreated;
import io.tagbase.customer.CustomerService;
import io.tagbase.engine.Condition;
import io.tagbase.engine.CustomerDictionary;
import io.tagbase.engine.SegmentEvaluator;
import io.tagbase.engine.SegmentPage;
import io.tagbase.engine.TagBitmap;
import io.tagbase.engine.TagIndex;
import io.tagbase.engine.TagStatistics;
import io.tagbase.taxonomy.MemberCounts;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The in-memory tag index: engine bitmaps over every customer, derived from the database. Rebuilt
 * at start-up ({@link #rebuild}) and updated after each committed write. Thread-safe: any number of
 * concurrent readers, writers exclusive. Queries cost bitmap operations only, never database I/O.
 */
@Component
public class MembershipIndex implements SmartInitializingSingleton, MemberCounts {
  private static final Logger log = LoggerFactory.getLogger(MembershipIndex.class);

  /** From this many ids in one write, bitmaps are re-chosen (dense or sparse) for their density. */
  private static final int BULK = 1000;

  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final CustomerService customers;
  private final JdbcAssignmentRepository assignments;
  private final ApplicationEventPublisher events;
  private CustomerDictionary dictionary = new CustomerDictionary();
  private TagIndex tags = new TagIndex();

  MembershipIndex(
      CustomerService customers,
      JdbcAssignmentRepository assignments,
      ApplicationEventPublisher events) {
    this.customers = customers;
    this.assignments = assignments;
    this.events = events;
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
    freshTags.optimize(freshDictionary.capacity());
    write(
        () -> {
          dictionary = freshDictionary;
          tags = freshTags;
          return null;
        });
    events.publishEvent(new MembershipIndexRebuilt());
    log.info(
        "Membership index rebuilt: {} customers, {} tags in {} ms",
        freshDictionary.size(),
        freshTags.tags().size(),
        (System.nanoTime() - start) / 1_000_000);
  }

  /** Builds the index before the server accepts requests. */
  @Override
  public void afterSingletonsInstantiated() {
    rebuild();
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(CustomerCreated created) {
    write(() -> dictionary.intern(created.externalId()));
  }

  /** Adds the customers to the tag (and to its value, for a layered tag). */
  void assigned(String tag, String value, List<String> externalIds) {
    write(
        () -> {
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
          OptionalInt id = dictionary.find(externalId);
          if (id.isPresent()) {
            tags.removeCustomer(id.getAsInt());
            dictionary.remove(externalId);
          }
          return null;
        });
  }

  /** Moves the customer from one value of a layered tag to another. */
  void valueChanged(String tag, String from, String to, String externalId) {
    write(
        () -> {
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

package io.tagbase.analytics;

import io.tagbase.engine.CustomerDictionary;
import io.tagbase.engine.StoredIds;
import io.tagbase.engine.TagBitmap;
import io.tagbase.engine.TagIndex;
import io.tagbase.tagging.MembershipIndex;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.roaringbitmap.RoaringBitmap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Pairs the membership index's customer numbers with the database's customer ids ({@link
 * StoredIds}), so bitmaps stored on one day can be read against the index of another: the index
 * numbers customers afresh each time it is rebuilt, the database never reuses an id.
 *
 * <p>Kept current lazily: each use looks up the customers the index took in since the last one (one
 * query per 1,000 of them); after a rebuild (a new dictionary) everyone is looked up again by
 * reading the customer table in pages of {@value #PAGE} (about 10 s at 10M customers, done once at
 * start-up). An erased customer's id is {@linkplain #forget forgotten} and never paired again.
 *
 * <p>Thread-safe. Lock order: the index's read lock, then this object's monitor, then the activity
 * days' lock (a leaf).
 */
@Component
class CustomerIdBridge {
  private static final Logger log = LoggerFactory.getLogger(CustomerIdBridge.class);

  /** Up to this many new customers are looked up by external id, more by reading every page. */
  private static final int LOOK_UP_AT_MOST = 10_000;

  private static final int PAGE = 50_000;

  private final MembershipIndex index;
  private final JdbcMemberRepository repository;
  private final Object resolving = new Object();

  // guarded by this
  private StoredIds ids = new StoredIds();
  private WeakReference<CustomerDictionary> generation = new WeakReference<>(null);
  private int known; // dictionary ids below this have been looked up
  private final RoaringBitmap forgotten = new RoaringBitmap(); // erased database ids

  CustomerIdBridge(MembershipIndex index, JdbcMemberRepository repository) {
    this.index = index;
    this.repository = repository;
  }

  /** What runs with the index and the pairing complete for it. */
  interface Work<T> {
    T apply(CustomerDictionary dictionary, TagIndex tags, StoredIds ids);
  }

  /**
   * Runs {@code work} under the index's read lock, with every customer of the index paired with its
   * database id. {@code work} must not modify the index nor keep references to its arguments.
   */
  <T> T withIds(Work<T> work) {
    while (true) {
      Object outcome =
          index.withIndex(
              (dictionary, tags) -> {
                synchronized (this) {
                  adopt(dictionary);
                  int capacity = dictionary.capacity();
                  if (known >= capacity) {
                    return new Done<>(work.apply(dictionary, tags, ids));
                  }
                  List<String> missing = null;
                  if (capacity - known <= LOOK_UP_AT_MOST) {
                    missing = new ArrayList<>(capacity - known);
                    for (int id = known; id < capacity; id++) {
                      missing.add(dictionary.externalId(id)); // null: erased since
                    }
                  }
                  return new Pending(known, capacity, missing);
                }
              });
      if (outcome instanceof Done<?> done) {
        @SuppressWarnings("unchecked")
        T answer = (T) done.answer();
        return answer;
      }
      resolve((Pending) outcome);
    }
  }

  /** Looks the index up once, so the first figure after start-up does not pay for it. */
  @EventListener(ApplicationReadyEvent.class)
  void warmUp() {
    long start = System.nanoTime();
    int paired = withIds((dictionary, tags, stored) -> stored.size());
    log.info(
        "Customer ids paired with the index: {} in {} ms",
        paired,
        (System.nanoTime() - start) / 1_000_000);
  }

  /**
   * The customers of {@code stored} (database ids) by {@code dictionary}'s numbers, using the pairs
   * made so far (no database read): customers the index took in since the last {@link #withIds} are
   * left out. Call under the index's read lock. Throws {@link Rebuilt} when the pairs belong to
   * another generation of the index (it was rebuilt since).
   */
  synchronized TagBitmap translate(RoaringBitmap stored, CustomerDictionary dictionary) {
    checkGeneration(dictionary);
    return ids.fromStored(stored, dictionary);
  }

  /**
   * Runs {@code work} with the pairs made so far for {@code dictionary} (no database read), under
   * this object's monitor: {@code work} may take a leaf lock (the activity days') but must not keep
   * the pairs. Call under the index's read lock. Throws {@link Rebuilt} when the pairs belong to
   * another generation of the index (it was rebuilt since).
   */
  synchronized <T> T withPairs(
      CustomerDictionary dictionary, java.util.function.Function<StoredIds, T> work) {
    checkGeneration(dictionary);
    return work.apply(ids);
  }

  /** The pairs belong to another generation of the index than the one asked through. */
  static final class Rebuilt extends IllegalStateException {
    Rebuilt() {
      super("the membership index was rebuilt since its ids were paired");
    }
  }

  private void checkGeneration(CustomerDictionary dictionary) {
    if (generation.get() != dictionary) {
      throw new Rebuilt();
    }
  }

  /** The erased customer's database id is never paired again. */
  synchronized void forget(long customerId) {
    if (customerId <= Integer.MAX_VALUE) {
      forgotten.add((int) customerId);
      ids.forgetStored((int) customerId);
    }
  }

  private record Done<T>(T answer) {}

  private record Pending(int from, int to, List<String> externalIds) {}

  private void adopt(CustomerDictionary dictionary) {
    if (generation.get() != dictionary) {
      ids = new StoredIds();
      known = 0;
      generation = new WeakReference<>(dictionary);
    }
  }

  private void resolve(Pending pending) {
    synchronized (resolving) {
      if (pending.externalIds() != null) {
        List<String> wanted = pending.externalIds().stream().filter(x -> x != null).toList();
        Map<String, Long> found = repository.customerIds(wanted);
        pair(
            pending,
            (dictionary, stored) -> {
              for (int i = 0; i < pending.externalIds().size(); i++) {
                String externalId = pending.externalIds().get(i);
                Long customerId = externalId == null ? null : found.get(externalId);
                if (customerId != null) {
                  put(stored, pending.from() + i, customerId);
                }
              }
            },
            true);
        return;
      }
      long after = 0;
      while (true) {
        Map<Long, String> page = repository.customersAfter(after, PAGE);
        if (page.isEmpty()) {
          pair(pending, (dictionary, stored) -> {}, true);
          return;
        }
        boolean current =
            pair(
                pending,
                (dictionary, stored) ->
                    page.forEach(
                        (customerId, externalId) -> {
                          OptionalInt id = dictionary.find(externalId);
                          if (id.isPresent()
                              && id.getAsInt() >= pending.from()
                              && id.getAsInt() < pending.to()) {
                            put(stored, id.getAsInt(), customerId);
                          }
                        }),
                false);
        if (!current) {
          return; // rebuilt or resolved meanwhile: start over
        }
        after = page.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
      }
    }
  }

  private interface Pairing {
    void apply(CustomerDictionary dictionary, StoredIds stored);
  }

  /** Applies a pairing if the index is still the one {@code pending} was read from. */
  private boolean pair(Pending pending, Pairing pairing, boolean last) {
    return index.withIndex(
        (dictionary, tags) -> {
          synchronized (this) {
            if (generation.get() != dictionary || known != pending.from()) {
              return false;
            }
            pairing.apply(dictionary, ids);
            if (last) {
              known = pending.to();
            }
            return true;
          }
        });
  }

  private void put(StoredIds stored, int id, long customerId) {
    if (customerId > Integer.MAX_VALUE) {
      log.warn("Customer id {} is beyond 32 bits: left out of member snapshots", customerId);
    } else if (!forgotten.contains((int) customerId)) {
      stored.put(id, (int) customerId);
    }
  }
}

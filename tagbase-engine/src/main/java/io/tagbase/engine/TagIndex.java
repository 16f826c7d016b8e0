package io.tagbase.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One {@link TagBitmap} per tag, keyed by tag code: who has which tag.
 *
 * <p>A tag appears on its first {@link #assign} and stays (possibly empty) until {@link #dropTag}.
 * New tags start sparse; {@link #optimize} moves each tag to the representation that suits its
 * density (dense above 1/64 of the universe). Call it after a bulk load and periodically, e.g.
 * after a recompute; every operation stays correct whatever the representation.
 *
 * <p>Cost: {@link #assign}, {@link #unassign}, {@link #has} and {@link #count} are one hash lookup
 * plus one bitmap operation. {@link #tagsOf} and {@link #removeCustomer} visit every tag. {@link
 * #bitmap} copies.
 *
 * <p>Not thread-safe for writers: callers guard it (the server holds a read-write lock). Readers
 * may run concurrently with each other.
 */
public final class TagIndex {
  private static final TagBitmap NONE = new SparseTagBitmap(); // never handed out, never modified

  private final Map<String, TagBitmap> bitmaps = new HashMap<>();

  /** Gives {@code customer} the tag; returns whether it did not have it already. */
  public boolean assign(String tag, int customer) {
    Objects.requireNonNull(tag, "tag");
    return bitmaps.computeIfAbsent(tag, t -> new SparseTagBitmap()).add(customer);
  }

  /** Takes the tag away from {@code customer}; returns whether it had it. */
  public boolean unassign(String tag, int customer) {
    TagBitmap bits = bitmaps.get(tag);
    return bits != null && bits.remove(customer);
  }

  public boolean has(String tag, int customer) {
    return view(tag).contains(customer);
  }

  /** How many customers have the tag; 0 for an unknown tag. */
  public long count(String tag) {
    return view(tag).cardinality();
  }

  /** A copy of the tag's members; an empty bitmap for an unknown tag. */
  public TagBitmap bitmap(String tag) {
    return view(tag).copy();
  }

  /** The tag's own bitmap, for readers in this package that promise not to modify it. */
  TagBitmap view(String tag) {
    TagBitmap bits = bitmaps.get(tag);
    return bits == null ? NONE : bits;
  }

  /** The codes of the tags {@code customer} has, sorted. Visits every tag. */
  public List<String> tagsOf(int customer) {
    List<String> tags = new ArrayList<>();
    bitmaps.forEach(
        (tag, bits) -> {
          if (bits.contains(customer)) {
            tags.add(tag);
          }
        });
    tags.sort(null);
    return tags;
  }

  /** Takes every tag away from {@code customer} (erasure). Visits every tag. */
  public void removeCustomer(int customer) {
    for (TagBitmap bits : bitmaps.values()) {
      bits.remove(customer);
    }
  }

  /**
   * Replaces the tag's members with {@code members} at once (a recomputed rule tag or segment); the
   * index keeps the given bitmap, so the caller must not modify it afterwards. Costs one map write.
   */
  public void replace(String tag, TagBitmap members) {
    Objects.requireNonNull(tag, "tag");
    bitmaps.put(tag, Objects.requireNonNull(members, "members"));
  }

  /** Forgets the tag and its members; returns whether it was known. */
  public boolean dropTag(String tag) {
    return bitmaps.remove(tag) != null;
  }

  /** A snapshot of the known tag codes, unordered. */
  public Set<String> tags() {
    return Set.copyOf(bitmaps.keySet());
  }

  /**
   * Converts each tag to the representation that suits its density among {@code universe} customers
   * (usually {@link CustomerDictionary#capacity()}). Costs one pass over each tag that changes
   * representation and one cardinality check for the others.
   */
  public void optimize(int universe) {
    bitmaps.replaceAll((tag, bits) -> TagBitmap.optimized(bits, universe));
  }
}

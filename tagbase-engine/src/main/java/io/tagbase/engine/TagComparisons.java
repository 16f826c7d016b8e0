package io.tagbase.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The numbers that compare groups of customers: a cross-tab of two lists of tags (an RFM grid, tier
 * x lifecycle stage, the flow between two dates), the regions of a Venn diagram of a few tags, and
 * how often the holders and non-holders of a tag did something (conversion).
 *
 * <p>Every count is over live customers only: ids that are holes in the dictionary, or past its
 * capacity, are never counted.
 *
 * <p>Cost: {@link #crossTab} is one AND with the live set per row and column, then one AND-count
 * per cell, rows split over the common {@link java.util.concurrent.ForkJoinPool}. {@link
 * #vennRegions} splits the live set once per tag: at most {@code 2^(n+1)} AND / ANDNOT passes, so
 * it is limited to {@link #MAX_VENN_TAGS} tags. {@link #conversion} is four bitmap passes.
 *
 * <p>Reads only: safe to call from several threads while nobody writes the index or dictionary.
 */
public final class TagComparisons {
  /** A Venn diagram of more sets is unreadable, and the regions double with each one. */
  public static final int MAX_VENN_TAGS = 6;

  private final TagIndex index;
  private final CustomerDictionary dictionary;

  public TagComparisons(TagIndex index, CustomerDictionary dictionary) {
    this.index = index;
    this.dictionary = dictionary;
  }

  /**
   * {@code counts[i][j]}: live customers who hold both {@code rows.get(i)} and {@code
   * columns.get(j)}. Unknown tags have no holders.
   */
  public long[][] crossTab(List<String> rows, List<String> columns) {
    return crossTabOf(views(rows), views(columns));
  }

  /**
   * {@code counts[i][j]}: ids in both {@code rows.get(i)} and {@code columns.get(j)}, for sets the
   * caller built (holders at two dates, say); only live ids are counted. Inputs are not modified.
   */
  public long[][] crossTabOf(List<TagBitmap> rows, List<TagBitmap> columns) {
    List<TagBitmap> liveRows = rows.stream().map(this::liveOnly).toList();
    long[][] counts = new long[rows.size()][columns.size()];
    // memory-bound: one row per task lets every core stream its own row
    IntStream.range(0, rows.size())
        .parallel()
        .forEach(
            i -> {
              for (int j = 0; j < columns.size(); j++) {
                counts[i][j] = liveRows.get(i).andCardinality(columns.get(j));
              }
            });
    return counts;
  }

  /**
   * {@code regions[mask]}: live customers who hold exactly the tags whose bits are set in {@code
   * mask} (bit i stands for {@code tags.get(i)}) and none of the others; {@code regions[0]} counts
   * those who hold none. The array has {@code 2^n} entries and sums to the live population.
   *
   * @throws IllegalArgumentException for more than {@link #MAX_VENN_TAGS} tags
   */
  public long[] vennRegions(List<String> tags) {
    if (tags.size() > MAX_VENN_TAGS) {
      throw new IllegalArgumentException(
          "at most " + MAX_VENN_TAGS + " tags in a Venn diagram, not " + tags.size());
    }
    List<TagBitmap> bits = tags.stream().map(index::view).toList();
    long[] regions = new long[1 << tags.size()];
    split(dictionary.liveView(), bits, 0, 0, regions);
    return regions;
  }

  /**
   * Splits {@code inside} by tag {@code level} into holders and non-holders, down to the leaves.
   */
  private static void split(
      TagBitmap inside, List<TagBitmap> bits, int level, int mask, long[] regions) {
    if (level == bits.size()) {
      regions[mask] = inside.cardinality();
      return;
    }
    if (inside.isEmpty()) {
      return; // every region below is empty
    }
    TagBitmap tag = bits.get(level);
    split(inside.and(tag), bits, level + 1, mask | (1 << level), regions);
    split(inside.andNot(tag), bits, level + 1, mask, regions);
  }

  /**
   * Among live customers: how many hold {@code tag} and how many of those are in {@code converted};
   * how many do not hold it and how many of those are in {@code converted}. {@code converted} is
   * not modified.
   */
  public Conversion conversion(String tag, TagBitmap converted) {
    return conversionOf(index.view(tag), converted);
  }

  /**
   * {@link #conversion} for a group the caller built (the holders of a tag at a past date, say).
   * Neither input is modified.
   */
  public Conversion conversionOf(TagBitmap group, TagBitmap converted) {
    TagBitmap live = dictionary.liveView();
    TagBitmap holders = group.and(live);
    TagBitmap convertedLive = converted.and(live);
    long tagged = holders.cardinality();
    long taggedConverted = holders.andCardinality(convertedLive);
    return new Conversion(
        tagged,
        taggedConverted,
        dictionary.size() - tagged,
        convertedLive.cardinality() - taggedConverted);
  }

  /** Holders and non-holders of a tag, and how many of each converted. */
  public record Conversion(
      long tagged, long taggedConverted, long untagged, long untaggedConverted) {}

  private List<TagBitmap> views(List<String> tags) {
    List<TagBitmap> bits = new ArrayList<>(tags.size());
    for (String tag : tags) {
      bits.add(index.view(tag));
    }
    return bits;
  }

  private TagBitmap liveOnly(TagBitmap bits) {
    return bits.and(dictionary.liveView());
  }
}

package io.tagbase.engine.rule;

import io.tagbase.engine.TagBitmap;
import io.tagbase.engine.TagIndex;

/** Comparisons on tags answered with tag bitmaps alone. */
final class TagClauses {
  private TagClauses() {}

  /** {@code tag rfm = x} and friends: {@code rfm} holds any value, {@code rfm=x} that value. */
  static TagBitmap tagValue(TagIndex tags, String tag, Rule.Compare c, TagBitmap live) {
    TagBitmap any = tags.bitmap(tag);
    switch (c.op()) {
      case EXISTS:
        return any;
      case MISSING:
        return live.andNot(any);
      case EQ:
      case IN:
        return values(tags, tag, c);
      default: // NE, NOT_IN: has a value, not one of these
        return any.andNot(values(tags, tag, c));
    }
  }

  private static TagBitmap values(TagIndex tags, String tag, Rule.Compare c) {
    TagBitmap result = TagBitmap.empty();
    for (Value v : c.values()) {
      result.orInPlace(tags.bitmap(tag + "=" + ((Value.Str) v).value()));
    }
    return result;
  }

  /** {@code tags has some of (...)} and friends. */
  static TagBitmap tagSet(TagIndex tags, Rule.Compare c, TagBitmap live) {
    if (c.op() == Op.HAS_ALL) {
      TagBitmap result = live.copy();
      for (Value v : c.values()) {
        result.andInPlace(tags.bitmap(((Value.Str) v).value()));
      }
      return result;
    }
    TagBitmap some = TagBitmap.empty();
    for (Value v : c.values()) {
      some.orInPlace(tags.bitmap(((Value.Str) v).value()));
    }
    return c.op() == Op.HAS_NONE ? live.andNot(some) : some;
  }
}

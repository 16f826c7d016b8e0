package io.tagbase.taxonomy;

import java.util.Collection;

/**
 * Where features say that tags were looked at or put to work, for governance's "not viewed or used
 * for N days" finding. Implementations keep it in memory and write at most once per tag per day, so
 * callers may call it on hot paths (a segment count): the cost is a map lookup per key.
 */
public interface TagActivity {

  /** A person looked at the tag: its page, its API read, its members or its charts. */
  void viewed(String tagCode);

  /**
   * Customers were counted, listed or exported by these index keys (a tag code, {@code code=value},
   * or {@code @segment} for a saved segment, whose own tags are then used), or a rule read these
   * tags.
   */
  void used(Collection<String> indexKeys);

  /** An automation ran: the tags it reads and writes were used. */
  void automationRan(String automationCode);
}

package io.tagbase.governance;

import java.util.List;

/**
 * Where a tag is used ({@code usedBy}: rules, templates, segments, automations that read or write
 * it) and what it uses itself ({@code uses}: the tags its rule or template reads).
 */
public record WhereUsed(String tag, List<Usage> usedBy, List<String> uses) {

  public boolean unused() {
    return usedBy.isEmpty();
  }
}

package io.tagbase.governance;

import io.tagbase.governance.TagReferences.Rewrite;
import java.util.List;
import java.util.Map;

/**
 * Everything a merge changed, stored with it as JSON so it can be undone.
 *
 * @param added per merged tag, the customers (external id, value) the kept tag gained from it
 * @param statuses the merged tags' statuses before the merge
 */
record MergeChanges(
    Map<String, List<List<String>>> added, List<Rewrite> rewrites, Map<String, String> statuses) {

  int membersAdded() {
    return added.values().stream().mapToInt(List::size).sum();
  }
}

package io.tagbase.rules;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Dependencies between rule tags: a rule reading tag B depends on B's rule. Finds a cycle a new
 * rule would make, and orders rules so each runs after the rules it reads. Linear in rules and
 * dependencies.
 */
@Component
class RuleOrder {

  /**
   * The path {@code tag -> ... -> tag} that saving {@code tag} with {@code dependsOn} would close,
   * or empty when there is none.
   */
  List<String> cycle(String tag, Collection<String> dependsOn, List<TagRule> rules) {
    Map<String, List<String>> graph = graph(rules);
    graph.put(tag, List.copyOf(dependsOn));
    Deque<String> path = new ArrayDeque<>();
    path.add(tag);
    return reach(tag, tag, graph, path, new HashSet<>()) ? List.copyOf(path) : List.of();
  }

  private boolean reach(
      String from,
      String target,
      Map<String, List<String>> graph,
      Deque<String> path,
      Set<String> seen) {
    for (String next : graph.getOrDefault(from, List.of())) {
      path.addLast(next);
      if (next.equals(target)) {
        return true;
      }
      if (seen.add(next) && reach(next, target, graph, path, seen)) {
        return true;
      }
      path.removeLast();
    }
    return false;
  }

  /** Rules reading any of the event types, and the rules depending on them, in order. */
  List<TagRule> affectedByEvents(List<TagRule> rules, Set<String> eventTypes) {
    return closure(rules, r -> r.readsEvents().stream().anyMatch(eventTypes::contains));
  }

  /** Time-relative rules, and the rules depending on them, in order. */
  List<TagRule> timeRelative(List<TagRule> rules) {
    return closure(rules, TagRule::timeRelative);
  }

  /** The rules matching {@code seed} plus every rule reading their tags, dependencies first. */
  List<TagRule> closure(List<TagRule> rules, java.util.function.Predicate<TagRule> seed) {
    Set<String> chosen = new HashSet<>();
    rules.stream().filter(seed).forEach(r -> chosen.add(r.tagCode()));
    boolean grew = true;
    while (grew) {
      grew = false;
      for (TagRule r : rules) {
        if (!chosen.contains(r.tagCode()) && r.dependsOn().stream().anyMatch(chosen::contains)) {
          chosen.add(r.tagCode());
          grew = true;
        }
      }
    }
    return ordered(rules).stream().filter(r -> chosen.contains(r.tagCode())).toList();
  }

  /** Every rule after the rules it reads (Kahn's algorithm; stored rules have no cycle). */
  List<TagRule> ordered(List<TagRule> rules) {
    Map<String, TagRule> byCode = new LinkedHashMap<>();
    rules.forEach(r -> byCode.put(r.tagCode(), r));
    Map<String, Integer> waiting = new HashMap<>();
    Map<String, List<String>> readers = new HashMap<>();
    for (TagRule r : rules) {
      int count = 0;
      for (String dep : r.dependsOn()) {
        if (byCode.containsKey(dep) && !dep.equals(r.tagCode())) {
          count++;
          readers.computeIfAbsent(dep, d -> new ArrayList<>()).add(r.tagCode());
        }
      }
      waiting.put(r.tagCode(), count);
    }
    Deque<String> ready = new ArrayDeque<>();
    waiting.forEach(
        (code, count) -> {
          if (count == 0) {
            ready.add(code);
          }
        });
    List<TagRule> out = new ArrayList<>();
    while (!ready.isEmpty()) {
      String code = ready.removeFirst();
      out.add(byCode.get(code));
      for (String reader : readers.getOrDefault(code, List.of())) {
        if (waiting.merge(reader, -1, Integer::sum) == 0) {
          ready.addLast(reader);
        }
      }
    }
    return out;
  }

  private static Map<String, List<String>> graph(List<TagRule> rules) {
    Map<String, List<String>> graph = new HashMap<>();
    rules.forEach(r -> graph.put(r.tagCode(), r.dependsOn()));
    return graph;
  }
}

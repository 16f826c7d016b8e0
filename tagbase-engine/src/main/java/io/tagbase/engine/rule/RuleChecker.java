package io.tagbase.engine.rule;

import io.tagbase.engine.rule.RuleSchema.Event;
import io.tagbase.engine.rule.RuleSchema.Field;
import io.tagbase.engine.rule.RuleSchema.Tag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a rule against a {@link RuleSchema} and resolves its names, reporting every error at once
 * (in text order, with line, column and a suggestion for unknown names) as a {@link
 * RuleTypeException}. Cost: linear in the rule, plus an edit distance per candidate name for each
 * unknown name. Thread-safe (a checker per call).
 */
public final class RuleChecker {
  final RuleSchema schema;
  final ParsedRule parsed;
  final List<RuleError> errors = new ArrayList<>();
  final Set<String> attributes = new TreeSet<>();
  final Set<String> tags = new TreeSet<>();
  final Set<String> events = new TreeSet<>();
  boolean timeRelative;

  private RuleChecker(ParsedRule parsed, RuleSchema schema) {
    this.parsed = parsed;
    this.schema = schema;
  }

  /** Parses and checks rule text. */
  public static CheckedRule check(String text, RuleSchema schema) {
    return check(RuleText.parseWithPositions(text), schema);
  }

  /** Checks a rule built in code or read from JSON (errors then carry no position). */
  public static CheckedRule check(Rule rule, RuleSchema schema) {
    return check(ParsedRule.of(rule), schema);
  }

  public static CheckedRule check(ParsedRule parsed, RuleSchema schema) {
    RuleChecker checker = new RuleChecker(parsed, schema);
    Rule resolved = checker.rule(parsed.rule(), null);
    if (!checker.errors.isEmpty()) {
      List<RuleError> sorted = new ArrayList<>(checker.errors);
      sorted.sort(Comparator.comparingInt(RuleError::line).thenComparingInt(RuleError::column));
      throw new RuleTypeException(sorted);
    }
    return new CheckedRule(
        resolved, schema, checker.attributes, checker.tags, checker.events, checker.timeRelative);
  }

  /** {@code rule} resolved; {@code event} is the event a where filter describes, else null. */
  Rule rule(Rule rule, Event event) {
    if (rule instanceof Rule.And and) {
      return new Rule.And(and.terms().stream().map(t -> rule(t, event)).toList());
    }
    if (rule instanceof Rule.Or or) {
      return new Rule.Or(or.terms().stream().map(t -> rule(t, event)).toList());
    }
    if (rule instanceof Rule.Not not) {
      return new Rule.Not(rule(not.term(), event));
    }
    if (rule instanceof Rule.HasTag has) {
      if (event != null) {
        error(has, "'has tag' is not allowed inside a where filter", null);
        return has;
      }
      return tag(has, has.tag()).map(t -> (Rule) new Rule.HasTag(t.code())).orElse(has);
    }
    if (rule instanceof Rule.Did did) {
      if (event != null) {
        error(did, "'did' is not allowed inside a where filter", null);
        return did;
      }
      Optional<Event> done = event(did, did.event());
      Window window = window(did.window());
      if (done.isEmpty()) {
        return did;
      }
      Rule where = did.where() == null ? null : rule(did.where(), done.get());
      return new Rule.Did(done.get().code(), where, window);
    }
    return new CompareChecker(this).compare((Rule.Compare) rule, event);
  }

  Optional<Tag> tag(Object node, String name) {
    Optional<Tag> tag = schema.tag(name);
    if (tag.isEmpty()) {
      List<List<String>> names =
          schema.tags().stream().map(t -> names(t.code(), t.aliases())).toList();
      error(node, "unknown tag '" + name + "'", NameSuggestions.suggest(name, names));
    } else {
      tags.add(tag.get().code());
    }
    return tag;
  }

  Optional<Event> event(Object node, String name) {
    Optional<Event> event = schema.event(name);
    if (event.isEmpty()) {
      List<List<String>> names =
          schema.events().stream().map(e -> names(e.code(), e.aliases())).toList();
      error(node, "unknown event '" + name + "'", NameSuggestions.suggest(name, names));
    } else {
      events.add(event.get().code());
      timeRelative = true;
    }
    return event;
  }

  Optional<Field> property(Object node, Event event, String name) {
    Optional<Field> property = event.property(name);
    if (property.isEmpty()) {
      List<List<String>> names =
          event.properties().stream().map(p -> names(p.code(), p.aliases())).toList();
      String message = "unknown property '" + name + "' of event '" + event.code() + "'";
      error(node, message, NameSuggestions.suggest(name, names));
    }
    return property;
  }

  Window window(Window window) {
    if (window instanceof Window.Between b
        && b.from() instanceof Value.Date from
        && b.to() instanceof Value.Date to
        && from.value().isAfter(to.value())) {
      error(window, "the window starts after it ends", null);
    }
    return window;
  }

  static List<String> names(String code, List<String> aliases) {
    List<String> names = new ArrayList<>();
    names.add(code);
    names.addAll(aliases);
    return names;
  }

  void error(Object node, String message, String suggestion) {
    int[] at = parsed.position(node);
    errors.add(new RuleError(at[0], at[1], message, suggestion));
  }
}

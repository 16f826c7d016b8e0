package io.tagbase.engine.rule;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What rules may name: customer attributes, tags (flag, or layered with values) and event types
 * with their properties, each by code and by any number of aliases (Chinese names). Names resolve
 * by exact code, then exact alias, then either ignoring case. Immutable once built; thread-safe.
 */
public final class RuleSchema {

  /** An attribute or event property; {@code values} are the allowed values of an ENUM (or LIST). */
  public record Field(String code, FieldType type, List<String> aliases, List<String> values) {
    public Field {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(type, "type");
      aliases = List.copyOf(aliases);
      values = List.copyOf(values);
    }
  }

  /** A tag; layered when it has values (index keys {@code code} and {@code code=value}). */
  public record Tag(String code, List<String> aliases, List<String> values) {
    public Tag {
      Objects.requireNonNull(code, "code");
      aliases = List.copyOf(aliases);
      values = List.copyOf(values);
    }

    public boolean layered() {
      return !values.isEmpty();
    }
  }

  /** An event type and its properties. */
  public record Event(String code, List<String> aliases, List<Field> properties) {
    public Event {
      Objects.requireNonNull(code, "code");
      aliases = List.copyOf(aliases);
      properties = List.copyOf(properties);
      for (Field p : properties) {
        if (!(p.type().isText() || p.type() == FieldType.NUMBER || p.type() == FieldType.BOOLEAN)) {
          throw new IllegalArgumentException(
              "event property " + p.code() + " cannot be " + p.type());
        }
      }
    }

    public Optional<Field> property(String name) {
      return find(properties, name, Field::code, Field::aliases);
    }
  }

  private final List<Field> attributes;
  private final List<Tag> tags;
  private final List<Event> events;

  private RuleSchema(Builder b) {
    this.attributes = List.copyOf(b.attributes.values());
    this.tags = List.copyOf(b.tags.values());
    this.events = List.copyOf(b.events.values());
  }

  public static Builder builder() {
    return new Builder();
  }

  public List<Field> attributes() {
    return attributes;
  }

  public List<Tag> tags() {
    return tags;
  }

  public List<Event> events() {
    return events;
  }

  public Optional<Field> attribute(String name) {
    return find(attributes, name, Field::code, Field::aliases);
  }

  public Optional<Tag> tag(String name) {
    return find(tags, name, Tag::code, Tag::aliases);
  }

  public Optional<Event> event(String name) {
    return find(events, name, Event::code, Event::aliases);
  }

  private static <T> Optional<T> find(
      Collection<T> items,
      String name,
      java.util.function.Function<T, String> code,
      java.util.function.Function<T, List<String>> aliases) {
    for (int pass = 0; pass < 2; pass++) {
      boolean ignoreCase = pass == 1;
      for (T item : items) {
        if (same(code.apply(item), name, ignoreCase)) {
          return Optional.of(item);
        }
      }
      for (T item : items) {
        for (String alias : aliases.apply(item)) {
          if (same(alias, name, ignoreCase)) {
            return Optional.of(item);
          }
        }
      }
    }
    return Optional.empty();
  }

  private static boolean same(String a, String b, boolean ignoreCase) {
    return ignoreCase ? a.equalsIgnoreCase(b) : a.equals(b);
  }

  /** Collects the schema; a later definition of a code replaces an earlier one. */
  public static final class Builder {
    private final Map<String, Field> attributes = new LinkedHashMap<>();
    private final Map<String, Tag> tags = new LinkedHashMap<>();
    private final Map<String, Event> events = new LinkedHashMap<>();

    public Builder attribute(String code, FieldType type, String... aliases) {
      return attribute(new Field(code, type, List.of(aliases), List.of()));
    }

    public Builder attribute(Field field) {
      attributes.put(field.code(), field);
      return this;
    }

    public Builder flagTag(String code, String... aliases) {
      tags.put(code, new Tag(code, List.of(aliases), List.of()));
      return this;
    }

    public Builder layeredTag(String code, List<String> values, String... aliases) {
      if (values.isEmpty()) {
        throw new IllegalArgumentException("a layered tag needs values: " + code);
      }
      tags.put(code, new Tag(code, List.of(aliases), values));
      return this;
    }

    public Builder event(String code, List<Field> properties, String... aliases) {
      events.put(code, new Event(code, List.of(aliases), properties));
      return this;
    }

    public RuleSchema build() {
      return new RuleSchema(this);
    }
  }
}

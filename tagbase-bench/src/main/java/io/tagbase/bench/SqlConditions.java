package io.tagbase.bench;

import io.tagbase.engine.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Translates a tag {@link Condition} into the WHERE clause a competent PostgreSQL user would write
 * for each schema. Customers are {@code c}; tags are ids from {@link TagCatalogue}.
 *
 * <ul>
 *   <li>{@link Schema#ARRAY}: {@code c.tags int[]} with a GIN index; positive tags under an AND
 *       become one {@code @>}, an OR of tags one {@code &&}, so the index answers them.
 *   <li>{@link Schema#JOIN}: {@code customer_tags(customer_id, tag_id)}; each tag (or OR of tags)
 *       is an EXISTS, which PostgreSQL plans as a semi-join (NOT EXISTS: an anti-join).
 * </ul>
 */
final class SqlConditions {
  enum Schema {
    ARRAY,
    JOIN
  }

  private SqlConditions() {}

  static String where(Condition condition, List<BenchQuery.Range> ranges, Schema schema) {
    StringBuilder sql = new StringBuilder(compile(condition, schema));
    for (BenchQuery.Range range : ranges) {
      if (range.min() != Integer.MIN_VALUE) {
        sql.append(" AND c.").append(range.column()).append(" >= ").append(range.min());
      }
      if (range.max() != Integer.MAX_VALUE) {
        sql.append(" AND c.").append(range.column()).append(" <= ").append(range.max());
      }
    }
    return sql.toString();
  }

  static String compile(Condition condition, Schema schema) {
    if (condition instanceof Condition.HasTag has) {
      return anyOf(List.of(TagCatalogue.id(has.tag())), schema);
    }
    if (condition instanceof Condition.Everyone) {
      return "TRUE";
    }
    if (condition instanceof Condition.Not not) {
      return "NOT (" + compile(not.term(), schema) + ")";
    }
    if (condition instanceof Condition.Or or) {
      List<Integer> tags = tagIds(or.terms());
      if (tags != null && !tags.isEmpty()) {
        return anyOf(tags, schema);
      }
      return join(or.terms(), " OR ", "FALSE", schema);
    }
    Condition.And and = (Condition.And) condition;
    List<Condition> rest = new ArrayList<>();
    List<Integer> positives = new ArrayList<>();
    for (Condition term : and.terms()) {
      if (term instanceof Condition.HasTag has) {
        positives.add(TagCatalogue.id(has.tag()));
      } else {
        rest.add(term);
      }
    }
    StringJoiner all = new StringJoiner(" AND ", "(", ")");
    all.setEmptyValue("TRUE");
    if (schema == Schema.ARRAY && !positives.isEmpty()) {
      all.add("c.tags @> '" + array(positives) + "'");
    } else {
      positives.forEach(tag -> all.add(anyOf(List.of(tag), schema)));
    }
    rest.forEach(term -> all.add(compile(term, schema)));
    return all.toString();
  }

  static String array(List<Integer> tags) {
    StringJoiner joined = new StringJoiner(",", "{", "}");
    tags.forEach(tag -> joined.add(Integer.toString(tag)));
    return joined.toString();
  }

  /** Customers with at least one of {@code tags}. */
  private static String anyOf(List<Integer> tags, Schema schema) {
    if (schema == Schema.ARRAY) {
      return tags.size() == 1
          ? "c.tags @> '" + array(tags) + "'"
          : "c.tags && '" + array(tags) + "'";
    }
    String match =
        tags.size() == 1
            ? "x.tag_id = " + tags.get(0)
            : "x.tag_id IN (" + array(tags).replaceAll("[{}]", "") + ")";
    return "EXISTS (SELECT 1 FROM customer_tags x WHERE x.customer_id = c.id AND " + match + ")";
  }

  private static String join(List<Condition> terms, String op, String empty, Schema schema) {
    StringJoiner joined = new StringJoiner(op, "(", ")");
    joined.setEmptyValue(empty);
    terms.forEach(term -> joined.add(compile(term, schema)));
    return joined.toString();
  }

  /** The tag ids if every term is a plain tag, else null. */
  private static List<Integer> tagIds(List<Condition> terms) {
    List<Integer> ids = new ArrayList<>();
    for (Condition term : terms) {
      if (!(term instanceof Condition.HasTag has)) {
        return null;
      }
      ids.add(TagCatalogue.id(has.tag()));
    }
    return ids;
  }
}

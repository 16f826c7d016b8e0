package io.tagbase.rules;

import io.tagbase.engine.score.Scoring;
import io.tagbase.web.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.util.MultiValueMap;

/**
 * The console's template forms as plain fields, to and from {@link TagTemplate}: a first-match list
 * is the parallel fields {@code value} and {@code rule} (blank rows skipped), numbers are typed as
 * text and read with a message naming the field.
 */
final class TemplateForm {
  /** Blank rows shown under a list so a user can add entries without scripts. */
  static final int SPARE_ROWS = 3;

  private TemplateForm() {}

  static TagTemplate read(String program, MultiValueMap<String, String> form) {
    return switch (program) {
      case "LAYERED" ->
          new TagTemplate.Layered(
              branches(form, "value", "rule"), blank(form.getFirst("elseValue")));
      case "RFM" ->
          new TagTemplate.Rfm(
              blank(form.getFirst("event")),
              blank(form.getFirst("filter")),
              integer(form, "windowDays"),
              blank(form.getFirst("frequency")),
              blank(form.getFirst("orderProperty")),
              blank(form.getFirst("monetary")),
              integer(form, "bands"),
              measure(form, "recency"),
              measure(form, "frequencyScore"),
              measure(form, "monetaryScore"),
              branches(form, "value", "rule"),
              blank(form.getFirst("elseValue")),
              blank(form.getFirst("recencyTag")),
              blank(form.getFirst("frequencyTag")),
              blank(form.getFirst("monetaryTag")));
      case "LIFECYCLE" ->
          new TagTemplate.Lifecycle(
              blank(form.getFirst("event")),
              blank(form.getFirst("filter")),
              integer(form, "newDays"),
              integer(form, "activeDays"),
              integer(form, "churnDays"));
      case "STATISTIC" -> new TagTemplate.Statistic(blank(form.getFirst("measure")), ranges(form));
      default ->
          throw new InvalidInputException(
              "program", "Choose LAYERED, RFM, LIFECYCLE or STATISTIC.");
    };
  }

  /** The list's rows for the form, plus spare blank rows. */
  static List<TagTemplate.Branch> rows(List<TagTemplate.Branch> branches) {
    List<TagTemplate.Branch> rows = new ArrayList<>(branches == null ? List.of() : branches);
    for (int i = 0; i < SPARE_ROWS; i++) {
      rows.add(new TagTemplate.Branch("", ""));
    }
    return rows;
  }

  /** "1, 2.5, 10" for a list of numbers; "" for none. */
  static String numbers(List<Double> numbers) {
    if (numbers == null) {
      return "";
    }
    return String.join(
        ", ",
        numbers.stream()
            .map(n -> n == Math.rint(n) ? String.valueOf(n.longValue()) : String.valueOf(n))
            .toList());
  }

  private static List<TagTemplate.Branch> branches(
      MultiValueMap<String, String> form, String valueField, String ruleField) {
    List<String> values = form.getOrDefault(valueField, List.of());
    List<String> rules = form.getOrDefault(ruleField, List.of());
    List<TagTemplate.Branch> branches = new ArrayList<>();
    for (int i = 0; i < Math.max(values.size(), rules.size()); i++) {
      String value = i < values.size() ? blank(values.get(i)) : null;
      String rule = i < rules.size() ? blank(rules.get(i)) : null;
      if (value != null || rule != null) {
        branches.add(new TagTemplate.Branch(value, rule));
      }
    }
    return branches;
  }

  /** Ranges from the parallel fields rangeValue, rangeFrom and rangeTo; blank rows skipped. */
  private static List<TagTemplate.Range> ranges(MultiValueMap<String, String> form) {
    List<String> values = form.getOrDefault("rangeValue", List.of());
    List<String> froms = form.getOrDefault("rangeFrom", List.of());
    List<String> tos = form.getOrDefault("rangeTo", List.of());
    List<TagTemplate.Range> ranges = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      String value = blank(values.get(i));
      Double from = i < froms.size() ? decimal(froms.get(i), "ranges[" + i + "].from") : null;
      Double to = i < tos.size() ? decimal(tos.get(i), "ranges[" + i + "].to") : null;
      if (value != null || from != null || to != null) {
        ranges.add(new TagTemplate.Range(value, from, to));
      }
    }
    return ranges;
  }

  /** The ranges for the form, plus spare blank rows. */
  static List<TagTemplate.Range> rangeRows(List<TagTemplate.Range> ranges) {
    List<TagTemplate.Range> rows = new ArrayList<>(ranges == null ? List.of() : ranges);
    for (int i = 0; i < SPARE_ROWS; i++) {
      rows.add(new TagTemplate.Range("", null, null));
    }
    return rows;
  }

  private static Double decimal(String text, String field) {
    String trimmed = blank(text);
    if (trimmed == null) {
      return null;
    }
    try {
      return Double.valueOf(trimmed);
    } catch (NumberFormatException e) {
      throw new InvalidInputException(field, "'" + trimmed + "' is not a number.");
    }
  }

  private static TagTemplate.Measure measure(MultiValueMap<String, String> form, String name) {
    String method = blank(form.getFirst(name + "Method"));
    if (method == null) {
      return null;
    }
    Scoring.Method m;
    try {
      m = Scoring.Method.valueOf(method);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(name, "Choose QUANTILE, FIXED or TOP_PERCENT.");
    }
    List<Double> list = list(form.getFirst(name + "Numbers"), name);
    return new TagTemplate.Measure(
        m,
        null,
        m == Scoring.Method.FIXED ? list : null,
        m == Scoring.Method.TOP_PERCENT ? list : null);
  }

  private static List<Double> list(String text, String field) {
    List<Double> numbers = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return numbers;
    }
    for (String part : text.split("[,，\\s]+")) {
      if (part.isBlank()) {
        continue;
      }
      try {
        numbers.add(Double.parseDouble(part));
      } catch (NumberFormatException e) {
        throw new InvalidInputException(field, "'" + part + "' is not a number.");
      }
    }
    return numbers;
  }

  private static Integer integer(MultiValueMap<String, String> form, String field) {
    String text = blank(form.getFirst(field));
    if (text == null) {
      return null;
    }
    try {
      return Integer.valueOf(text.trim());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(field, "'" + text + "' is not a whole number.");
    }
  }

  private static String blank(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }
}

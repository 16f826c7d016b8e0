package io.tagbase.rules;

import io.tagbase.engine.score.Scoring;
import io.tagbase.web.InvalidInputException;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The settings of a tag whose members a template computes, stored as JSON with the tag's rule: a
 * layered tag from a first-match list of (value, rule), RFM value tiers, or lifecycle stages.
 * Fields left null take the defaults the classes document. Immutable.
 */
public sealed interface TagTemplate {
  ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  /** The program name stored in {@code rule_tag.program}. */
  String program();

  /** One entry of a first-match list: the value a customer gets when the rule holds. */
  record Branch(String value, String rule) {}

  /**
   * A layered tag: each customer gets the value of the first branch whose rule holds, else {@code
   * elseValue} (null: no value, the customer does not hold the tag).
   */
  record Layered(List<Branch> branches, String elseValue) implements TagTemplate {
    @Override
    public String program() {
      return "LAYERED";
    }
  }

  /**
   * How one RFM measure is scored; null fields default to quantiles, in the measure's natural
   * direction (recency: fewer days is better).
   */
  record Measure(
      Scoring.Method method,
      Boolean higherIsBetter,
      List<Double> cutPoints,
      List<Double> topPercents) {}

  /**
   * RFM value tiers over the events of type {@code event} that pass {@code filter} (a condition on
   * event properties, as after {@code where} in a rule) within the last {@code windowDays} days
   * (null: all time). Recency is whole days since the last such event; frequency the number of
   * distinct {@code orderProperty} values ({@code frequency = "orders"}, the default, with {@code
   * order_id}) or of events ({@code "lines"}); monetary the sum of {@code monetary} (an arithmetic
   * expression over properties; default {@code amount}). Each is scored 1..{@code bands} (default
   * 5); {@code segments} (a first-match list over {@code r}, {@code f}, {@code m} and {@code
   * total}) names the tier, else {@code elseValue}. The scores go to {@code recencyTag}, {@code
   * frequencyTag}, {@code monetaryTag} when given: layered tags with values s1..s{bands}. Customers
   * without a qualifying event get no tier and no scores.
   */
  record Rfm(
      String event,
      String filter,
      Integer windowDays,
      String frequency,
      String orderProperty,
      String monetary,
      Integer bands,
      Measure recency,
      Measure frequencyScore,
      Measure monetaryScore,
      List<Branch> segments,
      String elseValue,
      String recencyTag,
      String frequencyTag,
      String monetaryTag)
      implements TagTemplate {
    @Override
    public String program() {
      return "RFM";
    }
  }

  /**
   * Lifecycle stages (values new, won_back, active, dormant, churned) from the days of the events
   * of type {@code event} passing {@code filter}; see {@link io.tagbase.engine.score.Lifecycle}.
   * Defaults: new 30 days, active 90, churned after 180.
   */
  record Lifecycle(
      String event, String filter, Integer newDays, Integer activeDays, Integer churnDays)
      implements TagTemplate {
    public static final List<String> STAGES =
        List.of("new", "won_back", "active", "dormant", "churned");

    @Override
    public String program() {
      return "LIFECYCLE";
    }
  }

  /**
   * A named range of a statistical tag's number: from (inclusive, null: no bound) to (exclusive).
   */
  record Range(String value, Double from, Double to) {}

  /**
   * A statistical tag: a number per customer from {@code measure} (a number field or a behaviour
   * aggregate, written as on the left of a comparison: {@code sum(order, amount, last 365 days)},
   * {@code 年龄}), kept for each customer with a value. With {@code ranges} the tag is layered and a
   * customer takes the value of the first range holding the number (none: no value); without, every
   * customer with a number holds the (flag) tag.
   */
  record Statistic(String measure, List<Range> ranges) implements TagTemplate {
    @Override
    public String program() {
      return "STATISTIC";
    }
  }

  /** The settings stored as {@code json} for {@code program}; 400 naming what is wrong. */
  static TagTemplate read(String program, String json) {
    Class<? extends TagTemplate> type =
        switch (program) {
          case "LAYERED" -> Layered.class;
          case "RFM" -> Rfm.class;
          case "LIFECYCLE" -> Lifecycle.class;
          case "STATISTIC" -> Statistic.class;
          default -> throw new InvalidInputException("program", "Unknown program " + program);
        };
    try {
      TagTemplate template = JSON.readValue(json, type);
      if (template == null) {
        throw new InvalidInputException("body", "The template settings are empty.");
      }
      return template;
    } catch (JacksonException e) {
      throw new InvalidInputException(
          "body", "The template settings are not valid JSON: " + e.getOriginalMessage());
    }
  }

  static String write(TagTemplate template) {
    return JSON.writeValueAsString(template);
  }
}

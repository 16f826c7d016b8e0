package io.tagbase.analytics;

import io.tagbase.privacy.AuditLog;
import io.tagbase.taxonomy.TagDefinition;
import io.tagbase.taxonomy.TaxonomyService;
import io.tagbase.web.InvalidInputException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard's setup, stored and editable by administrators. A setting never saved takes its
 * default from the taxonomy: the value tier is the first layered tag whose code or name speaks of
 * value, tier or RFM (else the first layered tag), the lifecycle the first one that speaks of
 * lifecycle or stage (else the next layered tag), the RFM grid the first layered tags whose codes
 * end in {@code _r} and {@code _f}, and the conversion event {@code order}. A saved tag that has
 * since been deleted falls back to the default too.
 */
@Service
public class DashboardSettings {
  static final String TIER = "tier_tag";
  static final String LIFECYCLE = "lifecycle_tag";
  static final String RFM_ROW = "rfm_row_tag";
  static final String RFM_COLUMN = "rfm_column_tag";
  static final String EVENT = "conversion_event";
  private static final Pattern EVENT_TYPE = Pattern.compile("[A-Za-z0-9_.:\\- ]{1,60}");

  private final JdbcAnalyticsRepository repository;
  private final TaxonomyService taxonomy;
  private final AuditLog audit;
  private final Clock clock;

  DashboardSettings(
      JdbcAnalyticsRepository repository, TaxonomyService taxonomy, AuditLog audit, Clock clock) {
    this.repository = repository;
    this.taxonomy = taxonomy;
    this.audit = audit;
    this.clock = clock;
  }

  /** The setup in force: stored settings, defaults for the rest. */
  @Transactional(readOnly = true)
  public DashboardSetup current() {
    Map<String, String> stored = repository.settings();
    List<TagDefinition> layered = taxonomy.tags().stream().filter(TagDefinition::layered).toList();
    String tier =
        stored(stored, TIER, layered)
            .orElseGet(() -> firstMatching(layered, "tier|value|rfm|价值|等级|分层", null));
    String lifecycle =
        stored(stored, LIFECYCLE, layered)
            .orElseGet(() -> firstMatching(layered, "lifecycle|stage|生命周期|阶段", tier));
    String row = stored(stored, RFM_ROW, layered).orElseGet(() -> endingWith(layered, "_r"));
    String column = stored(stored, RFM_COLUMN, layered).orElseGet(() -> endingWith(layered, "_f"));
    String event = stored.getOrDefault(EVENT, "order");
    return new DashboardSetup(tier, lifecycle, row, column, event);
  }

  /**
   * Stores the whole setup; a blank tag means "use the default". 400 naming the field for a tag
   * that does not exist or is not layered, or an event type that is not a plain name.
   */
  @Transactional
  public DashboardSetup save(DashboardSetup setup, String actor) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put(TIER, layeredTag("tierTag", setup.tierTag()));
    values.put(LIFECYCLE, layeredTag("lifecycleTag", setup.lifecycleTag()));
    values.put(RFM_ROW, layeredTag("rfmRowTag", setup.rfmRowTag()));
    values.put(RFM_COLUMN, layeredTag("rfmColumnTag", setup.rfmColumnTag()));
    String event = blank(setup.conversionEvent()) ? null : setup.conversionEvent().trim();
    if (event != null && !EVENT_TYPE.matcher(event).matches()) {
      throw new InvalidInputException(
          "conversionEvent",
          "Give an event type of 1-60 letters, digits, '_', '.', ':' or '-', such as order.");
    }
    values.put(EVENT, event);
    repository.saveSettings(values, actor, clock.instant());
    audit.record(actor, "CHANGE_SETTINGS", "dashboard", "analytics", values.toString());
    return current();
  }

  private String layeredTag(String field, String code) {
    if (blank(code)) {
      return null;
    }
    TagDefinition tag =
        taxonomy
            .find(code.trim())
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        field, "No tag has the code '" + code.trim() + "'; pick a layered tag."));
    if (!tag.layered()) {
      throw new InvalidInputException(
          field, "Tag '" + tag.code() + "' has no values; pick a layered tag.");
    }
    return tag.code();
  }

  private static Optional<String> stored(
      Map<String, String> stored, String name, List<TagDefinition> layered) {
    String code = stored.get(name);
    return layered.stream().map(TagDefinition::code).filter(c -> c.equals(code)).findFirst();
  }

  private static String firstMatching(List<TagDefinition> layered, String words, String not) {
    Pattern pattern = Pattern.compile(".*(" + words + ").*", Pattern.CASE_INSENSITIVE);
    List<TagDefinition> others =
        layered.stream().filter(t -> !t.code().equals(not)).filter(t -> !isScore(t)).toList();
    return others.stream()
        .filter(
            t ->
                pattern.matcher(t.code()).matches()
                    || pattern.matcher(t.nameEn()).matches()
                    || pattern.matcher(t.nameZh()).matches())
        .map(TagDefinition::code)
        .findFirst()
        .orElse(others.isEmpty() ? null : others.get(0).code());
  }

  private static boolean isScore(TagDefinition tag) {
    return tag.code().matches(".*_[rfm]");
  }

  private static String endingWith(List<TagDefinition> layered, String suffix) {
    return layered.stream()
        .map(TagDefinition::code)
        .filter(c -> c.endsWith(suffix))
        .findFirst()
        .orElse(null);
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}

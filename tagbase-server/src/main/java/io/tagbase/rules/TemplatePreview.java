package io.tagbase.rules;

import java.time.LocalDate;
import java.util.List;

/**
 * What a template gives (or would give) as of a day: for each tag it writes, each value's members
 * and how many would enter that value and leave it compared with today's members.
 */
public record TemplatePreview(LocalDate asOf, String summary, List<TagOutcome> tags) {

  public record ValueOutcome(String value, long members, long entering, long leaving) {}

  public record TagOutcome(String tag, long members, List<ValueOutcome> values) {}
}

package io.tagbase.automation;

import io.tagbase.web.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The console editor's form, read from its fields ({@code trigger.kind}, {@code actions[0].url},
 * ...) into a {@link NewAutomation}, and the action slots the editor shows.
 */
final class AutomationForm {
  static final int SLOTS = 4;

  private AutomationForm() {}

  static NewAutomation read(Map<String, String> f) {
    List<AutomationAction> actions = new ArrayList<>();
    for (int i = 0; i < SLOTS; i++) {
      String p = "actions[" + i + "].";
      String kind = blank(f.get(p + "kind"));
      if (kind == null) {
        continue;
      }
      actions.add(
          new AutomationAction(
              enumOf(ActionKind.class, kind, p + "kind"),
              blank(f.get(p + "url")),
              blank(f.get(p + "secret")),
              integer(f, p + "timeoutMs"),
              integer(f, p + "maxAttempts"),
              blank(f.get(p + "title")),
              blank(f.get(p + "note")),
              integer(f, p + "dueDays"),
              blank(f.get(p + "team")),
              blank(f.get(p + "assignTo")),
              blank(f.get(p + "tag")),
              blank(f.get(p + "value")),
              blank(f.get(p + "batch")),
              blank(f.get(p + "message")),
              blank(f.get(p + "recipient"))));
    }
    String kind = blank(f.get("trigger.kind"));
    return new NewAutomation(
        blank(f.get("code")),
        blank(f.get("name")),
        f.containsKey("enabled"),
        new AutomationTrigger(
            kind == null ? null : enumOf(TriggerKind.class, kind, "trigger.kind"),
            blank(f.get("trigger.target")),
            blank(f.get("trigger.value")),
            blank(f.get("trigger.condition")),
            blank(f.get("trigger.time"))),
        blank(f.get("condition")),
        blank(f.get("purpose")),
        integer(f, "capCount"),
        integer(f, "capDays"),
        blank(f.get("quietStart")),
        blank(f.get("quietEnd")),
        actions);
  }

  /** The automation's actions padded with empty slots, for the editor. */
  static List<AutomationAction> slots(NewAutomation a) {
    List<AutomationAction> slots = new ArrayList<>();
    if (a != null && a.actions() != null) {
      slots.addAll(a.actions());
    }
    while (slots.size() < SLOTS) {
      slots.add(
          new AutomationAction(
              null, null, null, null, null, null, null, null, null, null, null, null, null, null,
              null));
    }
    return slots;
  }

  static NewAutomation empty() {
    return new NewAutomation(
        null,
        null,
        true,
        new AutomationTrigger(TriggerKind.TAG_ENTER, null, null, null, null),
        null,
        null,
        null,
        null,
        null,
        null,
        List.of());
  }

  private static Integer integer(Map<String, String> f, String field) {
    String s = blank(f.get(field));
    if (s == null) {
      return null;
    }
    try {
      return Integer.valueOf(s);
    } catch (NumberFormatException e) {
      throw new InvalidInputException(field, field + " must be a whole number, not '" + s + "'.");
    }
  }

  private static <E extends Enum<E>> E enumOf(Class<E> type, String s, String field) {
    try {
      return Enum.valueOf(type, s);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(field, "'" + s + "' is not a valid " + field + ".");
    }
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}

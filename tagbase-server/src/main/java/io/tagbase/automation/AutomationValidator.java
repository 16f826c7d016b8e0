package io.tagbase.automation;

import io.tagbase.rules.RuleRefused;
import io.tagbase.rules.RuleService;
import io.tagbase.segment.SegmentDefinition;
import io.tagbase.segment.SegmentKind;
import io.tagbase.segment.SegmentLibrary;
import io.tagbase.taxonomy.TagDefinition;
import io.tagbase.taxonomy.TaxonomyService;
import io.tagbase.web.InvalidInputException;
import io.tagbase.web.NotFoundException;
import java.net.URI;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Checks an automation before anything is written: the trigger's tag, value, segment or event type,
 * the rules, the consent purpose, caps and quiet hours, and every action. Each refusal names the
 * field (a JSON path such as {@code actions[1].url}) and says what to fix.
 */
@Component
class AutomationValidator {
  private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{1,63}");
  private static final Pattern PURPOSE = Pattern.compile("[a-z][a-z0-9_]{1,39}");
  private static final Pattern TIME = Pattern.compile("\\d{2}:\\d{2}");

  private final TaxonomyService taxonomy;
  private final SegmentLibrary segments;
  private final RuleService rules;
  private final JdbcCouponRepository coupons;
  private final JdbcTaskRepository tasks;

  AutomationValidator(
      TaxonomyService taxonomy,
      SegmentLibrary segments,
      RuleService rules,
      JdbcCouponRepository coupons,
      JdbcTaskRepository tasks) {
    this.taxonomy = taxonomy;
    this.segments = segments;
    this.rules = rules;
    this.coupons = coupons;
    this.tasks = tasks;
  }

  /** The automation with blanks turned into nulls; 400 naming the first problem. */
  NewAutomation check(NewAutomation a) {
    if (a == null) {
      throw new InvalidInputException("body", "Send the automation as JSON.");
    }
    if (a.code() == null || !CODE.matcher(a.code()).matches()) {
      throw new InvalidInputException(
          "code", "code must be 2-64 lower-case letters, digits or '_', starting with a letter.");
    }
    if (blank(a.name()) || a.name().length() > 200) {
      throw new InvalidInputException("name", "name is required (at most 200 characters).");
    }
    AutomationTrigger trigger = trigger(a.trigger());
    String condition = rule(a.condition(), "condition");
    String purpose = trim(a.purpose());
    if (purpose != null && !PURPOSE.matcher(purpose).matches()) {
      throw new InvalidInputException(
          "purpose", "purpose must be a consent purpose code such as marketing_sms.");
    }
    if ((a.capCount() == null) != (a.capDays() == null)
        || (a.capCount() != null && (a.capCount() < 1 || a.capDays() < 1 || a.capDays() > 3650))) {
      throw new InvalidInputException(
          "capCount", "Give both capCount (1 or more) and capDays (1 to 3650), or neither.");
    }
    String quietStart = time(a.quietStart(), "quietStart");
    String quietEnd = time(a.quietEnd(), "quietEnd");
    if ((quietStart == null) != (quietEnd == null)
        || (quietStart != null && quietStart.equals(quietEnd))) {
      throw new InvalidInputException(
          "quietStart", "Give both quietStart and quietEnd (HH:mm, different), or neither.");
    }
    if (a.actions() == null || a.actions().isEmpty()) {
      throw new InvalidInputException("actions", "Give at least one action.");
    }
    if (a.actions().size() > 10) {
      throw new InvalidInputException("actions", "At most 10 actions per automation.");
    }
    var actions =
        java.util.stream.IntStream.range(0, a.actions().size())
            .mapToObj(i -> action(a.actions().get(i), "actions[" + i + "]"))
            .toList();
    return new NewAutomation(
        a.code(),
        a.name().trim(),
        a.enabled() == null || a.enabled(),
        trigger,
        condition,
        purpose,
        a.capCount(),
        a.capDays(),
        quietStart,
        quietEnd,
        actions);
  }

  private AutomationTrigger trigger(AutomationTrigger t) {
    if (t == null || t.kind() == null) {
      throw new InvalidInputException(
          "trigger.kind",
          "trigger.kind must be TAG_ENTER, TAG_LEAVE, SEGMENT_ENTER, SEGMENT_LEAVE, EVENT or"
              + " SCHEDULE.");
    }
    String target = trim(t.target());
    if (target == null) {
      throw new InvalidInputException(
          "trigger.target", "trigger.target names the tag, segment or event type.");
    }
    String value = trim(t.value());
    String condition = null;
    String time = null;
    switch (t.kind()) {
      case TAG_ENTER, TAG_LEAVE -> {
        TagDefinition tag = tag(target, "trigger.target");
        if (value != null && (!tag.layered() || tag.value(value).isEmpty())) {
          throw new InvalidInputException(
              "trigger.value",
              tag.layered()
                  ? "Tag '" + target + "' has no value '" + value + "'."
                  : "Tag '" + target + "' is not layered; leave the value empty.");
        }
      }
      case SEGMENT_ENTER, SEGMENT_LEAVE, SCHEDULE -> {
        SegmentDefinition segment = segment(target);
        value = null;
        if (t.kind() != TriggerKind.SCHEDULE && segment.kind() != SegmentKind.DYNAMIC) {
          throw new InvalidInputException(
              "trigger.target",
              "Segment '"
                  + target
                  + "' is static: nobody enters or leaves it. Pick a dynamic one.");
        }
        if (t.kind() == TriggerKind.SCHEDULE) {
          time = time(t.time(), "trigger.time");
          if (time == null) {
            throw new InvalidInputException(
                "trigger.time", "A schedule needs the time of day to run, as HH:mm.");
          }
        }
      }
      case EVENT -> {
        value = null;
        condition = rule(t.condition(), "trigger.condition");
      }
    }
    return new AutomationTrigger(t.kind(), target, value, condition, time);
  }

  private AutomationAction action(AutomationAction a, String at) {
    if (a == null || a.kind() == null) {
      throw new InvalidInputException(
          at + ".kind", "kind must be WEBHOOK, TASK, TAG_ADD, TAG_REMOVE, COUPON or NOTIFY.");
    }
    if (a.maxAttempts() != null && (a.maxAttempts() < 1 || a.maxAttempts() > 20)) {
      throw new InvalidInputException(at + ".maxAttempts", "maxAttempts must be 1 to 20.");
    }
    switch (a.kind()) {
      case WEBHOOK -> {
        URI uri;
        try {
          uri = URI.create(String.valueOf(a.url()).trim());
        } catch (IllegalArgumentException e) {
          uri = null;
        }
        if (uri == null
            || uri.getHost() == null
            || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
          throw new InvalidInputException(at + ".url", "url must be an http or https address.");
        }
        if (blank(a.secret()) || a.secret().length() < 8) {
          throw new InvalidInputException(
              at + ".secret", "secret (the HMAC key) must be at least 8 characters.");
        }
        if (a.timeoutMs() != null && (a.timeoutMs() < 100 || a.timeoutMs() > 60_000)) {
          throw new InvalidInputException(at + ".timeoutMs", "timeoutMs must be 100 to 60000.");
        }
        return new AutomationAction(
            a.kind(),
            a.url().trim(),
            a.secret(),
            a.timeoutMs(),
            a.maxAttempts(),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
      }
      case TASK -> {
        if (blank(a.title()) || a.title().length() > 300) {
          throw new InvalidInputException(at + ".title", "A task needs a title (at most 300).");
        }
        if (a.dueDays() != null && (a.dueDays() < 0 || a.dueDays() > 365)) {
          throw new InvalidInputException(at + ".dueDays", "dueDays must be 0 to 365.");
        }
        String team = trim(a.team());
        if (team != null && !tasks.teams().containsKey(team)) {
          throw new InvalidInputException(
              at + ".team", "No sales team '" + team + "'; create it on the tasks page first.");
        }
        String assignTo = trim(a.assignTo());
        if (assignTo != null && !assignTo.equals("OWNER") && !assignTo.equals("TEAM")) {
          throw new InvalidInputException(at + ".assignTo", "assignTo must be OWNER or TEAM.");
        }
        if ("TEAM".equals(assignTo) && team == null) {
          throw new InvalidInputException(at + ".team", "assignTo TEAM needs a team.");
        }
        return new AutomationAction(
            a.kind(),
            null,
            null,
            null,
            a.maxAttempts(),
            a.title().trim(),
            trim(a.note()),
            a.dueDays(),
            team,
            assignTo,
            null,
            null,
            null,
            null,
            null);
      }
      case TAG_ADD, TAG_REMOVE -> {
        TagDefinition tag = tag(trim(a.tag()), at + ".tag");
        String value = trim(a.value());
        if (a.kind() == ActionKind.TAG_ADD && tag.layered() != (value != null)) {
          throw new InvalidInputException(
              at + ".value",
              tag.layered()
                  ? "Tag '" + tag.code() + "' is layered: give the value to set."
                  : "Tag '" + tag.code() + "' is not layered; leave the value empty.");
        }
        if (value != null && tag.value(value).isEmpty()) {
          throw new InvalidInputException(
              at + ".value", "Tag '" + tag.code() + "' has no value '" + value + "'.");
        }
        if (!tag.status().assignable()) {
          throw new InvalidInputException(
              at + ".tag", "Tag '" + tag.code() + "' is " + tag.status() + " and cannot be given.");
        }
        return new AutomationAction(
            a.kind(),
            null,
            null,
            null,
            a.maxAttempts(),
            null,
            null,
            null,
            null,
            null,
            tag.code(),
            a.kind() == ActionKind.TAG_ADD ? value : null,
            null,
            null,
            null);
      }
      case COUPON -> {
        String batch = trim(a.batch());
        if (batch == null || coupons.batch(batch).isEmpty()) {
          throw new InvalidInputException(
              at + ".batch", "No coupon batch '" + batch + "'; create it on the coupons page.");
        }
        return new AutomationAction(
            a.kind(),
            null,
            null,
            null,
            a.maxAttempts(),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            batch,
            null,
            null);
      }
      case NOTIFY -> {
        if (blank(a.message()) || a.message().length() > 2000) {
          throw new InvalidInputException(
              at + ".message", "A notification needs a message (at most 2000).");
        }
        String recipient = trim(a.recipient());
        if (recipient != null && !recipient.equals("owner") && !tasks.userExists(recipient)) {
          throw new InvalidInputException(
              at + ".recipient",
              "No user '" + recipient + "'; give a username, 'owner', or leave empty for all.");
        }
        return new AutomationAction(
            a.kind(),
            null,
            null,
            null,
            a.maxAttempts(),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            a.message().trim(),
            recipient);
      }
      default -> throw new IllegalStateException();
    }
  }

  private TagDefinition tag(String code, String field) {
    Optional<TagDefinition> tag = code == null ? Optional.empty() : taxonomy.find(code);
    return tag.orElseThrow(
        () -> new InvalidInputException(field, "No tag '" + code + "'. Check the tag library."));
  }

  private SegmentDefinition segment(String code) {
    try {
      return segments.get(code);
    } catch (NotFoundException e) {
      throw new InvalidInputException(
          "trigger.target", "No saved segment '" + code + "'. Save the segment first.");
    }
  }

  private String rule(String text, String field) {
    String t = trim(text);
    if (t == null) {
      return null;
    }
    try {
      rules.check(t);
    } catch (RuleRefused e) {
      throw new InvalidInputException(field, "The rule has errors: " + e.getMessage());
    }
    return t;
  }

  private static String time(String s, String field) {
    String t = trim(s);
    if (t == null) {
      return null;
    }
    try {
      if (!TIME.matcher(t).matches()) {
        throw new DateTimeParseException("", t, 0);
      }
      LocalTime.parse(t);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          field, field + " must be a time of day as HH:mm, e.g. 21:30.");
    }
    return t;
  }

  private static String trim(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}

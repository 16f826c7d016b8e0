package io.tagbase.governance;

import io.tagbase.governance.JdbcGovernanceRepository.StoredRule;
import io.tagbase.security.UserAccount;
import io.tagbase.security.UserService;
import io.tagbase.taxonomy.MemberCounts;
import io.tagbase.taxonomy.TagDefinition;
import io.tagbase.taxonomy.TagStatus;
import io.tagbase.taxonomy.TaxonomyService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The unused and unhealthy tags report and the quality score per tag. Archived tags are left out
 * (they are retired already). Cost: one read of the library, the rules, segments, automations,
 * users and the tags' last views and uses, and one index count per tag.
 */
@Service
public class TagHealth {
  /** A rule tag not evaluated for this long is stale (the daily job evaluates every rule). */
  static final Duration STALE_AFTER = Duration.ofDays(2);

  /** Coverage at or above this share of all customers tells nobody apart. */
  static final double NEAR_TOTAL = 0.95;

  private final TaxonomyService taxonomy;
  private final TagUsages usages;
  private final JdbcGovernanceRepository repository;
  private final MemberCounts counts;
  private final UserService users;
  private final NamingStandards naming;
  private final TagActivityLog activity;
  private final MessageSource messages;
  private final int idleDays;
  private final Clock clock;

  TagHealth(
      TaxonomyService taxonomy,
      TagUsages usages,
      JdbcGovernanceRepository repository,
      MemberCounts counts,
      UserService users,
      NamingStandards naming,
      TagActivityLog activity,
      MessageSource messages,
      @Value("${tagbase.governance.idle-days:90}") int idleDays,
      Clock clock) {
    this.activity = activity;
    this.messages = messages;
    this.idleDays = idleDays;
    this.taxonomy = taxonomy;
    this.usages = usages;
    this.repository = repository;
    this.counts = counts;
    this.users = users;
    this.naming = naming;
    this.clock = clock;
  }

  /**
   * Every finding for every tag that is not archived, by tag code then kind, with details in {@code
   * locale}. {@code idleDays}: a tag nobody has viewed or used for this many days is IDLE (null:
   * {@code tagbase.governance.idle-days}).
   */
  @Transactional(readOnly = true)
  public List<Finding> findings(Integer idleDays, Locale locale) {
    return findings(idleDays, locale, taxonomy.tags());
  }

  /**
   * One tag's findings (details in {@code locale}) and quality score, as the library-wide report
   * has them; the score is null for an archived tag, which has no findings. 404 for an unknown tag.
   * Cost: one member count and the where-used of the whole library (a tag is unused when nothing
   * refers to it).
   */
  @Transactional(readOnly = true)
  public Checkup checkup(String code, Locale locale) {
    TagDefinition tag = taxonomy.get(code);
    if (tag.status() == TagStatus.ARCHIVED) {
      return new Checkup(null, List.of());
    }
    List<Finding> found = findings(null, locale, List.of(tag));
    return new Checkup(score(tag, found), found);
  }

  /** A tag's quality score (null when archived) and its findings. */
  public record Checkup(TagQuality quality, List<Finding> findings) {}

  private List<Finding> findings(Integer idleDays, Locale locale, List<TagDefinition> tags) {
    int idle = idleDays == null ? this.idleDays : idleDays;
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    Map<String, List<Usage>> used = usages.all();
    Map<String, StoredRule> rules =
        repository.rules().stream()
            .collect(Collectors.toMap(StoredRule::tagCode, Function.identity()));
    Map<String, TagActivityLog.Activity> activity = this.activity.all();
    Set<String> activeUsers =
        users.users().stream()
            .filter(UserAccount::enabled)
            .map(UserAccount::username)
            .collect(Collectors.toSet());
    int population = counts.population();
    Map<String, List<NamingStandards.Violation>> naming = this.naming.violations(tags);
    FindingText text = new FindingText(messages, locale);
    List<Finding> out = new ArrayList<>();
    for (TagDefinition tag : tags) {
      if (tag.status() == TagStatus.ARCHIVED) {
        continue;
      }
      String code = tag.code();
      if (!used.containsKey(code)) {
        out.add(
            text.finding(
                code,
                "UNUSED",
                tag.status() == TagStatus.DEPRECATED ? "ARCHIVE" : "DEPRECATE",
                null,
                params()));
      }
      long members = counts.count(code);
      if (members == 0) {
        out.add(text.finding(code, "NO_MEMBERS", "DEPRECATE", null, params()));
      } else if (population > 0 && (double) members / population >= NEAR_TOTAL) {
        out.add(
            text.finding(
                code,
                "NEAR_TOTAL",
                "EDIT",
                null,
                params("members", members, "population", population)));
      }
      TagActivityLog.Activity seen = activity.get(code);
      LocalDate lastViewed = seen == null ? null : seen.lastViewed();
      LocalDate lastUsed = seen == null ? null : seen.lastUsed();
      LocalDate since =
          latest(
              LocalDate.ofInstant(tag.createdAt(), ZoneOffset.UTC),
              seen == null ? null : seen.trackedFrom(),
              lastViewed,
              lastUsed);
      if (!today.isBefore(since.plusDays(idle))) {
        out.add(
            text.finding(
                code,
                "IDLE",
                "DEPRECATE",
                null,
                params(
                    "days", idle,
                    "lastViewed", iso(lastViewed),
                    "lastUsed", iso(lastUsed),
                    "since", since.toString())));
      }
      StoredRule rule = rules.get(code);
      if (rule != null) {
        if (rule.lastError() != null) {
          out.add(
              text.finding(
                  code, "RULE_FAILED", "EVALUATE", null, params("error", rule.lastError())));
        } else if (rule.lastEvaluatedAt() == null
            || rule.lastEvaluatedAt().isBefore(now.minus(STALE_AFTER))) {
          out.add(
              text.finding(
                  code,
                  "RULE_STALE",
                  "EVALUATE",
                  rule.lastEvaluatedAt() == null ? "never" : null,
                  params("lastEvaluated", iso(rule.lastEvaluatedAt()))));
        }
      }
      if (tag.owner() == null) {
        out.add(text.finding(code, "NO_OWNER", "EDIT", null, params()));
      } else if (!activeUsers.contains(tag.owner())) {
        out.add(text.finding(code, "OWNER_INACTIVE", "EDIT", null, params("owner", tag.owner())));
      }
      if (tag.descriptionZh() == null && tag.descriptionEn() == null) {
        out.add(text.finding(code, "NO_DESCRIPTION", "EDIT", null, params()));
      }
      for (NamingStandards.Violation v : naming.getOrDefault(code, List.of())) {
        out.add(
            text.finding(
                code,
                "NAMING",
                "EDIT",
                v.rule(),
                params("rule", v.rule(), "category", v.category(), "pattern", v.pattern())));
      }
    }
    out.sort(Comparator.comparing(Finding::tag).thenComparing(Finding::kind));
    return out;
  }

  /** The configured idle period in days. */
  public int idleDays() {
    return idleDays;
  }

  private static Map<String, Object> params(Object... nameValues) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < nameValues.length; i += 2) {
      out.put((String) nameValues[i], nameValues[i + 1]);
    }
    return out;
  }

  private static String iso(Object dateOrInstant) {
    if (dateOrInstant instanceof Instant i) {
      return i.truncatedTo(ChronoUnit.SECONDS).toString();
    }
    return dateOrInstant == null ? null : dateOrInstant.toString();
  }

  private static LocalDate latest(LocalDate first, LocalDate... others) {
    LocalDate out = first;
    for (LocalDate d : others) {
      if (d != null && d.isAfter(out)) {
        out = d;
      }
    }
    return out;
  }

  /** The quality score of every tag that is not archived, lowest first. */
  @Transactional(readOnly = true)
  public List<TagQuality> quality() {
    Map<String, List<Finding>> byTag =
        findings(null, Locale.ENGLISH).stream().collect(Collectors.groupingBy(Finding::tag));
    List<TagQuality> out = new ArrayList<>();
    for (TagDefinition tag : taxonomy.tags()) {
      if (tag.status() == TagStatus.ARCHIVED) {
        continue;
      }
      out.add(score(tag, byTag.getOrDefault(tag.code(), List.of())));
    }
    out.sort(Comparator.comparingInt(TagQuality::score).thenComparing(TagQuality::tag));
    return out;
  }

  private static TagQuality score(TagDefinition tag, List<Finding> found) {
    boolean documented = !has(found, "NO_DESCRIPTION");
    boolean owned = !has(found, "NO_OWNER") && !has(found, "OWNER_INACTIVE");
    boolean used = (!has(found, "UNUSED") || !has(found, "NO_MEMBERS")) && !has(found, "IDLE");
    boolean healthy =
        found.stream()
            .noneMatch(
                f ->
                    Set.of("RULE_FAILED", "RULE_STALE", "NEAR_TOTAL", "NAMING").contains(f.kind()));
    int score = 25 * count(documented, owned, used, healthy);
    return new TagQuality(
        tag.code(), tag.nameZh(), tag.nameEn(), score, documented, owned, used, healthy);
  }

  private static boolean has(List<Finding> found, String kind) {
    return found.stream().anyMatch(f -> f.kind().equals(kind));
  }

  private static int count(boolean... flags) {
    int n = 0;
    for (boolean f : flags) {
      n += f ? 1 : 0;
    }
    return n;
  }
}

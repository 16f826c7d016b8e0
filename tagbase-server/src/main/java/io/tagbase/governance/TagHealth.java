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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The unused and unhealthy tags report and the quality score per tag. Archived tags are left out
 * (they are retired already). Cost: one read of the library, the rules, segments, automations and
 * users, one grouped read of the membership history, and one index count per tag.
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
  private final Clock clock;

  TagHealth(
      TaxonomyService taxonomy,
      TagUsages usages,
      JdbcGovernanceRepository repository,
      MemberCounts counts,
      UserService users,
      NamingStandards naming,
      Clock clock) {
    this.taxonomy = taxonomy;
    this.usages = usages;
    this.repository = repository;
    this.counts = counts;
    this.users = users;
    this.naming = naming;
    this.clock = clock;
  }

  /**
   * Every finding for every tag that is not archived, by tag code then kind. {@code idleDays}: a
   * tag whose members have not changed for this many days is IDLE (null leaves the check out).
   */
  @Transactional(readOnly = true)
  public List<Finding> findings(Integer idleDays) {
    Instant now = clock.instant();
    Map<String, List<Usage>> used = usages.all();
    Map<String, StoredRule> rules =
        repository.rules().stream()
            .collect(Collectors.toMap(StoredRule::tagCode, Function.identity()));
    Map<String, Instant> lastChange = repository.lastMembershipChanges();
    Set<String> activeUsers =
        users.users().stream()
            .filter(UserAccount::enabled)
            .map(UserAccount::username)
            .collect(Collectors.toSet());
    int population = counts.population();
    List<TagDefinition> tags = taxonomy.tags();
    Map<String, List<NamingStandards.Violation>> naming = this.naming.violations(tags);
    List<Finding> out = new ArrayList<>();
    for (TagDefinition tag : tags) {
      if (tag.status() == TagStatus.ARCHIVED) {
        continue;
      }
      String code = tag.code();
      if (!used.containsKey(code)) {
        out.add(
            new Finding(
                code,
                "UNUSED",
                "No rule, segment or automation refers to it.",
                tag.status() == TagStatus.DEPRECATED ? "ARCHIVE" : "DEPRECATE"));
      }
      long members = counts.count(code);
      if (members == 0) {
        out.add(new Finding(code, "NO_MEMBERS", "No customer holds it.", "DEPRECATE"));
      } else if (population > 0 && (double) members / population >= NEAR_TOTAL) {
        out.add(
            new Finding(
                code, "NEAR_TOTAL", members + " of " + population + " customers hold it.", "EDIT"));
      }
      if (idleDays != null) {
        Instant last = lastChange.get(code);
        if (last == null || last.isBefore(now.minus(Duration.ofDays(idleDays)))) {
          out.add(
              new Finding(
                  code,
                  "IDLE",
                  last == null
                      ? "Its members have never changed."
                      : "Its members last changed at " + last + ".",
                  "DEPRECATE"));
        }
      }
      StoredRule rule = rules.get(code);
      if (rule != null) {
        if (rule.lastError() != null) {
          out.add(new Finding(code, "RULE_FAILED", rule.lastError(), "EVALUATE"));
        } else if (rule.lastEvaluatedAt() == null
            || rule.lastEvaluatedAt().isBefore(now.minus(STALE_AFTER))) {
          out.add(
              new Finding(
                  code,
                  "RULE_STALE",
                  rule.lastEvaluatedAt() == null
                      ? "The rule has never been evaluated."
                      : "Last evaluated at " + rule.lastEvaluatedAt() + ".",
                  "EVALUATE"));
        }
      }
      if (tag.owner() == null) {
        out.add(new Finding(code, "NO_OWNER", "Nobody owns it.", "EDIT"));
      } else if (!activeUsers.contains(tag.owner())) {
        out.add(
            new Finding(
                code,
                "OWNER_INACTIVE",
                "Owner '" + tag.owner() + "' is not an active user.",
                "EDIT"));
      }
      if (tag.descriptionZh() == null && tag.descriptionEn() == null) {
        out.add(new Finding(code, "NO_DESCRIPTION", "It has no description.", "EDIT"));
      }
      naming
          .getOrDefault(code, List.of())
          .forEach(v -> out.add(new Finding(code, "NAMING", v.message(), "EDIT")));
    }
    out.sort(Comparator.comparing(Finding::tag).thenComparing(Finding::kind));
    return out;
  }

  /** The quality score of every tag that is not archived, lowest first. */
  @Transactional(readOnly = true)
  public List<TagQuality> quality() {
    Map<String, List<Finding>> byTag =
        findings(null).stream().collect(Collectors.groupingBy(Finding::tag));
    List<TagQuality> out = new ArrayList<>();
    for (TagDefinition tag : taxonomy.tags()) {
      if (tag.status() == TagStatus.ARCHIVED) {
        continue;
      }
      List<Finding> found = byTag.getOrDefault(tag.code(), List.of());
      boolean documented = !has(found, "NO_DESCRIPTION");
      boolean owned = !has(found, "NO_OWNER") && !has(found, "OWNER_INACTIVE");
      boolean used = !has(found, "UNUSED") || !has(found, "NO_MEMBERS");
      boolean healthy =
          found.stream()
              .noneMatch(
                  f ->
                      Set.of("RULE_FAILED", "RULE_STALE", "NEAR_TOTAL", "NAMING")
                          .contains(f.kind()));
      int score = 25 * count(documented, owned, used, healthy);
      out.add(
          new TagQuality(
              tag.code(), tag.nameZh(), tag.nameEn(), score, documented, owned, used, healthy));
    }
    out.sort(Comparator.comparingInt(TagQuality::score).thenComparing(TagQuality::tag));
    return out;
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

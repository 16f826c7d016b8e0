package io.tagbase.segment;

import io.tagbase.customer.CustomerService;
import io.tagbase.engine.Condition;
import io.tagbase.job.Job;
import io.tagbase.rules.RuleRefused;
import io.tagbase.rules.RuleService;
import io.tagbase.tagging.AssignmentSource;
import io.tagbase.tagging.BulkItem;
import io.tagbase.tagging.BulkRequest;
import io.tagbase.tagging.BulkTagging;
import io.tagbase.tagging.MemberPage;
import io.tagbase.tagging.MembershipIndex;
import io.tagbase.taxonomy.TagDefinition;
import io.tagbase.taxonomy.TaxonomyService;
import io.tagbase.web.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The segment feature's API: count and preview ad-hoc conditions over tags. Counting costs bitmap
 * operations only; a preview adds one database read for the page of customers. Thread-safe.
 */
@Service
public class SegmentService {
  private final MembershipIndex index;
  private final TaxonomyService taxonomy;
  private final CustomerService customers;
  private final BulkTagging bulk;
  private final JdbcSegmentRepository segments;
  private final RuleService rules;
  private final io.tagbase.tagging.CustomerScopes scopes;
  private final io.tagbase.taxonomy.TagActivity activity;

  SegmentService(
      io.tagbase.taxonomy.TagActivity activity,
      io.tagbase.tagging.CustomerScopes scopes,
      MembershipIndex index,
      TaxonomyService taxonomy,
      CustomerService customers,
      BulkTagging bulk,
      JdbcSegmentRepository segments,
      RuleService rules) {
    this.activity = activity;
    this.rules = rules;
    this.scopes = scopes;
    this.index = index;
    this.taxonomy = taxonomy;
    this.customers = customers;
    this.bulk = bulk;
    this.segments = segments;
  }

  private List<String> segmentCodes() {
    return segments.all().stream().map(SegmentDefinition::code).toList();
  }

  /** Parses a JSON condition tree, refusing unknown tags with the path at fault. */
  public Condition parse(Object json, String path) {
    return parse(json, path, null);
  }

  /**
   * Parses a JSON condition tree, refusing unknown tags and segments with the path at fault; a
   * segment may not use itself ({@code selfCode}).
   */
  public Condition parse(Object json, String path, String selfCode) {
    java.util.Set<String> segmentCodes = new java.util.HashSet<>(segmentCodes());
    if (selfCode != null) {
      segmentCodes.remove(selfCode);
    }
    Map<String, TagDefinition> known =
        taxonomy.tags().stream().collect(Collectors.toMap(TagDefinition::code, t -> t));
    return ConditionJson.parse(
        json,
        path,
        new ConditionJson.Tags() {
          @Override
          public boolean exists(String code) {
            return known.containsKey(code);
          }

          @Override
          public boolean hasValue(String code, String value) {
            return known.containsKey(code) && known.get(code).value(value).isPresent();
          }

          @Override
          public boolean segmentExists(String code) {
            return segmentCodes.contains(code);
          }

          @Override
          public Condition rule(String text, String path) {
            try {
              return new Condition.Members(rules.members(text, rules.today()), text);
            } catch (RuleRefused e) {
              throw new InvalidInputException(path, e.getMessage());
            }
          }
        });
  }

  /** Counts the condition within the caller's data scope (a sales rep: their own customers). */
  public SegmentCount count(Condition condition) {
    used(condition);
    long start = System.nanoTime();
    long count = index.count(scopes.restrict(condition));
    return new SegmentCount(count, index.population(), (System.nanoTime() - start) / 1000);
  }

  /**
   * Every member's external id within the caller's data scope, in index order; for bulk tagging and
   * exports.
   */
  public List<String> members(Condition condition) {
    used(condition);
    return index.page(scopes.restrict(condition), 0, Integer.MAX_VALUE).externalIds();
  }

  /** Starts a bulk tagging job over the segment's current members. */
  public Job tagMembers(Condition condition, BulkRequest request, String actor) {
    List<String> ids = members(condition);
    List<BulkItem> items = new ArrayList<>(ids.size());
    for (String id : ids) {
      items.add(new BulkItem(items.size() + 1, id, null, null, null));
    }
    if (items.isEmpty()) {
      throw new InvalidInputException("condition", "The segment has no members to tag.");
    }
    return bulk.start(request, items, AssignmentSource.BULK, actor);
  }

  /** A segment definition with its size as the caller sees it (scoped callers: their share). */
  public SegmentDefinition scoped(SegmentDefinition d) {
    Condition members = Condition.tag(d.indexKey());
    Condition restricted = scopes.restrict(members);
    if (restricted == members) {
      return d;
    }
    return new SegmentDefinition(
        d.id(),
        d.code(),
        d.nameZh(),
        d.nameEn(),
        d.description(),
        d.kind(),
        d.condition(),
        d.createdBy(),
        d.createdAt(),
        d.updatedAt(),
        d.refreshedAt(),
        index.count(restricted));
  }

  /** A page of the condition's members within the caller's data scope. */
  public SegmentPreview preview(Condition condition, int offset, int limit) {
    used(condition);
    MemberPage page = index.page(scopes.restrict(condition), offset, limit);
    return new SegmentPreview(page.total(), offset, limit, customers.getAll(page.externalIds()));
  }

  /** Tells governance which tags and segments were read (in memory; see TagActivity). */
  private void used(Condition condition) {
    List<String> keys = new ArrayList<>();
    collect(condition, keys);
    activity.used(keys);
  }

  private static void collect(Condition c, List<String> keys) {
    if (c instanceof Condition.HasTag t) {
      keys.add(t.tag());
    } else if (c instanceof Condition.And and) {
      and.terms().forEach(term -> collect(term, keys));
    } else if (c instanceof Condition.Or or) {
      or.terms().forEach(term -> collect(term, keys));
    } else if (c instanceof Condition.Not not) {
      collect(not.term(), keys);
    }
  }
}

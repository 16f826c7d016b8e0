package io.tagbase.governance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tagbase.web.InvalidInputException;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Governance over REST: where-used, findings, quality, similar tags, naming standards, merges. */
@RestController
@RequestMapping("/api/v1/governance")
@Tag(name = "Governance", description = "Keep the tag library clean")
class GovernanceController {
  /** A merge and what could not be re-evaluated after it. */
  record MergeOutcome(TagMerge merge, List<String> refreshProblems) {}

  private final TagUsages usages;
  private final TagHealth health;
  private final SimilarTags similar;
  private final NamingStandards naming;
  private final TagMerger merger;
  private final Approvals approvals;
  private final TagOverviews overviews;

  /**
   * A change request with the diff of what it changes: word runs of a rule ({@code lines} false),
   * line runs of template settings or a definition ({@code lines} true).
   */
  record ApprovalView(ChangeRequest request, boolean lines, List<TextDiff.Part> diff) {
    static ApprovalView of(ChangeRequest r) {
      return "RULE".equals(r.kind())
          ? new ApprovalView(r, false, TextDiff.of(r.current(), r.proposed()))
          : new ApprovalView(r, true, TextDiff.lines(r.current(), r.proposedText()));
    }
  }

  /** An approver's decision; the note is optional. */
  record Decision(@jakarta.validation.constraints.Size(max = 1000) String note) {}

  GovernanceController(
      TagUsages usages,
      TagHealth health,
      SimilarTags similar,
      NamingStandards naming,
      TagMerger merger,
      Approvals approvals,
      TagOverviews overviews) {
    this.approvals = approvals;
    this.overviews = overviews;
    this.usages = usages;
    this.health = health;
    this.similar = similar;
    this.naming = naming;
    this.merger = merger;
  }

  @GetMapping("/tags/{code}/where-used")
  @Operation(
      summary = "Where a tag is used",
      description =
          "usedBy: every rule, template, segment and automation that reads or writes the tag;"
              + " uses: the tags its own rule reads. Archiving a used tag is refused with this"
              + " list.")
  WhereUsed whereUsed(@PathVariable String code) {
    return usages.of(code);
  }

  @GetMapping("/tags/{code}")
  @Operation(
      summary = "One tag's governance overview",
      description =
          "quality (null when archived), findings (details in lang or Accept-Language, English"
              + " otherwise), lastViewed, lastUsed, trackedFrom (null when never), pending change"
              + " requests and how many places use it.")
  TagOverview overview(
      @PathVariable String code,
      @RequestParam(required = false) String lang,
      @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String accept) {
    return overviews.of(code, language(lang, accept));
  }

  @GetMapping("/findings")
  @Operation(
      summary = "Unused and unhealthy tags",
      description =
          "One row per problem: UNUSED, NO_MEMBERS, NEAR_TOTAL (>= 95% of customers), IDLE (not"
              + " viewed or used for idleDays, default tagbase.governance.idle-days), RULE_FAILED,"
              + " RULE_STALE (not evaluated for 2 days), NO_OWNER, OWNER_INACTIVE,"
              + " NO_DESCRIPTION, NAMING; with its params, a detail in the language of lang or"
              + " Accept-Language (zh or en; English otherwise) and a suggested action.")
  List<Finding> findings(
      @RequestParam(required = false) Integer idleDays,
      @RequestParam(required = false) String lang,
      @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String accept) {
    if (idleDays != null && idleDays < 1) {
      throw new InvalidInputException("idleDays", "idleDays must be at least 1.");
    }
    return health.findings(idleDays, language(lang, accept));
  }

  /**
   * The API's language: {@code lang} (zh or en), else the first of zh and en in Accept-Language,
   * else English (as the API's error messages are).
   */
  static Locale language(String lang, String acceptLanguage) {
    if (lang != null && !lang.isBlank()) {
      return lang.strip().toLowerCase(Locale.ROOT).startsWith("zh")
          ? Locale.SIMPLIFIED_CHINESE
          : Locale.ENGLISH;
    }
    if (acceptLanguage != null && !acceptLanguage.isBlank()) {
      try {
        Locale best =
            Locale.lookup(
                Locale.LanguageRange.parse(acceptLanguage),
                List.of(Locale.ENGLISH, Locale.CHINESE));
        if (best != null && best.getLanguage().equals("zh")) {
          return Locale.SIMPLIFIED_CHINESE;
        }
      } catch (IllegalArgumentException malformed) {
        // a header we cannot read: the default language
      }
    }
    return Locale.ENGLISH;
  }

  @GetMapping("/quality")
  @Operation(summary = "Quality score per tag (documented, owned, used, healthy), lowest first")
  List<TagQuality> quality() {
    return health.quality();
  }

  @GetMapping("/similar")
  @Operation(
      summary = "Similar tags with evidence",
      description =
          "basis name (edit distance of names and pinyin), definition (equal rules after"
              + " normalisation) or members (Jaccard >= jaccard, or >= containment of the smaller"
              + " tag inside the other).")
  List<SimilarPair> similar(
      @RequestParam(defaultValue = "name") String basis,
      @RequestParam(defaultValue = "0.8") double jaccard,
      @RequestParam(defaultValue = "0.95") double containment) {
    return switch (basis) {
      case "name" -> similar.byName();
      case "definition" -> similar.byDefinition();
      case "members" -> {
        if (jaccard <= 0 || jaccard > 1 || containment <= 0 || containment > 1) {
          throw new InvalidInputException(
              "jaccard", "jaccard and containment must be above 0 and at most 1.");
        }
        yield similar.byMembers(jaccard, containment);
      }
      default ->
          throw new InvalidInputException("basis", "basis must be name, definition or members.");
    };
  }

  @GetMapping("/naming-standards")
  @Operation(summary = "Naming standards, one per category that has one")
  List<NamingStandard> standards() {
    return naming.all();
  }

  @PutMapping("/naming-standards/{categoryCode}")
  @Operation(
      summary = "Set a category's naming standard",
      description =
          "codePattern: a regular expression tag codes must match (blank for none);"
              + " requireDescription, requireOwner. Checked when a tag is created or edited.")
  NamingStandard saveStandard(
      @PathVariable String categoryCode,
      @Valid @RequestBody NamingStandard standard,
      Principal principal) {
    return naming.save(
        new NamingStandard(
            categoryCode,
            standard.codePattern(),
            standard.requireDescription(),
            standard.requireOwner()),
        principal.getName());
  }

  @DeleteMapping("/naming-standards/{categoryCode}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Remove a category's naming standard")
  void deleteStandard(@PathVariable String categoryCode, Principal principal) {
    naming.delete(categoryCode, principal.getName());
  }

  @PostMapping("/merges/preview")
  @Operation(summary = "What a merge would do, without doing it")
  MergePreview preview(@Valid @RequestBody MergeRequest request) {
    return merger.preview(request.kept(), request.merged());
  }

  @PostMapping("/merges")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Merge tags into a kept tag",
      description =
          "Members are united into the kept tag (with history), every rule, template, segment"
              + " and automation is rewritten, the merged tags are archived; the rewritten rules"
              + " and segments are then re-evaluated. Undo within 7 days.")
  MergeOutcome merge(@Valid @RequestBody MergeRequest request, Principal principal) {
    TagMerge merge = merger.merge(request.kept(), request.merged(), principal.getName());
    return new MergeOutcome(merge, merger.refresh(merge.id()));
  }

  @GetMapping("/merges")
  @Operation(summary = "Recent merges, newest first")
  List<TagMerge> merges(@RequestParam(defaultValue = "50") int limit) {
    return merger.recent(Math.max(1, Math.min(limit, 500)));
  }

  @GetMapping("/merges/{id}")
  @Operation(summary = "One merge")
  TagMerge merge(@PathVariable long id) {
    return merger.get(id);
  }

  @PostMapping("/merges/{id}/undo")
  @Operation(summary = "Undo a merge within its period")
  MergeOutcome undo(@PathVariable long id, Principal principal) {
    TagMerge merge = merger.undo(id, principal.getName());
    return new MergeOutcome(merge, merger.refresh(merge.id()));
  }

  @GetMapping("/tags/{code}/merged-into")
  @Operation(summary = "The merge that archived this tag, pointing at the tag it became")
  Map<String, Object> mergedInto(@PathVariable String code) {
    usages.of(code);
    return merger
        .mergedInto(code)
        .<Map<String, Object>>map(m -> Map.of("tag", code, "mergedInto", m.kept(), "merge", m))
        .orElse(Map.of("tag", code));
  }

  @GetMapping("/approvals")
  @Operation(
      summary = "Change requests (the approvals inbox), newest first",
      description = "status PENDING (default), APPROVED, REJECTED or ALL.")
  List<ApprovalView> approvals(
      @RequestParam(defaultValue = "PENDING") String status,
      @RequestParam(defaultValue = "100") int limit) {
    if (!List.of("PENDING", "APPROVED", "REJECTED", "ALL").contains(status)) {
      throw new InvalidInputException(
          "status", "status must be PENDING, APPROVED, REJECTED or ALL.");
    }
    return approvals
        .list("ALL".equals(status) ? null : status, Math.max(1, Math.min(limit, 500)))
        .stream()
        .map(ApprovalView::of)
        .toList();
  }

  @GetMapping("/approvals/{id}")
  @Operation(summary = "One change request with the diff of its rule and its dry-run effect")
  ApprovalView approval(@PathVariable long id) {
    return ApprovalView.of(approvals.get(id));
  }

  @PostMapping("/approvals/{id}/approve")
  @Operation(
      summary = "Approve a change request (needs APPROVE)",
      description = "Saves the requested rule in the approver's name and evaluates it.")
  ApprovalView approve(
      @PathVariable long id,
      @Valid @RequestBody(required = false) Decision decision,
      Principal principal) {
    return ApprovalView.of(
        approvals.approve(id, principal.getName(), decision == null ? null : decision.note()));
  }

  @PostMapping("/approvals/{id}/reject")
  @Operation(summary = "Reject a change request (needs APPROVE); the rule stays as it is")
  ApprovalView reject(
      @PathVariable long id,
      @Valid @RequestBody(required = false) Decision decision,
      Principal principal) {
    return ApprovalView.of(
        approvals.reject(id, principal.getName(), decision == null ? null : decision.note()));
  }
}

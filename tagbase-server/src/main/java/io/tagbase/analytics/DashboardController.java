package io.tagbase.analytics;

import io.tagbase.customer.CustomerService;
import io.tagbase.engine.Condition;
import io.tagbase.segment.SegmentLibrary;
import io.tagbase.tagging.MembershipIndex;
import io.tagbase.taxonomy.TagDefinition;
import io.tagbase.taxonomy.TaxonomyService;
import io.tagbase.web.InvalidInputException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's analytics pages: the dashboard (also the home page), the explorer for overlaps,
 * cross-tabs and conversion of any tags, and the chart sections the tag and segment pages load with
 * htmx. Pages hold no numbers themselves: each chart fetches its figure from {@code
 * /analytics/data/...} (see {@link AnalyticsController}).
 */
@Controller
class DashboardController {
  private final CustomerService customers;
  private final TaxonomyService taxonomy;
  private final MembershipIndex index;
  private final DashboardSettings settings;
  private final SizeSnapshots snapshots;
  private final JdbcAnalyticsRepository repository;
  private final SegmentLibrary segments;
  private final io.tagbase.privacy.CallerAccess caller;

  DashboardController(
      CustomerService customers,
      TaxonomyService taxonomy,
      MembershipIndex index,
      DashboardSettings settings,
      SizeSnapshots snapshots,
      JdbcAnalyticsRepository repository,
      SegmentLibrary segments,
      io.tagbase.privacy.CallerAccess caller) {
    this.caller = caller;
    this.customers = customers;
    this.taxonomy = taxonomy;
    this.index = index;
    this.settings = settings;
    this.snapshots = snapshots;
    this.repository = repository;
    this.segments = segments;
  }

  record TagSize(TagDefinition tag, long members) {}

  /**
   * The home page: the dashboard, whose figures cover every customer; a caller who sees only the
   * customers they own (a sales rep) starts from their customer list instead.
   */
  @GetMapping("/")
  String home(Model model, Authentication user) {
    if (caller.ownerScope().isPresent()) {
      return "redirect:/customers";
    }
    return dashboard(model, user);
  }

  @GetMapping("/dashboard")
  String dashboard(Model model, Authentication user) {
    if (caller.ownerScope().isPresent()) {
      return "redirect:/customers";
    }
    List<TagDefinition> tags = taxonomy.tags();
    List<TagSize> sizes =
        tags.stream()
            .map(t -> new TagSize(t, index.count(t.code())))
            .sorted(Comparator.comparingLong(TagSize::members).reversed())
            .limit(10)
            .toList();
    long tagged =
        tags.isEmpty()
            ? 0
            : index.count(Condition.or(tags.stream().map(t -> Condition.tag(t.code())).toList()));
    model.addAttribute("customers", customers.count());
    model.addAttribute("population", index.population());
    model.addAttribute("tagCount", tags.size());
    model.addAttribute("categoryCount", taxonomy.categories().size());
    model.addAttribute("tagged", tagged);
    model.addAttribute("topTags", sizes);
    model.addAttribute("setup", settings.current());
    model.addAttribute("layeredTags", tags.stream().filter(TagDefinition::layered).toList());
    model.addAttribute("eventTypes", repository.eventTypes(20));
    model.addAttribute("monthStart", snapshots.today().withDayOfMonth(1));
    model.addAttribute("admin", isAdmin(user));
    return "analytics/dashboard";
  }

  @PostMapping("/analytics/settings")
  String saveSettings(
      @RequestParam(required = false) String tierTag,
      @RequestParam(required = false) String lifecycleTag,
      @RequestParam(required = false) String rfmRowTag,
      @RequestParam(required = false) String rfmColumnTag,
      @RequestParam(required = false) String conversionEvent,
      Authentication user,
      RedirectAttributes redirect) {
    AnalyticsController.requireAdmin(user);
    try {
      settings.save(
          new DashboardSetup(tierTag, lifecycleTag, rfmRowTag, rfmColumnTag, conversionEvent),
          user.getName());
      redirect.addFlashAttribute("settingsSaved", true);
    } catch (InvalidInputException e) {
      redirect.addFlashAttribute("settingsError", e.field() + ": " + e.getMessage());
    }
    return "redirect:/dashboard";
  }

  /** Overlap and Venn of chosen tags, a cross-tab of two layered tags, conversion of a tag. */
  @GetMapping("/analytics")
  String explorer(
      @RequestParam(required = false) String tags,
      @RequestParam(required = false) String rows,
      @RequestParam(required = false) String columns,
      @RequestParam(required = false) String conversionTag,
      @RequestParam(required = false) String event,
      @RequestParam(required = false) String from,
      @RequestParam(defaultValue = "30") int days,
      @RequestParam(defaultValue = "start") String cohort,
      Model model,
      Locale locale) {
    List<String> chosen =
        tags == null
            ? List.of()
            : Arrays.stream(tags.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    model.addAttribute("allTags", taxonomy.tags());
    model.addAttribute(
        "layeredTags", taxonomy.tags().stream().filter(TagDefinition::layered).toList());
    model.addAttribute("tags", String.join(",", chosen));
    model.addAttribute("chosen", chosen);
    model.addAttribute("rows", rows);
    model.addAttribute("columns", columns);
    model.addAttribute("conversionTag", conversionTag);
    model.addAttribute(
        "event", event == null || event.isBlank() ? settings.current().conversionEvent() : event);
    model.addAttribute(
        "from",
        from == null || from.isBlank() ? snapshots.today().minusDays(days).toString() : from);
    model.addAttribute("days", days);
    model.addAttribute("cohort", cohort.equals("now") ? "now" : "start");
    model.addAttribute("eventTypes", repository.eventTypes(20));
    return "analytics/explorer";
  }

  /** The tag page's analytics section (loaded with htmx). */
  @GetMapping("/analytics/tags/{code}/charts")
  String tagCharts(@PathVariable String code, Model model) {
    model.addAttribute("tag", taxonomy.get(code));
    model.addAttribute("setup", settings.current());
    model.addAttribute("monthStart", snapshots.today().withDayOfMonth(1));
    return "analytics/tag-charts :: charts";
  }

  /** The saved segment page's analytics section (loaded with htmx). */
  @GetMapping("/analytics/segments/{code}/charts")
  String segmentCharts(@PathVariable String code, Model model) {
    model.addAttribute("segment", segments.get(code));
    model.addAttribute("setup", settings.current());
    return "analytics/segment-charts :: charts";
  }

  private static boolean isAdmin(Authentication user) {
    return user != null
        && user.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
  }
}

package io.tagbase.analytics;

import io.tagbase.taxonomy.TaxonomyService;
import io.tagbase.web.InvalidInputException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Every analytics figure, as JSON ({@link Figure}) or, with {@code format=csv}, as a CSV download.
 * Served twice: under {@code /api/v1/analytics} for API keys, and under {@code /analytics/data} for
 * the console's charts (logged-in session), so a chart, its CSV and the API never disagree. Labels
 * are in the request's language (Accept-Language, or the console's choice).
 */
@RestController
@RequestMapping({"/api/v1/analytics", "/analytics/data"})
class AnalyticsController {
  private final TagFigures tags;
  private final HistoryFigures history;
  private final SegmentFigures segments;
  private final DashboardSettings settings;
  private final SizeSnapshots snapshots;
  private final TaxonomyService taxonomy;

  AnalyticsController(
      TagFigures tags,
      HistoryFigures history,
      SegmentFigures segments,
      DashboardSettings settings,
      SizeSnapshots snapshots,
      TaxonomyService taxonomy) {
    this.tags = tags;
    this.history = history;
    this.segments = segments;
    this.settings = settings;
    this.snapshots = snapshots;
    this.taxonomy = taxonomy;
  }

  @GetMapping("/coverage/categories")
  ResponseEntity<?> coverageByCategory(@RequestParam(required = false) String format, Locale l) {
    return answer(tags.coverageByCategory(l), format);
  }

  @GetMapping("/coverage/tags")
  ResponseEntity<?> coverageOfTags(
      @RequestParam(required = false) String category,
      @RequestParam(required = false) String format,
      Locale l) {
    return answer(tags.coverageOfTags(category, l), format);
  }

  @GetMapping("/tags/{code}/distribution")
  ResponseEntity<?> distribution(
      @PathVariable String code, @RequestParam(required = false) String format, Locale l) {
    return answer(tags.distribution(code, l), format);
  }

  @GetMapping("/tags/{code}/profile")
  ResponseEntity<?> profile(
      @PathVariable String code,
      @RequestParam(defaultValue = "0") int limit,
      @RequestParam(required = false) String format,
      Locale l) {
    Figure figure = tags.profile(code, l);
    if (limit > 0 && figure.rows().size() > limit) {
      figure.rows().subList(limit, figure.rows().size()).clear();
    }
    return answer(figure, format);
  }

  @GetMapping("/tags/{code}/trend")
  ResponseEntity<?> tagTrend(
      @PathVariable String code,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String format,
      Locale l) {
    LocalDate end = date(to, "to", snapshots.today());
    LocalDate start = date(from, "from", end.minusDays(89));
    return answer(history.trend(history.trendKeys(taxonomy.get(code), l), start, end), format);
  }

  @GetMapping("/tags/{code}/change")
  ResponseEntity<?> change(
      @PathVariable String code,
      @RequestParam(required = false) String since,
      @RequestParam(required = false) String format,
      Locale l) {
    LocalDate day = date(since, "since", snapshots.today().withDayOfMonth(1));
    return answer(history.change(code, day, l), format);
  }

  @GetMapping("/tags/{code}/flow")
  ResponseEntity<?> flow(
      @PathVariable String code,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String format,
      Locale l) {
    LocalDate end = date(to, "to", snapshots.today());
    LocalDate start = date(from, "from", end.withDayOfMonth(1).minusDays(1));
    return answer(history.flow(code, start, end, l), format);
  }

  @GetMapping("/tags/{code}/conversion")
  ResponseEntity<?> conversion(
      @PathVariable String code,
      @RequestParam(required = false) String event,
      @RequestParam(required = false) String from,
      @RequestParam(defaultValue = "30") int days,
      @RequestParam(defaultValue = "start") String cohort,
      @RequestParam(required = false) String format,
      Locale l) {
    String type = event == null || event.isBlank() ? settings.current().conversionEvent() : event;
    LocalDate start = date(from, "from", snapshots.today().minusDays(days));
    if (!cohort.equals("start") && !cohort.equals("now")) {
      throw new InvalidInputException(
          "cohort", "Use cohort=start (holders when the window opened) or cohort=now.");
    }
    return answer(history.conversion(code, type, start, days, cohort.equals("now"), l), format);
  }

  @GetMapping("/overlap")
  ResponseEntity<?> overlap(
      @RequestParam(required = false) String tags,
      @RequestParam(required = false) String format,
      Locale l) {
    return answer(this.tags.overlap(list(tags), l), format);
  }

  @GetMapping("/venn")
  ResponseEntity<?> venn(
      @RequestParam(required = false) String tags,
      @RequestParam(required = false) String format,
      Locale l) {
    return answer(this.tags.venn(list(tags), l), format);
  }

  @GetMapping("/crosstab")
  ResponseEntity<?> crossTab(
      @RequestParam(required = false) String rows,
      @RequestParam(required = false) String columns,
      @RequestParam(required = false) String format,
      Locale l) {
    return answer(tags.crossTab(rows, columns, "crosstab", l), format);
  }

  @GetMapping("/rfm")
  ResponseEntity<?> rfm(@RequestParam(required = false) String format, Locale l) {
    DashboardSetup setup = settings.current();
    if (setup.rfmRowTag() == null || setup.rfmColumnTag() == null) {
      throw new InvalidInputException(
          "rfmRowTag",
          "No RFM score tags are set up: choose two layered score tags in the dashboard"
              + " settings (PUT /api/v1/analytics/settings).");
    }
    return answer(tags.crossTab(setup.rfmRowTag(), setup.rfmColumnTag(), "rfm", l), format);
  }

  @GetMapping("/segments/{code}/profile")
  ResponseEntity<?> segmentProfile(
      @PathVariable String code,
      @RequestParam(defaultValue = "0") int limit,
      @RequestParam(required = false) String tag,
      @RequestParam(required = false) String format,
      Locale l) {
    Figure figure = segments.profile(code, l);
    if (tag != null && !tag.isBlank()) {
      // one tag's values, in the tag's order: the segment's spread over them against everyone's
      List<String> keys = TagFigures.valueKeys(taxonomy.get(tag));
      figure.rows().removeIf(r -> !keys.contains((String) r.get("key")));
      figure
          .rows()
          .sort(java.util.Comparator.comparingInt(r -> keys.indexOf((String) r.get("key"))));
    }
    if (limit > 0 && figure.rows().size() > limit) {
      figure.rows().subList(limit, figure.rows().size()).clear();
    }
    return answer(figure, format);
  }

  @GetMapping("/segments/{code}/trend")
  ResponseEntity<?> segmentTrend(
      @PathVariable String code,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String format,
      Locale l) {
    LocalDate end = date(to, "to", snapshots.today());
    LocalDate start = date(from, "from", end.minusDays(89));
    return answer(segments.trend(code, start, end, l), format);
  }

  @GetMapping("/settings")
  DashboardSetup settings() {
    return settings.current();
  }

  @PutMapping("/settings")
  DashboardSetup saveSettings(@RequestBody DashboardSetup setup, Authentication user) {
    requireAdmin(user);
    return settings.save(setup, user.getName());
  }

  /** Takes (or retakes) today's size snapshot now; answers how many keys it stored. */
  @PostMapping("/snapshots")
  Map<String, Object> takeSnapshot(Authentication user) {
    requireAdmin(user);
    int keys = snapshots.take().size();
    return Map.of("day", snapshots.today().toString(), "keys", keys);
  }

  static void requireAdmin(Authentication user) {
    boolean admin =
        user != null
            && user.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
    if (!admin) {
      throw new ResponseStatusException(
          HttpStatus.FORBIDDEN, "Only administrators may change analytics settings or snapshots.");
    }
  }

  private static ResponseEntity<?> answer(Figure figure, String format) {
    if (format == null || format.isBlank() || format.equals("json")) {
      return ResponseEntity.ok(figure);
    }
    if (!format.equals("csv")) {
      throw new InvalidInputException("format", "Use format=csv, or leave it out for JSON.");
    }
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
        .header(
            HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + figure.name() + ".csv\"")
        .body(FigureCsv.write(figure));
  }

  private static List<String> list(String csv) {
    return csv == null
        ? List.of()
        : Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private static LocalDate date(String text, String field, LocalDate fallback) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(field, "Give a date as yyyy-MM-dd, not '" + text + "'.");
    }
  }
}

package io.tagbase.tagging;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads an expiry as people write it: an ISO-8601 instant or offset time, or a date (yyyy-MM-dd or
 * yyyy/MM/dd) meaning the end of that day in the console's zone.
 */
@Component
class ExpiryParser {
  private final ZoneId zone;

  ExpiryParser(@Value("${tagbase.zone:Asia/Shanghai}") String zone) {
    this.zone = ZoneId.of(zone);
  }

  Optional<Instant> parse(String text) {
    String s = text.trim();
    try {
      if (s.length() <= 10) {
        LocalDate day = LocalDate.parse(s.replace('/', '-'));
        return Optional.of(day.plusDays(1).atStartOfDay(zone).toInstant());
      }
      return Optional.of(OffsetDateTime.parse(s).toInstant());
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(Instant.parse(s));
      } catch (DateTimeParseException again) {
        return Optional.empty();
      }
    }
  }
}

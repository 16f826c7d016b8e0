package io.tagbase.tagging;

import io.tagbase.customer.AttributeValues;
import io.tagbase.ingest.LenientTime;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads an expiry as people write it: a date (yyyy-MM-dd or yyyy/M/d) meaning the end of that day
 * in the console's zone, or a time as the ingest APIs read it ({@link LenientTime}).
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
        return Optional.of(
            AttributeValues.parseDate(s, zone).plusDays(1).atStartOfDay(zone).toInstant());
      }
      return Optional.of(LenientTime.parse(s, zone));
    } catch (RuntimeException notATime) {
      return Optional.empty();
    }
  }
}

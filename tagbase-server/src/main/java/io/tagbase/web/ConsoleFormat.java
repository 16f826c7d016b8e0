package io.tagbase.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Formats for console templates, used as {@code ${@fmt.time(instant)}}. Times are shown in the
 * console's zone ({@code tagbase.zone}, Asia/Shanghai unless set).
 */
@Component("fmt")
public class ConsoleFormat {
  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private final ZoneId zone;

  ConsoleFormat(@Value("${tagbase.zone:Asia/Shanghai}") String zone) {
    this.zone = ZoneId.of(zone);
  }

  public String time(Instant instant) {
    return instant == null ? "" : MINUTES.format(instant.atZone(zone));
  }
}

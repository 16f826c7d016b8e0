package io.tagbase;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A clock tests move by hand, so expiry and "as of" behaviour is tested without waiting. */
public class TestClock extends Clock {
  private volatile Instant now = Instant.parse("2026-06-01T00:00:00Z");

  public void advance(Duration duration) {
    now = now.plus(duration);
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  /** Import this to replace the application's clock. */
  @TestConfiguration
  public static class Config {
    @Bean
    @Primary
    public TestClock testClock() {
      return new TestClock();
    }
  }
}

package io.tagbase.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A token bucket per API key: {@code tagbase.rate-limit.per-second} requests a second on average
 * ({@code 0} turns limiting off), bursts up to {@code tagbase.rate-limit.burst}. In memory, per
 * server. Thread-safe; O(1) per request.
 */
@Component
class RateLimiter {
  private final double perSecond;
  private final double burst;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  RateLimiter(
      @Value("${tagbase.rate-limit.per-second:200}") double perSecond,
      @Value("${tagbase.rate-limit.burst:400}") double burst) {
    this.perSecond = perSecond;
    this.burst = burst;
  }

  private static final class Bucket {
    double tokens;
    long last;

    Bucket(double tokens, long last) {
      this.tokens = tokens;
      this.last = last;
    }
  }

  /** Takes one token for {@code key}; false when the key must wait. */
  boolean tryAcquire(String key) {
    if (perSecond <= 0) {
      return true;
    }
    long now = System.nanoTime();
    Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
    synchronized (bucket) {
      bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.last) / 1e9 * perSecond);
      bucket.last = now;
      if (bucket.tokens < 1) {
        return false;
      }
      bucket.tokens -= 1;
      return true;
    }
  }
}

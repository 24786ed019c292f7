package dev.runtimedoctor.bot.slack.state;

import com.github.benmanes.caffeine.cache.Cache;
import java.time.Clock;
import java.time.Duration;

/**
 * Keys seen recently, bounded in count and age: how Slack's retries, double deliveries and repeat
 * answers in a thread are recognised without growing without end.
 */
public final class RecentKeys {
  private final Cache<String, Boolean> seen;

  public RecentKeys(int capacity, Duration ttl, Clock clock) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    this.seen = Caches.bounded(capacity, ttl, clock);
  }

  /** Records {@code key}; true the first time within the time to live, false after. */
  public boolean firstTime(String key) {
    return seen.asMap().putIfAbsent(key, Boolean.TRUE) == null;
  }

  /** Whether {@code key} was recorded within the time to live, without recording it. */
  boolean contains(String key) {
    return seen.getIfPresent(key) != null;
  }

  /** Forgets {@code key}, so that a failed answer can be tried again. */
  public void forget(String key) {
    seen.invalidate(key);
  }
}

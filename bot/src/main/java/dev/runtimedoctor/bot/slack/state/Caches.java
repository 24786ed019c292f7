package dev.runtimedoctor.bot.slack.state;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Bounded memory for the Slack side: Caffeine caches capped in count and age, timed by the bot's
 * clock so that tests can move time.
 */
public final class Caches {
  private Caches() {}

  /**
   * A cache of at most {@code capacity} values, each kept {@code ttl} after it was written (answers
   * to share later, users' locales, channel names).
   */
  public static <V> Cache<String, V> bounded(int capacity, Duration ttl, Clock clock) {
    return Caffeine.newBuilder()
        .maximumSize(capacity)
        .expireAfterWrite(ttl)
        .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
        // Evict on the caller's thread: no background work to wait for or to race with.
        .executor(Runnable::run)
        .build();
  }

  /** A cache of at most {@code capacity} values, the least recently used dropped first. */
  public static <V> Cache<String, V> bounded(int capacity) {
    return Caffeine.newBuilder().maximumSize(capacity).executor(Runnable::run).build();
  }
}

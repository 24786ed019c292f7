package dev.runtimedoctor.bot.slack.state;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keys seen recently, bounded in count and age: how Slack's retries, double deliveries and repeat
 * answers in a thread are recognised without growing without end.
 */
public final class RecentKeys {
  private final int capacity;
  private final long ttlMillis;
  private final Clock clock;
  private final LinkedHashMap<String, Long> seen = new LinkedHashMap<>();

  public RecentKeys(int capacity, Duration ttl, Clock clock) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    this.capacity = capacity;
    this.ttlMillis = ttl.toMillis();
    this.clock = clock;
  }

  /** Records {@code key}; true the first time within the time to live, false after. */
  public synchronized boolean firstTime(String key) {
    long now = clock.millis();
    expire(now);
    Long at = seen.get(key);
    if (at != null) {
      return false;
    }
    seen.put(key, now);
    if (seen.size() > capacity) {
      Iterator<Map.Entry<String, Long>> it = seen.entrySet().iterator();
      it.next();
      it.remove();
    }
    return true;
  }

  /** Whether {@code key} was recorded within the time to live, without recording it. */
  public synchronized boolean contains(String key) {
    expire(clock.millis());
    return seen.containsKey(key);
  }

  /** Forgets {@code key}, so that a failed answer can be tried again. */
  public synchronized void forget(String key) {
    seen.remove(key);
  }

  private void expire(long now) {
    // Insertion order is time order: stop at the first key still fresh.
    Iterator<Map.Entry<String, Long>> it = seen.entrySet().iterator();
    while (it.hasNext()) {
      if (now - it.next().getValue() < ttlMillis) {
        break;
      }
      it.remove();
    }
  }
}

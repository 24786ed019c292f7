package dev.runtimedoctor.bot.slack.state;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Values kept for a while and up to a count: answers to share later, users' locales. */
public final class TtlCache<V> {
  private record Timed<V>(V value, long at) {}

  private final long ttlMillis;
  private final Clock clock;
  private final Map<String, Timed<V>> map;

  public TtlCache(int capacity, Duration ttl, Clock clock) {
    this.ttlMillis = ttl.toMillis();
    this.clock = clock;
    this.map =
        new LinkedHashMap<>(16, 0.75f, false) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Timed<V>> eldest) {
            return size() > capacity;
          }
        };
  }

  public synchronized void put(String key, V value) {
    map.remove(key);
    map.put(key, new Timed<>(value, clock.millis()));
  }

  /** The value, unless it is missing or older than the time to live. */
  public synchronized Optional<V> get(String key) {
    Timed<V> t = map.get(key);
    if (t == null) {
      return Optional.empty();
    }
    if (clock.millis() - t.at() >= ttlMillis) {
      map.remove(key);
      return Optional.empty();
    }
    return Optional.of(t.value());
  }
}

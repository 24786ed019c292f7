package dev.runtimedoctor.bot.slack.state;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Caps the bot's posts per channel (a token bucket each): a channel flooded with the same error
 * gets a few answers, not one per paste.
 */
public final class ChannelRateLimit {
  private static final int MAX_CHANNELS = 10_000;

  private final int burst;
  private final double perMilli;
  private final Clock clock;
  private final Map<String, double[]> buckets =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, double[]> eldest) {
          return size() > MAX_CHANNELS;
        }
      };

  /**
   * @param burst posts allowed at once
   * @param perMinute posts a minute in the long run
   */
  public ChannelRateLimit(int burst, int perMinute, Clock clock) {
    this.burst = burst;
    this.perMilli = perMinute / 60_000.0;
    this.clock = clock;
  }

  /** Takes one post from {@code channel}'s allowance; false when it is spent. */
  public synchronized boolean tryAcquire(String channel) {
    long now = clock.millis();
    double[] b = buckets.computeIfAbsent(channel, c -> new double[] {burst, now});
    b[0] = Math.min(burst, b[0] + (now - b[1]) * perMilli);
    b[1] = now;
    if (b[0] < 1) {
      return false;
    }
    b[0] -= 1;
    return true;
  }
}

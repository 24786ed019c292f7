package dev.runtimedoctor.bot.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;

/**
 * The signatures of requests accepted within the time a signature stays valid: a request whose
 * signature was already seen is a replay. Bounded in count, so a flood cannot grow it without end.
 */
final class RecentSignatures {
  private static final int CAPACITY = 200_000;

  private final Cache<String, Boolean> seen;

  /**
   * @param validity how long a signature is accepted (Slack's five minutes either way)
   */
  RecentSignatures(Duration validity) {
    // Twice the validity: a timestamp may be up to five minutes ahead, then stays valid ten.
    this.seen =
        Caffeine.newBuilder()
            .expireAfterWrite(validity.multipliedBy(2))
            .maximumSize(CAPACITY)
            .build();
  }

  /** Records {@code signature}; true the first time. */
  boolean firstTime(String signature) {
    return seen.asMap().putIfAbsent(signature, Boolean.TRUE) == null;
  }

  /** Forgets {@code signature}: its request was not accepted, so a retry of it is no replay. */
  void forget(String signature) {
    seen.invalidate(signature);
  }
}

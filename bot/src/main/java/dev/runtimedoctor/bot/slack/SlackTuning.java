package dev.runtimedoctor.bot.slack;

import java.time.Duration;
import java.util.Objects;

/**
 * The bot's limits and timings that are not configuration a deployer sets: sizes of the worker pool
 * and its queue, retry policy, caps. Tests shorten the waits; production uses {@link #defaults()}.
 *
 * @param workers threads that diagnose and answer after the acknowledgement
 * @param diagnosing diagnoses run at once: fewer than the cores, so that acknowledging requests
 *     always finds a core free while workers are busy diagnosing
 * @param queue work waiting for a worker before new work is refused
 * @param retryAttempts tries of one Web API call, the first included
 * @param retryBase the first wait after a 5xx or a network error (doubled each time)
 * @param retryMax the longest wait, also the cap on a {@code Retry-After}
 * @param channelBurst answers a channel may get at once
 * @param channelPerMinute answers a channel may get a minute in the long run
 * @param httpTimeout the time a Web API call or download may take
 * @param bootRetry the wait between boot attempts while {@code auth.test} fails
 */
public record SlackTuning(
    int workers,
    int diagnosing,
    int queue,
    int retryAttempts,
    Duration retryBase,
    Duration retryMax,
    int channelBurst,
    int channelPerMinute,
    Duration httpTimeout,
    Duration bootRetry) {

  public SlackTuning {
    Objects.requireNonNull(retryBase, "retryBase");
    Objects.requireNonNull(retryMax, "retryMax");
    Objects.requireNonNull(httpTimeout, "httpTimeout");
    Objects.requireNonNull(bootRetry, "bootRetry");
    if (workers < 1
        || diagnosing < 1
        || queue < 1
        || retryAttempts < 1
        || channelBurst < 1
        || channelPerMinute < 1) {
      throw new IllegalArgumentException("sizes must be positive");
    }
  }

  /** What production runs with. */
  public static SlackTuning defaults() {
    int cores = Runtime.getRuntime().availableProcessors();
    return new SlackTuning(
        8,
        Math.max(1, cores - 1),
        2_000,
        4,
        Duration.ofMillis(500),
        Duration.ofSeconds(30),
        5,
        10,
        Duration.ofSeconds(10),
        Duration.ofSeconds(5));
  }

  /** The same with other retry waits. */
  public SlackTuning withRetry(int attempts, Duration base, Duration max) {
    return new SlackTuning(
        workers,
        diagnosing,
        queue,
        attempts,
        base,
        max,
        channelBurst,
        channelPerMinute,
        httpTimeout,
        bootRetry);
  }

  /** The same with another number of workers. */
  public SlackTuning withWorkers(int n) {
    return new SlackTuning(
        n,
        diagnosing,
        queue,
        retryAttempts,
        retryBase,
        retryMax,
        channelBurst,
        channelPerMinute,
        httpTimeout,
        bootRetry);
  }

  /** The same with another queue size. */
  public SlackTuning withQueue(int n) {
    return new SlackTuning(
        workers,
        diagnosing,
        n,
        retryAttempts,
        retryBase,
        retryMax,
        channelBurst,
        channelPerMinute,
        httpTimeout,
        bootRetry);
  }

  /** The same with another Web API timeout. */
  public SlackTuning withHttpTimeout(Duration timeout) {
    return new SlackTuning(
        workers,
        diagnosing,
        queue,
        retryAttempts,
        retryBase,
        retryMax,
        channelBurst,
        channelPerMinute,
        timeout,
        bootRetry);
  }

  /** The same with another boot retry wait. */
  public SlackTuning withBootRetry(Duration wait) {
    return new SlackTuning(
        workers,
        diagnosing,
        queue,
        retryAttempts,
        retryBase,
        retryMax,
        channelBurst,
        channelPerMinute,
        httpTimeout,
        wait);
  }
}

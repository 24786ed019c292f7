package dev.runtimedoctor.bot.cluster;

import java.time.Duration;
import java.util.Objects;

/**
 * Time bounds and concurrency of the cluster checks.
 *
 * @param connectTimeout to open a connection to the API server
 * @param requestTimeout for one API request to answer
 * @param checkTimeout for a whole run: every check has a verdict this long after the run starts
 * @param parallelism how many checks run at once
 */
public record ClusterSettings(
    Duration connectTimeout, Duration requestTimeout, Duration checkTimeout, int parallelism) {

  /**
   * A few seconds per request (so per page of a list): an unreachable cluster answers "unavailable"
   * quickly. 30 s for a run: every check of a 5,000-node, 150,000-pod cluster has its verdict
   * within it (the {@code bench-cluster} command measures that).
   */
  public static final ClusterSettings DEFAULT =
      new ClusterSettings(Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofSeconds(30), 4);

  public ClusterSettings {
    requirePositive(connectTimeout, "connectTimeout");
    requirePositive(requestTimeout, "requestTimeout");
    requirePositive(checkTimeout, "checkTimeout");
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
    }
  }

  /** "5 s", or "800 ms" below a second: for messages. */
  static String describe(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  private static void requirePositive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + d);
    }
  }
}

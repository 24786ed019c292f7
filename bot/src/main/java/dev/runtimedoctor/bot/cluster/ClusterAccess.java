package dev.runtimedoctor.bot.cluster;

import dev.runtimedoctor.bot.text.Message;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's one connection to the cluster checks: made at start-up when the environment names a
 * cluster (a kubeconfig, or the pod's service account), otherwise looked for again at each request
 * — so a bot without cluster access starts, answers, and says why checks are unavailable.
 */
public final class ClusterAccess implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ClusterAccess.class);

  private final ClusterLocation location;
  private final ClusterSettings settings;
  private ClusterChecks checks;

  private ClusterAccess(ClusterLocation location, ClusterSettings settings) {
    this.location = Objects.requireNonNull(location, "location");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** Connects to the cluster {@code location} names (a kubeconfig, {@code HOME}, in-cluster). */
  public static ClusterAccess open(ClusterLocation location, ClusterSettings settings) {
    ClusterAccess access = new ClusterAccess(location, settings);
    access.get();
    return access;
  }

  /** The checks, or why there are none. */
  public sealed interface Connection {}

  /** Connected (which does not mean reachable: each check says when it cannot read). */
  public record Ready(ClusterChecks checks) implements Connection {}

  /** No cluster configured; {@code said} says what to set up, in the reader's language. */
  public record Unavailable(Message said) implements Connection {
    public Unavailable {
      Objects.requireNonNull(said, "said");
    }
  }

  /** The connection, made now if it was not yet and a cluster is configured. */
  public synchronized Connection get() {
    if (checks != null) {
      return new Ready(checks);
    }
    ClusterTarget target = ClusterTarget.resolve(location, Optional.empty());
    if (target instanceof ClusterTarget.Missing missing) {
      return new Unavailable(missing.said());
    }
    checks = ClusterChecks.connect(location, Optional.empty(), settings);
    log.info("cluster checks ready context={}", checks.context());
    return new Ready(checks);
  }

  @Override
  public synchronized void close() {
    if (checks != null) {
      checks.close();
    }
  }
}

package dev.runtimedoctor.bot.cluster;

import java.util.Optional;

/**
 * A cluster read that failed in a way a person can act on. The message says what failed and what to
 * do ("cannot list nodes at cluster scope: grant list on nodes"); the detail, when there is one, is
 * what the API server or the network said.
 */
public final class ClusterAccessException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String detail;

  public ClusterAccessException(String message) {
    this(message, null, null);
  }

  public ClusterAccessException(String message, String detail, Throwable cause) {
    super(message, cause);
    this.detail = detail;
  }

  /** What the API server or the network said, if anything beyond the message. */
  public Optional<String> detail() {
    return Optional.ofNullable(detail).filter(d -> !d.isBlank());
  }
}

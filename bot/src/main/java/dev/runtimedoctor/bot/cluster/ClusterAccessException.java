package dev.runtimedoctor.bot.cluster;

import dev.runtimedoctor.bot.text.Message;
import dev.runtimedoctor.bot.text.Msg;
import dev.runtimedoctor.knowledge.entry.Language;
import java.util.Objects;
import java.util.Optional;

/**
 * A cluster read that failed in a way a person can act on. The message says what failed and what to
 * do ("cannot list nodes at cluster scope: grant list on nodes"), as a catalog message to say in
 * the reader's language ({@link #getMessage()} is its English); the detail, when there is one, is
 * what the API server or the network said. A refusal (403, 404) names the resource; a failure of
 * the server as a whole (unreachable, silent, not a Kubernetes API server) says so, so that the
 * reads after it need not wait for the same answer.
 */
public final class ClusterAccessException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Message said;
  private final String detail;
  private final transient Refusal refusal;
  private final boolean serverUnanswered;

  /** A failure said as is, in English in every language (a reason from the code's own words). */
  public ClusterAccessException(String message) {
    this(Message.of(Msg.AS_IS, message));
  }

  /** A failure said by the catalog in the reader's language. */
  public ClusterAccessException(Message message) {
    this(message, null, null, null, false);
  }

  ClusterAccessException(
      Message message, String detail, Throwable cause, Refusal refusal, boolean serverUnanswered) {
    super(Objects.requireNonNull(message, "message").in(Language.EN), cause);
    this.said = message;
    this.detail = detail;
    this.refusal = refusal;
    this.serverUnanswered = serverUnanswered;
  }

  /** What failed and what to do, to say in the reader's language. */
  public Message said() {
    return said;
  }

  /** What the API server or the network said, if anything beyond the message. */
  public Optional<String> detail() {
    return Optional.ofNullable(detail).filter(d -> !d.isBlank());
  }

  /** The 403 or 404 behind this failure, with the resource it was about; empty for any other. */
  public Optional<Refusal> refusal() {
    return Optional.ofNullable(refusal);
  }

  /**
   * True when the API server as a whole gave no usable answer (not resolvable, refused, silent, TLS
   * failed, not a Kubernetes API server): every other read would fail the same way.
   */
  boolean serverUnanswered() {
    return serverUnanswered;
  }
}

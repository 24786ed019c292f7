package dev.runtimedoctor.bot.cluster;

import dev.runtimedoctor.bot.text.Message;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * Remembers that the API server gave no usable answer (unreachable, silent, not Kubernetes), so
 * that the reads started soon after fail at once with the same reason instead of each waiting out
 * its own timeout: a run of twenty checks against a silent server then takes one request timeout,
 * as its message says, not one per wave of checks. It only holds while nothing has answered since
 * the failed request began — a slow server whose other pages arrive is not silent — and for one
 * request timeout after the failure, so a later run asks the server again.
 */
final class ServerSilence {
  private final long holdNanos;
  private final LongSupplier nanoClock;
  private final AtomicLong lastAnswer;
  private final AtomicReference<Failure> failure = new AtomicReference<>();

  /** The reason a request got no usable answer, the detail said with it, and when it was known. */
  record Failure(Message reason, String detail, long at) {
    Failure {
      Objects.requireNonNull(reason, "reason");
    }
  }

  ServerSilence(Duration hold, LongSupplier nanoClock) {
    this.holdNanos = hold.toNanos();
    this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    // Nothing has answered yet: "before any request began".
    this.lastAnswer = new AtomicLong(nanoClock.getAsLong() - 1);
  }

  /** The time to pass to {@link #failed} for a request beginning now. */
  long now() {
    return nanoClock.getAsLong();
  }

  /** The server answered (any status, any page): it is not silent. */
  void answered() {
    lastAnswer.set(nanoClock.getAsLong());
    failure.set(null);
  }

  /** A request that began at {@code began} got no usable answer, for {@code reason}. */
  void failed(Message reason, String detail, long began) {
    if (lastAnswer.get() - began < 0) {
      failure.set(new Failure(reason, detail, nanoClock.getAsLong()));
    }
  }

  /** The failure a request beginning now would most likely meet again; empty to ask the server. */
  Optional<Failure> current() {
    Failure f = failure.get();
    if (f == null || nanoClock.getAsLong() - f.at() >= holdNanos) {
      return Optional.empty();
    }
    return Optional.of(f);
  }
}

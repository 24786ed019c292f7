package dev.runtimedoctor.bot.slack.render;

import java.util.Objects;
import java.util.Optional;

/**
 * How an answer is shown besides its content: the buttons under it and what its blocks record.
 *
 * @param ref present: the answer gets "Helpful", "Not it" and the other language, whose value this
 *     is; absent: no buttons at all
 * @param share "Share in channel" (an ephemeral answer)
 * @param checks "Run cluster checks"
 * @param sharedBy the answer was shared in the channel by this user
 * @param source the message this answer replies to in a thread, recorded in its blocks
 */
public record AnswerOptions(
    Optional<AnswerRef> ref,
    boolean share,
    boolean checks,
    Optional<String> sharedBy,
    Optional<String> source) {

  /** No buttons. */
  static final AnswerOptions NONE =
      new AnswerOptions(Optional.empty(), false, false, Optional.empty(), Optional.empty());

  public AnswerOptions {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(sharedBy, "sharedBy");
    Objects.requireNonNull(source, "source");
  }

  /** An answer only the asker sees, with a button to share it. */
  public static AnswerOptions ephemeral(AnswerRef ref, boolean checks) {
    return new AnswerOptions(Optional.of(ref), true, checks, Optional.empty(), Optional.empty());
  }

  /** An answer in a thread, replying to the message {@code source}. */
  public static AnswerOptions inThread(AnswerRef ref, boolean checks, String source) {
    return new AnswerOptions(
        Optional.of(ref), false, checks, Optional.empty(), Optional.of(source));
  }

  /** An answer shared in the channel by {@code user}. */
  public static AnswerOptions shared(AnswerRef ref, boolean checks, String user) {
    return new AnswerOptions(Optional.of(ref), false, checks, Optional.of(user), Optional.empty());
  }
}

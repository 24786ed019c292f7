package dev.runtimedoctor.bot.cluster;

import dev.runtimedoctor.bot.text.Message;
import dev.runtimedoctor.knowledge.entry.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A check's verdict, summary and evidence, before the runner names the entry and the check. The
 * summary is a catalog message (a code and its arguments: node names, versions, counts), put into
 * words in the reader's language when it is shown.
 */
record Finding(Verdict verdict, Message message, List<String> evidence, Optional<Refusal> refusal) {

  /** Evidence lines kept per result: enough to act on, short enough for a chat message. */
  static final int MAX_EVIDENCE = 10;

  Finding {
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(message, "message");
    evidence = capped(evidence);
    Objects.requireNonNull(refusal, "refusal");
  }

  Finding(Verdict verdict, Message message, List<String> evidence) {
    this(verdict, message, evidence, Optional.empty());
  }

  static Finding confirmed(Message summary, List<String> evidence) {
    return new Finding(Verdict.CONFIRMED, summary, evidence);
  }

  static Finding notAffected(Message summary, List<String> evidence) {
    return new Finding(Verdict.NOT_AFFECTED, summary, evidence);
  }

  static Finding inconclusive(Message summary, List<String> evidence) {
    return new Finding(Verdict.INCONCLUSIVE, summary, evidence);
  }

  static Finding unavailable(Message summary, List<String> evidence) {
    return new Finding(Verdict.UNAVAILABLE, summary, evidence);
  }

  /** Unavailable because of {@code failure}: its words, and the refusal behind it if any. */
  static Finding unavailable(ClusterAccessException failure, List<String> evidence) {
    return new Finding(Verdict.UNAVAILABLE, failure.said(), evidence, failure.refusal());
  }

  /** The summary in English, as the logs and the tests of a single check read it. */
  String summary() {
    return message.in(Language.EN);
  }

  private static List<String> capped(List<String> lines) {
    if (lines.size() <= MAX_EVIDENCE) {
      return List.copyOf(lines);
    }
    List<String> out = new ArrayList<>(lines.subList(0, MAX_EVIDENCE - 1));
    out.add("… and " + (lines.size() - MAX_EVIDENCE + 1) + " more");
    return List.copyOf(out);
  }
}

package dev.runtimedoctor.bot.cluster;

import dev.runtimedoctor.bot.text.Message;
import dev.runtimedoctor.knowledge.entry.Language;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one check of one entry: a verdict, a one-line summary a person can act on, and the
 * evidence behind it (node, pool, versions, event message).
 *
 * @param entry the entry id
 * @param check the check type, as written in the entry's front matter ({@code node-version})
 * @param message the summary as a catalog message, to say in the reader's language
 * @param refusal the 403 or 404 that made it {@code unavailable}, if that is why
 */
public record CheckResult(
    String entry,
    String check,
    Verdict verdict,
    Message message,
    List<String> evidence,
    Optional<Refusal> refusal) {

  public CheckResult {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(message, "message");
    evidence = List.copyOf(evidence);
    Objects.requireNonNull(refusal, "refusal");
  }

  /** A result that no refusal explains. */
  public CheckResult(
      String entry, String check, Verdict verdict, Message message, List<String> evidence) {
    this(entry, check, verdict, message, evidence, Optional.empty());
  }

  /** The summary in {@code language}. */
  public String summary(Language language) {
    return message.in(language);
  }

  /** The summary in English: what {@code --json}, the logs and the benchmarks carry. */
  public String summary() {
    return summary(Language.EN);
  }
}

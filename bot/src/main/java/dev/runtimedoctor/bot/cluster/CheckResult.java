package dev.runtimedoctor.bot.cluster;

import dev.runtimedoctor.bot.text.Message;
import dev.runtimedoctor.knowledge.entry.Language;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of one check of one entry: a verdict, a one-line summary a person can act on, and the
 * evidence behind it (node, pool, versions, event message).
 *
 * @param entry the entry id
 * @param check the check type, as written in the entry's front matter ({@code node-version})
 * @param message the summary as a catalog message, to say in the reader's language
 */
public record CheckResult(
    String entry, String check, Verdict verdict, Message message, List<String> evidence) {

  public CheckResult {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(message, "message");
    evidence = List.copyOf(evidence);
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

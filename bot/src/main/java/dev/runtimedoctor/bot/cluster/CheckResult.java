package dev.runtimedoctor.bot.cluster;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of one check of one entry: a verdict, a one-line summary a person can act on, and the
 * evidence behind it (node, pool, versions, event message).
 *
 * @param entry the entry id
 * @param check the check type, as written in the entry's front matter ({@code node-version})
 */
public record CheckResult(
    String entry, String check, Verdict verdict, String summary, List<String> evidence) {

  public CheckResult {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(summary, "summary");
    evidence = List.copyOf(evidence);
  }
}

package dev.runtimedoctor.knowledge.match;

import dev.runtimedoctor.knowledge.entry.Entry;
import java.util.List;
import java.util.Objects;

/**
 * One known issue found in a paste.
 *
 * @param confidence in [0, 1], comparable across entries, two decimals rounded down (what every
 *     surface shows decides): at or above {@link Matcher#REPLY_THRESHOLD} the bot answers unasked
 * @param evidence the lines of the paste that matched, each redacted and cut to at most 300
 *     characters around the matched words, "…" marking a cut end (empty for questions)
 */
public record Match(Entry entry, double confidence, Basis basis, List<Evidence> evidence) {
  public Match {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(basis, "basis");
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence out of [0, 1]: " + confidence);
    }
    evidence = List.copyOf(evidence);
  }
}

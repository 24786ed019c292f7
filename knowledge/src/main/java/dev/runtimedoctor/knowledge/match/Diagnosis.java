package dev.runtimedoctor.knowledge.match;

import dev.runtimedoctor.knowledge.analysis.NormalizedPaste;
import dev.runtimedoctor.knowledge.entry.Language;
import java.util.List;
import java.util.Optional;

/**
 * What the engine concluded about a paste.
 *
 * @param matches best first; may hold low-confidence leads when {@code reply} is false
 * @param reply whether a match is confident enough to answer without being asked
 * @param language the language the paste is written in, when it can tell
 * @param truncated whether the paste was longer than the engine reads
 * @param micros the time the diagnosis took
 * @param paste the paste as the engine read it (normalized and masked), so that callers needing it
 *     (a fingerprint) do not normalize it a second time
 */
public record Diagnosis(
    List<Match> matches,
    boolean reply,
    Optional<Language> language,
    boolean truncated,
    long micros,
    NormalizedPaste paste) {
  public Diagnosis {
    matches = List.copyOf(matches);
  }

  /** A diagnosis not built from a paste (tests, rebuilt answers): its paste is empty. */
  public Diagnosis(
      List<Match> matches,
      boolean reply,
      Optional<Language> language,
      boolean truncated,
      long micros) {
    this(matches, reply, language, truncated, micros, new NormalizedPaste(List.of(), truncated));
  }

  /** The matches confident enough to answer with. */
  public List<Match> confident() {
    return matches.stream().filter(m -> m.confidence() >= Matcher.REPLY_THRESHOLD).toList();
  }

  /** The best match, if any. */
  public Optional<Match> top() {
    return matches.stream().findFirst();
  }
}

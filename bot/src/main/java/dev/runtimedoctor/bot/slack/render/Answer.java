package dev.runtimedoctor.bot.slack.render;

import dev.runtimedoctor.knowledge.analysis.Truncation;
import dev.runtimedoctor.knowledge.entry.Language;
import dev.runtimedoctor.knowledge.match.Diagnosis;
import dev.runtimedoctor.knowledge.match.Match;
import java.util.List;
import java.util.Objects;

/**
 * What one answer says: the known issues it names (best first), in which language, and how the
 * paste was cut — kept so that "Share in channel" can post the same answer later.
 */
public record Answer(List<Match> matches, Language language, Truncation truncation) {
  /** Known issues named in one answer at most; more would bury the first. */
  static final int MAX_MATCHES = 3;

  public Answer {
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(truncation, "truncation");
    matches = List.copyOf(matches.subList(0, Math.min(MAX_MATCHES, matches.size())));
  }

  /** An answer of a paste cut or not, the way not recorded (an answer rebuilt from its ref). */
  public Answer(List<Match> matches, Language language, boolean truncated) {
    this(matches, language, truncated ? Truncation.SOME : Truncation.NONE);
  }

  /** The confident matches of a diagnosis. */
  public static Answer of(Diagnosis d, Language language) {
    return new Answer(d.confident(), language, d.paste().truncation());
  }

  /** The same answer in {@code other} language. */
  public Answer in(Language other) {
    return new Answer(matches, other, truncation);
  }

  /** Whether part of the paste was not read. */
  public boolean truncated() {
    return truncation.any();
  }

  /** Whether an entry named has cluster checks to run. */
  public boolean checkable() {
    return matches.stream().anyMatch(m -> !m.entry().checks().isEmpty());
  }

  /** The ids of the entries named, best first. */
  public List<String> entryIds() {
    return matches.stream().map(m -> m.entry().id()).toList();
  }
}

package dev.runtimedoctor.bot.slack;

import dev.runtimedoctor.bot.diagnosis.DiagnosisService;
import dev.runtimedoctor.knowledge.entry.Entry;
import dev.runtimedoctor.knowledge.entry.Language;
import dev.runtimedoctor.knowledge.match.Basis;
import dev.runtimedoctor.knowledge.match.Diagnosis;
import dev.runtimedoctor.knowledge.match.Match;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;

/**
 * Diagnoses a paste and turns the result into the message a person asked for: the answer with a
 * "Share in channel" button (remembered so the share can repeat it), or an honest "no known issue".
 * Counts every diagnosis in the metrics.
 */
public final class Diagnoser {
  private final DiagnosisService service;
  private final AnswerRenderer renderer;
  private final AnswerLanguage languages;
  private final TtlCache<Answer> answers;
  private final SlackMetrics metrics;
  private final Semaphore diagnosing;

  /**
   * @param diagnosing diagnoses allowed at once; they are CPU-bound, and acknowledgements must not
   *     wait for a core behind them
   */
  public Diagnoser(
      DiagnosisService service,
      AnswerRenderer renderer,
      AnswerLanguage languages,
      TtlCache<Answer> answers,
      SlackMetrics metrics,
      int diagnosing) {
    this.service = service;
    this.renderer = renderer;
    this.languages = languages;
    this.answers = answers;
    this.metrics = metrics;
    this.diagnosing = new Semaphore(diagnosing);
  }

  /** Diagnoses {@code text} and records the best confidence. */
  public Diagnosis diagnose(String text) {
    Diagnosis d;
    diagnosing.acquireUninterruptibly();
    try {
      d = service.diagnose(text);
    } finally {
      diagnosing.release();
    }
    metrics.confidence(d.top().map(Match::confidence).orElse(0.0));
    return d;
  }

  /** The answer language for {@code userId} and a paste in {@code paste}, when known. */
  public Language language(String userId, Optional<Language> paste) {
    return languages.choose(userId, paste);
  }

  /** The ephemeral reply to someone who asked: an answer to share, or no known issue. */
  public SlackMessage ephemeral(Diagnosis d, Language l, String surface) {
    if (d.confident().isEmpty()) {
      metrics.answer("none", surface);
      return renderer.noMatch(d, l);
    }
    Answer a = Answer.of(d, l);
    String id = UUID.randomUUID().toString();
    answers.put(id, a);
    a.entryIds().forEach(e -> metrics.answer(e, surface));
    return renderer.answer(a, Optional.of(shareValue(id, a)), Optional.empty());
  }

  /** An answer posted in a thread for everyone: no share button. */
  public SlackMessage inThread(Answer a, String surface) {
    a.entryIds().forEach(e -> metrics.answer(e, surface));
    return renderer.answer(a, Optional.empty(), Optional.empty());
  }

  /** "No known issue", for someone who asked in a thread (a mention, a DM). */
  public SlackMessage noMatch(Diagnosis d, Language l, String surface) {
    metrics.answer("none", surface);
    return renderer.noMatch(d, l);
  }

  /**
   * The answer a share button stands for: the remembered one (with its evidence) or, after a
   * restart or on another replica, one rebuilt from the entries named in the button's value.
   */
  public Optional<SlackMessage> shared(String value, String userId) {
    String[] parts = value.split("\\|", 3);
    if (parts.length < 3) {
      return Optional.empty();
    }
    Optional<Answer> a = answers.get(parts[0]).or(() -> rebuild(parts[1], parts[2]));
    a.ifPresent(x -> x.entryIds().forEach(e -> metrics.answer(e, "share")));
    return a.map(x -> renderer.answer(x, Optional.empty(), Optional.of(userId)));
  }

  /** The language of a shared answer, for messages about the share itself. */
  public static Language shareLanguage(String value) {
    String[] parts = value.split("\\|", 3);
    return parts.length < 2 ? Language.EN : Language.fromCode(parts[1]).orElse(Language.EN);
  }

  /** {@code id|lang|entry:confidence:BASIS,…}: enough to rebuild the answer without the cache. */
  private static String shareValue(String id, Answer a) {
    StringBuilder sb = new StringBuilder(id).append('|').append(a.language().code()).append('|');
    for (Match m : a.matches()) {
      sb.append(m.entry().id())
          .append(':')
          .append(String.format(Locale.ROOT, "%.2f", m.confidence()))
          .append(':')
          .append(m.basis().name())
          .append(',');
    }
    return sb.substring(0, sb.length() - 1);
  }

  private Optional<Answer> rebuild(String lang, String entries) {
    Optional<Language> l = Language.fromCode(lang);
    if (l.isEmpty()) {
      return Optional.empty();
    }
    List<Match> matches = new ArrayList<>();
    for (String item : entries.split(",")) {
      String[] f = item.split(":");
      if (f.length != 3) {
        continue;
      }
      Optional<Entry> e = service.knowledge().get(f[0]);
      try {
        double c = Math.max(0, Math.min(1, Double.parseDouble(f[1])));
        Basis basis = Basis.valueOf(f[2]);
        e.ifPresent(entry -> matches.add(new Match(entry, c, basis, List.of())));
      } catch (IllegalArgumentException ex) {
        // a value not made by this bot: skip the item
      }
    }
    return matches.isEmpty() ? Optional.empty() : Optional.of(new Answer(matches, l.get(), false));
  }
}

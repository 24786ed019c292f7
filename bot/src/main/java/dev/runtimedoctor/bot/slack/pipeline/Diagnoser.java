package dev.runtimedoctor.bot.slack.pipeline;

import com.github.benmanes.caffeine.cache.Cache;
import com.google.gson.JsonPrimitive;
import dev.runtimedoctor.bot.diagnosis.DiagnosisService;
import dev.runtimedoctor.bot.feedback.PasteFingerprint;
import dev.runtimedoctor.bot.slack.SlackMetrics;
import dev.runtimedoctor.bot.slack.api.SlackMessage;
import dev.runtimedoctor.bot.slack.render.Answer;
import dev.runtimedoctor.bot.slack.render.AnswerOptions;
import dev.runtimedoctor.bot.slack.render.AnswerRef;
import dev.runtimedoctor.bot.slack.render.AnswerRenderer;
import dev.runtimedoctor.bot.slack.render.MessageTags;
import dev.runtimedoctor.knowledge.entry.Entry;
import dev.runtimedoctor.knowledge.entry.Language;
import dev.runtimedoctor.knowledge.match.Diagnosis;
import dev.runtimedoctor.knowledge.match.Match;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;

/**
 * Diagnoses a paste and turns the result into the message a person asked for: the answer with its
 * buttons (remembered, so that a button can show it again), or an honest "no known issue", which is
 * recorded as a candidate for a new entry. Counts every diagnosis in the metrics.
 */
public final class Diagnoser {
  private final DiagnosisService service;
  private final AnswerRenderer renderer;
  private final AnswerLanguage languages;
  private final Cache<String, Answer> answers;
  private final SlackMetrics metrics;
  private final FeedbackRecorder feedback;
  private final CheckPermissions permissions;
  private final Semaphore diagnosing;

  /**
   * @param diagnosing diagnoses allowed at once; they are CPU-bound, and acknowledgements must not
   *     wait for a core behind them
   */
  public Diagnoser(
      DiagnosisService service,
      AnswerRenderer renderer,
      AnswerLanguage languages,
      Cache<String, Answer> answers,
      SlackMetrics metrics,
      FeedbackRecorder feedback,
      CheckPermissions permissions,
      int diagnosing) {
    this.service = service;
    this.renderer = renderer;
    this.languages = languages;
    this.answers = answers;
    this.metrics = metrics;
    this.feedback = feedback;
    this.permissions = permissions;
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

  /**
   * The ephemeral reply to {@code user}, who asked in {@code channel}: an answer to share, or no
   * known issue.
   */
  public SlackMessage ephemeral(
      String text, Diagnosis d, Language l, String surface, String user, String channel) {
    if (d.confident().isEmpty()) {
      return noMatch(text, d, l, surface);
    }
    Answer a = Answer.of(d, l);
    AnswerRef ref = remember(a, d);
    return renderer.answer(
        a, AnswerOptions.ephemeral(ref, offerChecks(a, Optional.of(user), channel)));
  }

  /**
   * An answer posted in a thread of {@code channel} for everyone, replying to {@code source};
   * {@code d} is the diagnosis {@code a} was chosen from.
   */
  SlackMessage inThread(Diagnosis d, Answer a, String channel, String source) {
    AnswerRef ref = remember(a, d);
    return renderer.answer(
        a, AnswerOptions.inThread(ref, offerChecks(a, Optional.empty(), channel), source));
  }

  /** "No known issue", for someone who asked; the paste's fingerprint is recorded. */
  SlackMessage noMatch(String text, Diagnosis d, Language l, String surface) {
    feedback.unmatched(text, d, surface);
    return renderer.noMatch(d, text, l);
  }

  /**
   * The answer a button stands for, in the button's language: the remembered one (with its
   * evidence) or, after a restart or on another replica, one rebuilt from the entries the button
   * names.
   */
  public Optional<Answer> answer(AnswerRef ref) {
    return Optional.ofNullable(answers.getIfPresent(ref.id()))
        .map(a -> a.in(ref.language()))
        .or(() -> rebuild(ref));
  }

  /** The answer {@code ref} stands for, shared in {@code channel} by {@code user}. */
  public Optional<SlackMessage> shared(AnswerRef ref, String user, String channel) {
    Optional<Answer> a = answer(ref);
    return a.map(
        x ->
            renderer.answer(
                x, AnswerOptions.shared(ref, offerChecks(x, Optional.empty(), channel), user)));
  }

  /**
   * Counts {@code answer} — built by this class — once Slack accepted it: per entry it names, or
   * {@code none} for a "no known issue". A post Slack refused is not an answer.
   */
  public void accepted(SlackMessage answer, String surface) {
    List<String> entries = new ArrayList<>();
    answer
        .blocks()
        .forEach(
            b -> {
              if (b.isJsonObject()
                  && b.getAsJsonObject().get("block_id") instanceof JsonPrimitive id) {
                MessageTags.answered(id.getAsString()).ifPresent(x -> entries.add(x.entry()));
              }
            });
    if (entries.isEmpty()) {
      entries.add("none");
    }
    entries.forEach(e -> metrics.answer(e, surface));
  }

  /** Whether the answer shows "Run cluster checks" to {@code viewer} (or everyone) in a channel. */
  public boolean offerChecks(Answer a, Optional<String> viewer, String channel) {
    return a.checkable() && permissions.offer(viewer, channel);
  }

  /** Renders {@code a} with {@code options}. */
  public SlackMessage render(Answer a, AnswerOptions options) {
    return renderer.answer(a, options);
  }

  private AnswerRef remember(Answer a, Diagnosis d) {
    String id = UUID.randomUUID().toString();
    answers.put(id, a);
    return AnswerRef.of(id, a, PasteFingerprint.of(d.paste()));
  }

  private Optional<Answer> rebuild(AnswerRef ref) {
    List<Match> matches = new ArrayList<>();
    for (AnswerRef.Item item : ref.items()) {
      Optional<Entry> e = service.knowledge().get(item.entry());
      e.ifPresent(
          entry -> matches.add(new Match(entry, item.confidence(), item.basis(), List.of())));
    }
    return matches.isEmpty()
        ? Optional.empty()
        : Optional.of(new Answer(matches, ref.language(), false));
  }
}

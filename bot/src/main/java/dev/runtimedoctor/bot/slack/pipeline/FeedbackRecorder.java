package dev.runtimedoctor.bot.slack.pipeline;

import dev.runtimedoctor.bot.feedback.FeedbackLog;
import dev.runtimedoctor.bot.feedback.FeedbackRecord;
import dev.runtimedoctor.bot.feedback.FeedbackRecord.Verdict;
import dev.runtimedoctor.bot.feedback.PasteFingerprint;
import dev.runtimedoctor.bot.slack.SlackMetrics;
import dev.runtimedoctor.knowledge.match.Diagnosis;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records what people said about answers, and the pastes nothing matched, in {@code /metrics} and
 * in the feedback log. A log that cannot be written is counted and logged; the answer carries on.
 */
public final class FeedbackRecorder {
  private static final Logger log = LoggerFactory.getLogger(FeedbackRecorder.class);

  private final FeedbackLog feedbackLog;
  private final SlackMetrics metrics;
  private final Clock clock;

  public FeedbackRecorder(FeedbackLog feedbackLog, SlackMetrics metrics, Clock clock) {
    this.feedbackLog = feedbackLog;
    this.metrics = metrics;
    this.clock = clock;
  }

  /**
   * A verdict on an answer that named {@code entries} for the paste {@code fingerprint}.
   *
   * @param actual for {@link Verdict#ACTUAL}: the entry it really was, or empty for none
   */
  public void vote(
      Verdict verdict,
      List<String> entries,
      String fingerprint,
      Optional<String> actual,
      String surface) {
    if (verdict == Verdict.ACTUAL) {
      metrics.feedback(actual.orElse("none"), verdict.code());
    } else {
      entries.forEach(e -> metrics.feedback(e, verdict.code()));
    }
    write(new FeedbackRecord.Vote(clock.instant(), verdict, entries, actual, surface, fingerprint));
  }

  /** A paste someone asked about that matched nothing: its fingerprint, never its text. */
  void unmatched(String text, Diagnosis d, String surface) {
    String fingerprint = PasteFingerprint.of(d.paste());
    if (fingerprint.isEmpty()) {
      return;
    }
    metrics.unmatched(surface);
    int lines = (int) text.lines().filter(l -> !l.isBlank()).count();
    Optional<String> closest = d.top().map(m -> m.entry().id());
    write(new FeedbackRecord.Unmatched(clock.instant(), fingerprint, surface, lines, closest));
  }

  private void write(FeedbackRecord r) {
    try {
      feedbackLog.append(r);
    } catch (IOException e) {
      metrics.feedbackLogError();
      log.warn("feedback not logged path={} error={}", feedbackLog.path(), e.toString());
    }
  }
}

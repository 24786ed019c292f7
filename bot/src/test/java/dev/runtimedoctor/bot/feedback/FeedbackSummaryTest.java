package dev.runtimedoctor.bot.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimedoctor.bot.feedback.FeedbackRecord.Unmatched;
import dev.runtimedoctor.bot.feedback.FeedbackRecord.Verdict;
import dev.runtimedoctor.bot.feedback.FeedbackRecord.Vote;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedbackSummaryTest {
  private static final Instant T0 = Instant.parse("2025-03-04T10:00:00Z");

  @Test
  @DisplayName("records survive the log as JSON Lines; junk lines are counted, not fatal")
  void roundTrip(@TempDir Path dir) throws Exception {
    FeedbackLog log =
        new FeedbackLog(
            dir.resolve("feedback.jsonl"), new java.io.PrintWriter(java.io.Writer.nullWriter()));
    Vote helpful =
        new Vote(
            T0, Verdict.HELPFUL, List.of("pod-ip-exhaustion"), Optional.empty(), "thread", "ab");
    Vote none =
        new Vote(
            T0, Verdict.ACTUAL, List.of("pod-ip-exhaustion"), Optional.empty(), "command", "cd");
    Unmatched unmatched =
        new Unmatched(T0, "ef", "mention", 12, Optional.of("gpu-metrics-missing"));
    log.append(helpful);
    log.append(none);
    Files.writeString(
        log.path(), "not json\n{\"kind\":\"helpful\"}\n", java.nio.file.StandardOpenOption.APPEND);
    log.append(unmatched);
    FeedbackLog.Contents c = FeedbackLog.read(log.path());
    assertThat(c.records()).containsExactly(helpful, none, unmatched);
    assertThat(c.malformed()).isEqualTo(2);
    assertThat(Files.readString(log.path())).contains("\"actual\":null");
  }

  @Test
  @DisplayName("per entry helpful / not it / really it, confusions, and candidates by frequency")
  void summary() {
    List<FeedbackRecord> records =
        List.of(
            vote(Verdict.HELPFUL, "pod-ip-exhaustion"),
            vote(Verdict.HELPFUL, "pod-ip-exhaustion"),
            vote(Verdict.NOT_IT, "private-registry-x509"),
            new Vote(
                T0,
                Verdict.ACTUAL,
                List.of("private-registry-x509"),
                Optional.of("private-registry-certificate-missing"),
                "thread",
                "11"),
            new Vote(
                T0.plusSeconds(60),
                Verdict.ACTUAL,
                List.of("octet-stream-media-type"),
                Optional.empty(),
                "thread",
                "aa"),
            new Unmatched(T0, "aa", "command", 3, Optional.of("kaniko-not-a-directory")),
            new Unmatched(T0.plusSeconds(5), "aa", "mention", 3, Optional.empty()),
            new Unmatched(T0, "bb", "command", 1, Optional.empty()));
    FeedbackSummary s = FeedbackSummary.of(records, 10);
    assertThat(s.records()).isEqualTo(8);
    assertThat(s.entries())
        .containsExactly(
            new FeedbackSummary.EntryFeedback("pod-ip-exhaustion", 2, 0, 0),
            new FeedbackSummary.EntryFeedback("private-registry-certificate-missing", 0, 0, 1),
            new FeedbackSummary.EntryFeedback("private-registry-x509", 0, 1, 0));
    assertThat(s.confusions())
        .containsExactly(
            new FeedbackSummary.Confusion(
                "private-registry-x509", "private-registry-certificate-missing", 1));
    assertThat(s.candidates())
        .extracting(FeedbackSummary.Candidate::fingerprint)
        .containsExactly("aa", "bb");
    FeedbackSummary.Candidate top = s.candidates().get(0);
    assertThat(top.count()).isEqualTo(3);
    assertThat(top.first()).isEqualTo(T0);
    assertThat(top.last()).isEqualTo(T0.plusSeconds(60));
    assertThat(top.closest()).isPresent();
    assertThat(s.total(Verdict.HELPFUL)).isEqualTo(2);
    assertThat(FeedbackSummary.of(records, 1).candidates()).hasSize(1);
  }

  private static Vote vote(Verdict v, String entry) {
    return new Vote(T0, v, List.of(entry), Optional.empty(), "thread", "ff");
  }
}

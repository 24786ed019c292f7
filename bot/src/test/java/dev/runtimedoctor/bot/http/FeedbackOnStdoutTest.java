package dev.runtimedoctor.bot.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimedoctor.bot.feedback.FeedbackLog;
import dev.runtimedoctor.bot.feedback.FeedbackRecord;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** FEEDBACK_LOG=-: the records go to standard output, where a cluster's log pipeline keeps them. */
class FeedbackOnStdoutTest {
  @Test
  @DisplayName(
      "with FEEDBACK_LOG=- an unmatched question is one marked JSON line on stdout, picked out of"
          + " mixed log lines")
  void recordsOnStdout() throws Exception {
    StringWriter out = new StringWriter();
    try (SlackHarness h =
        SlackHarness.start(
            Map.of("FEEDBACK_LOG", "-"), SlackHarness.tuning(), new PrintWriter(out, true))) {
      h.command(
          "panic: runtime error: invalid memory address or nil pointer dereference",
          "UALICE001",
          "q");
      h.fake.await("/respond/q", 1, Duration.ofSeconds(10));
      h.awaitMetric(
          "runtime_doctor_unmatched_pastes_total", "surface=\"command\"", 1, Duration.ofSeconds(5));
    }
    String stdout = out.toString();
    assertThat(stdout.lines())
        .singleElement()
        .satisfies(l -> assertThat(l).startsWith("{\"record\":\"runtime_doctor_feedback\""));
    assertThat(stdout).doesNotContain("pods are slow");
    // As kubectl logs --prefix shows it, among the pod's other lines.
    String mixed =
        "2026-11-30T10:00:00Z INFO serving port=3000\n"
            + "[pod/runtime-doctor-7f9/bot] "
            + stdout.strip()
            + "\n{\"level\":\"info\",\"kind\":\"helpful\",\"msg\":\"not a record\"}\n";
    FeedbackLog.Contents c = FeedbackLog.readMixed(new BufferedReader(new StringReader(mixed)));
    assertThat(c.records()).singleElement().isInstanceOf(FeedbackRecord.Unmatched.class);
    assertThat(c.malformed()).isZero();
  }
}

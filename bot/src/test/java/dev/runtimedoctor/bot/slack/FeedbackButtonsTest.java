package dev.runtimedoctor.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.runtimedoctor.bot.fake.FakeSlackApi;
import dev.runtimedoctor.bot.http.SlackHarness;
import dev.runtimedoctor.bot.slack.api.SlackMessage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Helpful", "Not it" and which entry it really was; the other language; the feedback log. */
class FeedbackButtonsTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path dir;
  private Path log;
  private SlackHarness h;

  @BeforeEach
  void start() throws Exception {
    log = dir.resolve("feedback.jsonl");
    h = SlackHarness.start(Map.of("FEEDBACK_LOG", log.toString()));
  }

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  @DisplayName("a Helpful click → counted in /metrics and logged once, without the paste's text")
  void helpful() throws Exception {
    String value = threadAnswerButton(SlackSurface.ACTION_HELPFUL);
    click(SlackSurface.ACTION_HELPFUL, value, "UBRUNO001", "fb1");
    assertThat(h.fake.await("/respond/fb1", 1, WAIT).get(0).body()).contains("Thanks, noted");
    assertThat(
            h.awaitMetric(
                "runtime_doctor_feedback_total",
                "entry=\"pod-ip-exhaustion\",verdict=\"helpful\"",
                1,
                WAIT))
        .isEqualTo(1);
    List<String> lines = Files.readAllLines(log);
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0))
        .contains(
            "\"kind\":\"helpful\"",
            "\"entries\":[\"pod-ip-exhaustion\"]",
            "\"surface\":\"channel\"")
        .containsPattern("\"fingerprint\":\"[0-9a-f]{16}\"")
        .doesNotContain("10.48.131", "FailedCreatePodSandBox", "UBRUNO001");

    click(SlackSurface.ACTION_HELPFUL, value, "UBRUNO001", "fb2");
    assertThat(h.fake.await("/respond/fb2", 1, WAIT).get(0).body()).contains("Already noted");
    assertThat(Files.readAllLines(log)).hasSize(1);
  }

  @Test
  @DisplayName("Not it → a menu of entries; the choice is logged and summarised by feedback")
  void notItThenActual() throws Exception {
    String value = threadAnswerButton(SlackSurface.ACTION_NOT_IT);
    click(SlackSurface.ACTION_NOT_IT, value, "UBRUNO001", "ni1");
    FakeSlackApi.Call menu = h.fake.await("/respond/ni1", 1, WAIT).get(0);
    String blocks = menu.json().get("blocks").toString();
    assertThat(blocks)
        .contains(SlackSurface.ACTION_ACTUAL_ENTRY, "cni-config-uninitialized", "none");
    assertThat(
            BlockKitValidator.violations(
                new SlackMessage("m", menu.json().getAsJsonArray("blocks"))))
        .isEmpty();

    h.interactive(
        SlackPayloads.choose(
            SlackSurface.ACTION_ACTUAL_ENTRY,
            SlackPayloads.menuBlockId(blocks),
            "cni-config-uninitialized",
            "UBRUNO001",
            "CGENERAL1",
            h.fake.responseUrl("ni2")));
    FakeSlackApi.Call noted = h.fake.await("/respond/ni2", 1, WAIT).get(0);
    assertThat(noted.json().get("replace_original").getAsBoolean()).isTrue();
    assertThat(noted.body()).contains("Noted: it was", "cni-config-uninitialized");
    assertThat(
            h.awaitMetric(
                "runtime_doctor_feedback_total",
                "entry=\"cni-config-uninitialized\",verdict=\"actual\"",
                1,
                WAIT))
        .isEqualTo(1);
    assertThat(
            h.metric(
                "runtime_doctor_feedback_total", "entry=\"pod-ip-exhaustion\",verdict=\"not_it\""))
        .isEqualTo(1);

    // An unmatched question is logged by fingerprint too; the summary puts it all together.
    h.command("the frobnicator daemon keeps wobbling, any idea?", "UALICE001", "q1");
    h.fake.await("/respond/q1", 1, WAIT);
    String summary = feedbackSummary();
    assertThat(summary)
        .contains("3 records, 0 helpful, 1 not it")
        .containsPattern("cni-config-uninitialized\\s+0\\s+0\\s+1")
        .containsPattern("pod-ip-exhaustion\\s+0\\s+1\\s+0")
        .contains("pod-ip-exhaustion → cni-config-uninitialized")
        .containsPattern("[0-9a-f]{16}\\s+1\\s");
    assertThat(Files.readString(log)).doesNotContain("frobnicator", "wobbling");
  }

  @Test
  @DisplayName(
      "the other language: a copy for the clicker under a thread answer, in place when ephemeral")
  void otherLanguage() throws Exception {
    String value = threadAnswerButton(SlackSurface.ACTION_OTHER_LANGUAGE);
    click(SlackSurface.ACTION_OTHER_LANGUAGE, value, "UBRUNO001", "ol1");
    JsonObject copy = h.fake.await("/respond/ol1", 1, WAIT).get(0).json();
    assertThat(copy.get("replace_original").getAsBoolean()).isFalse();
    assertThat(copy.get("blocks").toString())
        .contains("Risoluzione", "pod-ip-exhaustion", "English");

    h.command(SlackHarness.X509_PASTE, "UALICE001", "eph");
    String ephemeral = h.fake.await("/respond/eph", 1, WAIT).get(0).json().get("blocks").toString();
    h.interactive(
        SlackPayloads.click(
            SlackSurface.ACTION_OTHER_LANGUAGE,
            SlackPayloads.buttonValue(ephemeral, SlackSurface.ACTION_OTHER_LANGUAGE),
            "UALICE001",
            "CGENERAL1",
            h.fake.responseUrl("ol2"),
            Optional.empty(),
            Optional.empty()));
    JsonObject replaced = h.fake.await("/respond/ol2", 1, WAIT).get(0).json();
    assertThat(replaced.get("replace_original").getAsBoolean()).isTrue();
    assertThat(replaced.get("blocks").toString())
        .contains("Risoluzione", "private-registry-x509", SlackSurface.ACTION_SHARE);
  }

  /** Answers a paste in a thread of CGENERAL1; returns the value of the answer's button. */
  private String threadAnswerButton(String actionId) throws Exception {
    h.event(
        SlackPayloads.message(
            "CGENERAL1", "UALICE001", "1700004000.000100", SlackHarness.IP_PASTE));
    FakeSlackApi.Call post = h.fake.awaitPosts("CGENERAL1", 1, WAIT).get(0);
    return SlackPayloads.buttonValue(post.params().get("blocks"), actionId);
  }

  private void click(String actionId, String value, String user, String responseId)
      throws Exception {
    h.interactive(
        SlackPayloads.click(
            actionId,
            value,
            user,
            "CGENERAL1",
            h.fake.responseUrl(responseId),
            Optional.of(h.fake.messages("CGENERAL1").get(0).get("ts").getAsString()),
            Optional.of("1700004000.000100")));
  }

  private String feedbackSummary() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        dev.runtimedoctor.bot.cli.Main.run(
            new String[] {"feedback"},
            Map.of("FEEDBACK_LOG", log.toString()),
            new java.io.ByteArrayInputStream(new byte[0]),
            new PrintWriter(out, true),
            new PrintWriter(err, true));
    assertThat(code).as(err.toString()).isZero();
    return out.toString();
  }
}

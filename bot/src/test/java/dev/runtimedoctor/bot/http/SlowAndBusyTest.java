package dev.runtimedoctor.bot.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The bot when Slack is slow or the bot is busy, through the real endpoint and the fake Web API:
 * nothing answered twice, nothing lost, nothing counted that Slack did not take.
 */
class SlowAndBusyTest {
  private static final Duration WAIT = Duration.ofSeconds(15);

  private static final String ANSWERS = "runtime_doctor_slack_answers_total";

  @Test
  @DisplayName(
      "chat.postMessage answering after the client's timeout every time: exactly one answer stays,"
          + " counted once")
  void slowPostAnsweredOnce() throws Exception {
    try (SlackHarness h =
        SlackHarness.start(
            Map.of(), SlackHarness.tuning().withHttpTimeout(Duration.ofMillis(400)))) {
      h.fake.delay("/api/chat.postMessage", Duration.ofMillis(1200));
      assertThat(
              h.event(
                      SlackHarness.message(
                          "CSLOW0001", "UALICE001", "1700004000.000100", SlackHarness.IP_PASTE))
                  .statusCode())
          .isEqualTo(200);
      String labels = "entry=\"pod-ip-exhaustion\",surface=\"thread\"";
      assertThat(h.awaitMetric(ANSWERS, labels, 1, WAIT)).isEqualTo(1);
      assertThat(h.fake.messages("CSLOW0001")).hasSize(1);
      assertThat(h.fake.calls("chat.postMessage")).hasSize(1);
      assertThat(
              h.metric(
                  "runtime_doctor_slack_api_errors_total",
                  "error=\"io\",method=\"chat.postMessage\""))
          .isZero();
    }
  }

  @Test
  @DisplayName(
      "an event that finds the work queue full is answered 503, so Slack retries it; the retry is"
          + " answered")
  void busyEventRetried() throws Exception {
    try (SlackHarness h =
        SlackHarness.start(Map.of(), SlackHarness.tuning().withWorkers(1).withQueue(1))) {
      // The one worker is held by the first answer; the second waits in the queue.
      h.fake.delay("/api/chat.postMessage", Duration.ofMillis(1500));
      JsonObject first =
          SlackHarness.message(
              "CBUSY0001", "UALICE001", "1700005000.000100", SlackHarness.IP_PASTE);
      JsonObject second =
          SlackHarness.message(
              "CBUSY0002", "UALICE001", "1700005001.000100", SlackHarness.IP_PASTE);
      JsonObject third =
          SlackHarness.message(
              "CBUSY0003", "UALICE001", "1700005002.000100", SlackHarness.IP_PASTE);
      assertThat(h.event(first, "EvBusy1", Map.of()).statusCode()).isEqualTo(200);
      assertThat(h.event(second, "EvBusy2", Map.of()).statusCode()).isEqualTo(200);
      HttpResponse<String> refused = h.event(third, "EvBusy3", Map.of());
      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(h.metric("runtime_doctor_slack_dropped_total", "reason=\"busy\"")).isEqualTo(1);

      h.fake.awaitPosts("CBUSY0002", 1, WAIT);
      h.fake.delay("/api/chat.postMessage", Duration.ZERO);
      HttpResponse<String> retry =
          h.event(
              third,
              "EvBusy3",
              Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_error"));
      assertThat(retry.statusCode()).isEqualTo(200);
      h.fake.awaitPosts("CBUSY0003", 1, WAIT);
      assertThat(h.fake.messages("CBUSY0001")).hasSize(1);
      assertThat(h.fake.messages("CBUSY0003")).hasSize(1);
    }
  }

  @Test
  @DisplayName("an answer Slack never accepted is not counted as an answer")
  void failedAnswersNotCounted() throws Exception {
    try (SlackHarness h = SlackHarness.start()) {
      h.fake.failAlways("/api/chat.postMessage", 500);
      h.fake.failAlways("/respond/", 500);
      h.event(
          SlackHarness.message(
              "CFAIL0001", "UALICE001", "1700006000.000100", SlackHarness.IP_PASTE));
      h.command(SlackHarness.IP_PASTE, "UALICE001", "failing");
      h.awaitMetric(
          "runtime_doctor_slack_api_errors_total",
          "error=\"http_500\",method=\"response_url\"",
          1,
          WAIT);
      assertThat(
              h.metric(
                  "runtime_doctor_slack_api_errors_total",
                  "error=\"http_500\",method=\"chat.postMessage\""))
          .isEqualTo(1);
      assertThat(h.metric(ANSWERS, "entry=\"pod-ip-exhaustion\",surface=\"thread\"")).isZero();
      assertThat(h.metric(ANSWERS, "entry=\"pod-ip-exhaustion\",surface=\"command\"")).isZero();
      assertThat(h.fake.messages("CFAIL0001")).isEmpty();
    }
  }

  @Test
  @DisplayName(
      "Slackbot, and other bots' thread broadcasts, file shares and edits, are never answered; a"
          + " person's /me message is")
  void botsIgnoredMeMessageRead() throws Exception {
    try (SlackHarness h = SlackHarness.start()) {
      JsonObject slackbot =
          SlackHarness.message(
              "CBOTS0001", "USLACKBOT", "1700007000.000100", SlackHarness.IP_PASTE);
      JsonObject broadcast =
          SlackHarness.message(
              "CBOTS0002", "UOTHERBOT", "1700007001.000100", SlackHarness.IP_PASTE);
      broadcast.addProperty("subtype", "thread_broadcast");
      broadcast.addProperty("bot_id", "BOTHER001");
      broadcast.addProperty("thread_ts", "1700006999.000100");
      JsonObject share =
          SlackHarness.message(
              "CBOTS0003", "UOTHERBOT", "1700007002.000100", SlackHarness.IP_PASTE);
      share.addProperty("subtype", "file_share");
      share.addProperty("bot_id", "BOTHER001");
      JsonObject profile =
          SlackHarness.message(
              "CBOTS0004", "UOTHERBOT", "1700007003.000100", SlackHarness.IP_PASTE);
      JsonObject botProfile = new JsonObject();
      botProfile.addProperty("id", "BOTHER001");
      profile.add("bot_profile", botProfile);
      JsonObject edit = new JsonObject();
      edit.addProperty("type", "message");
      edit.addProperty("subtype", "message_changed");
      edit.addProperty("channel", "CBOTS0005");
      edit.addProperty("ts", "1700007004.000200");
      JsonObject edited =
          SlackHarness.message(
              "CBOTS0005", "UOTHERBOT", "1700007004.000100", SlackHarness.IP_PASTE);
      edited.addProperty("bot_id", "BOTHER001");
      edit.add("message", edited);
      for (JsonObject e : new JsonObject[] {slackbot, broadcast, share, profile, edit}) {
        assertThat(h.event(e).statusCode()).isEqualTo(200);
      }
      JsonObject me =
          SlackHarness.message(
              "CBOTS0006", "UALICE001", "1700007005.000100", SlackHarness.IP_PASTE);
      me.addProperty("subtype", "me_message");
      assertThat(h.event(me).statusCode()).isEqualTo(200);
      // One worker, in order: once the /me message is answered, the others were handled.
      h.fake.awaitPosts("CBOTS0006", 1, WAIT);
      assertThat(h.fake.calls("chat.postMessage")).hasSize(1);
      assertThat(h.metric("runtime_doctor_slack_dropped_total", "reason=\"bot\""))
          .isGreaterThanOrEqualTo(5);
    }
  }
}

package dev.runtimedoctor.bot.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.runtimedoctor.bot.fake.FakeSlackApi;
import dev.runtimedoctor.bot.slack.SdkSamples;
import dev.runtimedoctor.bot.slack.SlackSurface;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every payload shape the Slack SDK documents — each event type and message subtype, the
 * interactive payloads, dialogs, views and the slash command — replayed signed through the real
 * endpoint: each acknowledged with 200, nothing thrown, the bot still ready.
 */
class SdkSamplesReplayTest {
  private static final Duration WAIT = Duration.ofSeconds(15);

  /** A message shortcut as the SDK shows it, on a paste, without a usable response_url. */
  static JsonObject shortcutWithoutResponseUrl(JsonObject sample) {
    JsonObject o = sample.deepCopy();
    o.addProperty("callback_id", SlackSurface.SHORTCUT_CALLBACK_ID);
    o.addProperty("response_url", "");
    o.getAsJsonObject("user").addProperty("id", "UALICE001");
    o.getAsJsonObject("channel").addProperty("id", "CSHORT001");
    o.getAsJsonObject("message").addProperty("text", SlackHarness.IP_PASTE);
    o.getAsJsonObject("message").remove("files");
    return o;
  }

  /** A JSON object of strings as a form body, as Slack posts a slash command. */
  static String form(JsonObject o) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, JsonElement> e : o.entrySet()) {
      if (e.getValue().isJsonPrimitive()) {
        sb.append(sb.length() == 0 ? "" : "&")
            .append(e.getKey())
            .append('=')
            .append(URLEncoder.encode(e.getValue().getAsString(), StandardCharsets.UTF_8));
      }
    }
    return sb.toString();
  }

  @Test
  @DisplayName(
      "every SDK sample payload is acknowledged without an exception; a message shortcut without"
          + " response_url is answered privately")
  void replaySamples() throws Exception {
    try (SlackHarness h = SlackHarness.start();
        LogCapture logs = new LogCapture()) {
      for (SdkSamples.Sample s : SdkSamples.events(FakeSlackApi.TEAM, SlackHarness.IP_PASTE)) {
        var r =
            h.signed(
                s.json().toString().getBytes(StandardCharsets.UTF_8), "application/json", Map.of());
        assertThat(r.statusCode()).as(s.name()).isEqualTo(200);
      }
      for (SdkSamples.Sample s : SdkSamples.interactive()) {
        JsonObject payload =
            switch (s.name()) {
              case "MessageShortcutPayload.json" -> shortcutWithoutResponseUrl(s.json());
              case "SlashCommandPayload.json" ->
                  SdkSamples.command(s.json(), h.fake.responseUrl("sample-command"));
              default -> s.json();
            };
        String body =
            s.name().equals("SlashCommandPayload.json")
                ? form(payload)
                : "payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8);
        var r =
            h.signed(
                body.getBytes(StandardCharsets.UTF_8),
                "application/x-www-form-urlencoded",
                Map.of());
        assertThat(r.statusCode()).as(s.name()).isEqualTo(200);
      }
      FakeSlackApi.Call privately =
          h.fake
              .await(
                  c ->
                      c.method().equals("chat.postEphemeral")
                          && "CSHORT001".equals(c.params().get("channel")),
                  "the shortcut's answer",
                  1,
                  WAIT)
              .get(0);
      assertThat(privately.params()).containsEntry("user", "UALICE001");
      assertThat(privately.params().get("blocks")).contains("pod-ip-exhaustion");
      h.fake.await("/respond/sample-command", 1, WAIT);
      // One worker, in order: once this command is answered, every sample's work is done.
      h.command("help", "UALICE001", "after-samples");
      h.fake.await("/respond/after-samples", 1, WAIT);
      assertThat(logs.events()).noneMatch(e -> e.getThrowableProxy() != null);
      assertThat(logs.lines())
          .noneMatch(l -> l.startsWith(Level.ERROR.toString()))
          .noneMatch(l -> l.contains("malformed"));
      assertThat(h.get("/readyz").statusCode()).isEqualTo(200);
    }
  }
}

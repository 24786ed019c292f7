package dev.runtimedoctor.bot.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.runtimedoctor.bot.serve.BotServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The HTTP surface: what is refused, what is always acknowledged, health and metrics. */
class SlackHttpHandlerTest {
  private static SlackHarness h;

  @BeforeAll
  static void start() throws Exception {
    h = SlackHarness.start();
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  private static byte[] body() {
    JsonObject msg =
        SlackHarness.message("CGENERAL1", "UALICE001", "1700001000.000100", SlackHarness.IP_PASTE);
    return SlackHarness.callback(msg, "EvSig1").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("a forged signature is refused with 401 and nothing is answered")
  void forged() throws Exception {
    var r = h.post(body(), "application/json", h.now(), "v0=" + "0".repeat(64), Map.of());
    assertThat(r.statusCode()).isEqualTo(401);
  }

  @Test
  @DisplayName("a replayed request, signed six minutes ago, is refused with 401")
  void replayed() throws Exception {
    assertThat(h.post(body(), "application/json", h.now() - 360, null, Map.of()).statusCode())
        .isEqualTo(401);
  }

  @Test
  @DisplayName("a request dated six minutes ahead is refused with 401")
  void ahead() throws Exception {
    assertThat(h.post(body(), "application/json", h.now() + 360, null, Map.of()).statusCode())
        .isEqualTo(401);
    assertThat(h.fake.calls("chat.postMessage")).isEmpty();
  }

  @Test
  @DisplayName("events no listener takes, and message subtypes, are still acknowledged with 200")
  void unhandledEventsAcked() throws Exception {
    JsonObject reaction = new JsonObject();
    reaction.addProperty("type", "reaction_added");
    reaction.addProperty("user", "UALICE001");
    reaction.addProperty("reaction", "eyes");
    reaction.addProperty("event_ts", "1700001100.000100");
    assertThat(h.event(reaction).statusCode()).isEqualTo(200);
    for (String subtype :
        new String[] {
          "channel_join",
          "message_deleted",
          "bot_message",
          "thread_broadcast",
          "file_share",
          "me_message"
        }) {
      JsonObject m = SlackHarness.message("CGENERAL1", "UALICE001", "1700001101.000100", "joined");
      m.addProperty("subtype", subtype);
      assertThat(h.event(m).statusCode()).as(subtype).isEqualTo(200);
    }
  }

  @Test
  @DisplayName("a body over 1 MiB is refused without being read whole")
  void tooLarge() throws Exception {
    // Only the headers are sent: the answer must come from the announced length alone. (Sending
    // the body races the server's close, and a reset can swallow the 413 before it is read.)
    java.net.URI events = h.uri(dev.runtimedoctor.bot.slack.SlackSurface.EVENTS_PATH);
    try (java.net.Socket socket = new java.net.Socket(events.getHost(), events.getPort())) {
      socket.setSoTimeout(5_000);
      String head =
          "POST "
              + events.getPath()
              + " HTTP/1.1\r\nHost: "
              + events.getHost()
              + "\r\nContent-Type: application/json\r\nContent-Length: "
              + (SlackHttpHandler.MAX_BODY + 1)
              + "\r\n\r\n";
      socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      String status =
          new java.io.BufferedReader(
                  new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
              .readLine();
      assertThat(status).startsWith("HTTP/1.1 413");
    }
  }

  @Test
  @DisplayName("a command or button no handler knows is acknowledged, not answered 404")
  void unmatchedAcked() throws Exception {
    byte[] other =
        new String(
                SlackHarness.commandBody("x", "UALICE001", h.fake.responseUrl("other")),
                StandardCharsets.UTF_8)
            .replace("%2Ftroubleshoot", "%2Fother")
            .getBytes(StandardCharsets.UTF_8);
    assertThat(h.signed(other, "application/x-www-form-urlencoded", Map.of()).statusCode())
        .isEqualTo(200);
    JsonObject payload = new JsonObject();
    payload.addProperty("type", "block_actions");
    JsonObject user = new JsonObject();
    user.addProperty("id", "UALICE001");
    payload.add("user", user);
    com.google.gson.JsonArray actions = new com.google.gson.JsonArray();
    JsonObject action = new JsonObject();
    action.addProperty("action_id", "retired_button");
    action.addProperty("type", "button");
    actions.add(action);
    payload.add("actions", actions);
    assertThat(h.interactive(payload).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("Slack's URL verification gets its challenge back")
  void urlVerification() throws Exception {
    JsonObject o = new JsonObject();
    o.addProperty("token", "verification-token");
    o.addProperty("challenge", "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
    o.addProperty("type", "url_verification");
    var r = h.signed(o.toString().getBytes(StandardCharsets.UTF_8), "application/json", Map.of());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
  }

  @Test
  @DisplayName("/healthz, /readyz and /metrics answer; unknown paths are 404")
  void healthAndMetrics() throws Exception {
    assertThat(h.get("/healthz").statusCode()).isEqualTo(200);
    assertThat(h.get("/readyz").body()).isEqualTo("ready\n");
    var metrics = h.get("/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
    assertThat(metrics.body())
        .contains("runtime_doctor_slack_requests_total", "runtime_doctor_slack_ack_seconds_bucket");
    assertThat(h.get("/nope").statusCode()).isEqualTo(404);
  }

  @Test
  @DisplayName("not ready until auth.test passes: /readyz 503 and Slack's requests 503 meanwhile")
  void readinessWaitsForAuthTest() throws Exception {
    dev.runtimedoctor.bot.fake.FakeSlackApi fake = dev.runtimedoctor.bot.fake.FakeSlackApi.start();
    fake.failNext("/api/auth.test", 3, 500, null);
    var config =
        dev.runtimedoctor.bot.config.Config.fromEnv(
            Map.of(
                "SLACK_BOT_TOKEN",
                "xoxb-test-token",
                "SLACK_SIGNING_SECRET",
                SlackHarness.SECRET,
                "SLACK_API_URL",
                fake.apiUrl(),
                "PORT",
                "0"));
    try (fake;
        SlackServer server =
            BotServer.start(
                config,
                SlackHarness.SERVICE,
                SlackHarness.tuning().withBootRetry(Duration.ofMillis(300)),
                java.time.Clock.systemUTC(),
                "127.0.0.1")) {
      var client = java.net.http.HttpClient.newHttpClient();
      var ready =
          client.send(
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create("http://127.0.0.1:" + server.port() + "/readyz"))
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(ready.statusCode()).isEqualTo(503);
      assertThat(server.awaitReady(Duration.ofSeconds(10))).isTrue();
      assertThat(fake.calls("auth.test")).hasSizeGreaterThanOrEqualTo(4);
    }
  }
}

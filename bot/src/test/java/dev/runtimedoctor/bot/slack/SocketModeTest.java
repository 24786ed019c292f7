package dev.runtimedoctor.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.runtimedoctor.bot.config.Config;
import dev.runtimedoctor.bot.diagnosis.DiagnosisService;
import dev.runtimedoctor.bot.fake.FakeSlackApi;
import dev.runtimedoctor.bot.http.SlackServer;
import dev.runtimedoctor.bot.serve.BotServer;
import dev.runtimedoctor.knowledge.entry.KnowledgeBase;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The bot over Socket Mode, against a local WebSocket server standing in for Slack's. */
class SocketModeTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private static final String PASTE =
      "Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for"
          + " sandbox \"9c1d\": failed to allocate for range 0: no IP addresses available in range"
          + " set: 10.12.0.1-10.12.0.30";

  /** Slack's side of the socket: says hello, records every frame the bot sends back. */
  private static final class FakeSocketServer extends WebSocketServer {
    final List<WebSocket> opened = new CopyOnWriteArrayList<>();
    final BlockingQueue<WebSocket> connections = new LinkedBlockingQueue<>();
    final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
    final CountDownLatch started = new CountDownLatch(1);

    FakeSocketServer() {
      super(new InetSocketAddress("127.0.0.1", 0));
      setReuseAddr(true);
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
      opened.add(conn);
      conn.send(
          "{\"type\":\"hello\",\"num_connections\":"
              + opened.size()
              + ",\"connection_info\":{\"app_id\":\"ATEST0001\"}}");
      connections.add(conn);
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {}

    @Override
    public void onMessage(WebSocket conn, String message) {
      JsonObject o = JsonParser.parseString(message).getAsJsonObject();
      o.addProperty("_connection", opened.indexOf(conn));
      received.add(o);
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {}

    @Override
    public void onStart() {
      started.countDown();
    }

    JsonObject ack(String envelopeId) throws InterruptedException {
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (System.nanoTime() < deadline) {
        JsonObject o = received.poll(100, TimeUnit.MILLISECONDS);
        if (o != null
            && o.has("envelope_id")
            && o.get("envelope_id").getAsString().equals(envelopeId)) {
          return o;
        }
      }
      throw new AssertionError("no ack for " + envelopeId);
    }

    /** Whether an ack for {@code envelopeId} arrives within {@code within}. */
    boolean acked(String envelopeId, Duration within) throws InterruptedException {
      long deadline = System.nanoTime() + within.toNanos();
      while (System.nanoTime() < deadline) {
        JsonObject o = received.poll(50, TimeUnit.MILLISECONDS);
        if (o != null
            && o.has("envelope_id")
            && o.get("envelope_id").getAsString().equals(envelopeId)) {
          return true;
        }
      }
      return false;
    }
  }

  /** The bot in Socket Mode on {@code fake} and {@code ws}, ready, with its first connection. */
  private record Running(SlackServer server, WebSocket socket) implements AutoCloseable {
    @Override
    public void close() {
      server.close();
    }
  }

  private static Running start(FakeSlackApi fake, FakeSocketServer ws, SlackTuning tuning)
      throws Exception {
    fake.socketUrl("ws://127.0.0.1:" + ws.getPort() + "/link");
    Config config =
        Config.fromEnv(
            Map.of(
                "SLACK_BOT_TOKEN", "xoxb-test-token",
                "SLACK_APP_TOKEN", "xapp-1-test",
                "SLACK_API_URL", fake.apiUrl(),
                "BOT_LANGUAGE", "en",
                "FEEDBACK_LOG", java.nio.file.Files.createTempFile("feedback", ".jsonl").toString(),
                "PORT", "0"));
    SlackServer server =
        BotServer.start(
            config,
            DiagnosisService.of(KnowledgeBase.bundledWith(List.of())),
            tuning,
            Clock.systemUTC(),
            "127.0.0.1");
    assertThat(server.awaitReady(WAIT)).isTrue();
    WebSocket socket = ws.connections.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    assertThat(socket).isNotNull();
    return new Running(server, socket);
  }

  private static SlackTuning quick() {
    return SlackTuning.defaults()
        .withRetry(2, Duration.ofMillis(20), Duration.ofSeconds(1))
        .withBootRetry(Duration.ofMillis(50));
  }

  private static String rawEnvelope(String id, String type, String payloadJson) {
    return "{\"envelope_id\":\""
        + id
        + "\",\"type\":\""
        + type
        + "\",\"payload\":"
        + payloadJson
        + ",\"accepts_response_payload\":false,\"retry_attempt\":0,\"retry_reason\":\"\"}";
  }

  @Test
  @DisplayName(
      "payloads that are not JSON objects, or of the wrong shape, are acknowledged without an"
          + " exception and the connection keeps serving")
  void malformedPayloads() throws Exception {
    FakeSocketServer ws = new FakeSocketServer();
    ws.start();
    assertThat(ws.started.await(5, TimeUnit.SECONDS)).isTrue();
    try (FakeSlackApi fake = FakeSlackApi.start();
        Running bot = start(fake, ws, quick());
        dev.runtimedoctor.bot.http.LogCapture logs = new dev.runtimedoctor.bot.http.LogCapture()) {
      String[] payloads = {
        "\"hunter2 text\"",
        "[\"hunter2\"]",
        "42",
        "null",
        "true",
        "{\"type\":\"event_callback\",\"event\":\"hunter2\"}",
        "{\"type\":\"event_callback\",\"event\":{\"type\":\"message\",\"text\":[\"hunter2\"]}}"
      };
      int n = 0;
      for (String type : List.of("events_api", "interactive", "slash_commands")) {
        for (String p : payloads) {
          String id = "bad-" + (++n);
          bot.socket().send(rawEnvelope(id, type, p));
          assertThat(ws.acked(id, WAIT)).as("%s %s", type, p).isTrue();
        }
      }
      bot.socket()
          .send(
              envelope(
                  "good-1",
                  "events_api",
                  eventCallback("EvGood1", message("CSOCKET09", "1700002009.000100", PASTE))));
      ws.ack("good-1");
      fake.awaitPosts("CSOCKET09", 1, WAIT);
      assertThat(logs.events()).noneMatch(e -> e.getThrowableProxy() != null);
      assertThat(logs.lines())
          .noneMatch(l -> l.startsWith("ERROR"))
          .noneMatch(l -> l.contains("hunter2"));
    } finally {
      ws.stop(1000);
    }
  }

  @Test
  @DisplayName(
      "every SDK sample payload is acknowledged over the socket; a message shortcut without"
          + " response_url is answered privately")
  void samplesOverSocket() throws Exception {
    FakeSocketServer ws = new FakeSocketServer();
    ws.start();
    assertThat(ws.started.await(5, TimeUnit.SECONDS)).isTrue();
    try (FakeSlackApi fake = FakeSlackApi.start();
        Running bot = start(fake, ws, quick());
        dev.runtimedoctor.bot.http.LogCapture logs = new dev.runtimedoctor.bot.http.LogCapture()) {
      int n = 0;
      for (SdkSamples.Sample s : SdkSamples.events(FakeSlackApi.TEAM, PASTE)) {
        String id = "sample-" + (++n);
        bot.socket().send(envelope(id, "events_api", s.json()));
        assertThat(ws.acked(id, WAIT)).as(s.name()).isTrue();
      }
      for (SdkSamples.Sample s : SdkSamples.interactive()) {
        String id = "sample-" + (++n);
        boolean command = s.name().equals("SlashCommandPayload.json");
        JsonObject payload =
            command ? SdkSamples.command(s.json(), fake.responseUrl("sample-command")) : s.json();
        if (s.name().equals("MessageShortcutPayload.json")) {
          payload.addProperty("callback_id", SlackSurface.SHORTCUT_CALLBACK_ID);
          payload.addProperty("response_url", "");
          payload.getAsJsonObject("user").addProperty("id", "UALICE001");
          payload.getAsJsonObject("channel").addProperty("id", "CSHORT002");
          payload.getAsJsonObject("message").addProperty("text", PASTE);
          payload.getAsJsonObject("message").remove("files");
        }
        bot.socket().send(envelope(id, command ? "slash_commands" : "interactive", payload));
        assertThat(ws.acked(id, WAIT)).as(s.name()).isTrue();
      }
      FakeSlackApi.Call privately =
          fake.await(
                  c ->
                      c.method().equals("chat.postEphemeral")
                          && "CSHORT002".equals(c.params().get("channel")),
                  "the shortcut's answer",
                  1,
                  WAIT)
              .get(0);
      assertThat(privately.params()).containsEntry("user", "UALICE001");
      fake.await("/respond/sample-command", 1, WAIT);
      assertThat(logs.events()).noneMatch(e -> e.getThrowableProxy() != null);
      assertThat(logs.lines())
          .noneMatch(l -> l.startsWith("ERROR"))
          .noneMatch(l -> l.contains("malformed"));
    } finally {
      ws.stop(1000);
    }
  }

  @Test
  @DisplayName(
      "an event that finds the work queue full is not acknowledged, so Slack redelivers it; the"
          + " redelivery is answered")
  void busyNotAcked() throws Exception {
    FakeSocketServer ws = new FakeSocketServer();
    ws.start();
    assertThat(ws.started.await(5, TimeUnit.SECONDS)).isTrue();
    try (FakeSlackApi fake = FakeSlackApi.start();
        Running bot = start(fake, ws, quick().withWorkers(1).withQueue(1))) {
      fake.delay("/api/chat.postMessage", Duration.ofMillis(1500));
      for (int i = 1; i <= 2; i++) {
        bot.socket()
            .send(
                envelope(
                    "busy-" + i,
                    "events_api",
                    eventCallback(
                        "EvBusyS" + i,
                        message("CBUSYS0" + i, "170000300" + i + ".000100", PASTE))));
        ws.ack("busy-" + i);
      }
      String third =
          envelope(
              "busy-3",
              "events_api",
              eventCallback("EvBusyS3", message("CBUSYS03", "1700003003.000100", PASTE)));
      bot.socket().send(third);
      assertThat(ws.acked("busy-3", Duration.ofMillis(1000))).isFalse();
      fake.awaitPosts("CBUSYS02", 1, WAIT);
      fake.delay("/api/chat.postMessage", Duration.ZERO);
      bot.socket().send(third.replace("\"retry_attempt\":0", "\"retry_attempt\":1"));
      ws.ack("busy-3");
      fake.awaitPosts("CBUSYS03", 1, WAIT);
    } finally {
      ws.stop(1000);
    }
  }

  private static String envelope(String id, String type, JsonObject payload) {
    JsonObject o = new JsonObject();
    o.addProperty("envelope_id", id);
    o.addProperty("type", type);
    o.add("payload", payload);
    o.addProperty("accepts_response_payload", type.equals("slash_commands"));
    o.addProperty("retry_attempt", 0);
    o.addProperty("retry_reason", "");
    return o.toString();
  }

  private static JsonObject eventCallback(String eventId, JsonObject event) {
    JsonObject o = new JsonObject();
    o.addProperty("token", "verification-token");
    o.addProperty("team_id", FakeSlackApi.TEAM);
    o.addProperty("api_app_id", "ATEST0001");
    o.add("event", event);
    o.addProperty("type", "event_callback");
    o.addProperty("event_id", eventId);
    o.addProperty("event_time", 1_700_000_000);
    return o;
  }

  private static JsonObject message(String channel, String ts, String text) {
    JsonObject e = new JsonObject();
    e.addProperty("type", "message");
    e.addProperty("channel", channel);
    e.addProperty("channel_type", "channel");
    e.addProperty("user", "UALICE001");
    e.addProperty("text", text);
    e.addProperty("ts", ts);
    return e;
  }

  @Test
  @DisplayName(
      "envelopes are acknowledged with their envelope_id and answered; a disconnect reconnects")
  void socketMode() throws Exception {
    FakeSocketServer ws = new FakeSocketServer();
    ws.start();
    assertThat(ws.started.await(5, TimeUnit.SECONDS)).isTrue();
    try (FakeSlackApi fake = FakeSlackApi.start()) {
      fake.socketUrl("ws://127.0.0.1:" + ws.getPort() + "/link");
      Config config =
          Config.fromEnv(
              Map.of(
                  "SLACK_BOT_TOKEN", "xoxb-test-token",
                  "SLACK_APP_TOKEN", "xapp-1-test",
                  "SLACK_API_URL", fake.apiUrl(),
                  "PORT", "0"));
      SlackTuning tuning =
          SlackTuning.defaults()
              .withRetry(2, Duration.ofMillis(20), Duration.ofSeconds(1))
              .withBootRetry(Duration.ofMillis(50));
      try (SlackServer server =
          BotServer.start(
              config,
              DiagnosisService.of(KnowledgeBase.bundledWith(List.of())),
              tuning,
              Clock.systemUTC(),
              "127.0.0.1")) {
        assertThat(server.awaitReady(WAIT)).isTrue();
        WebSocket first = ws.connections.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(first).isNotNull();
        assertThat(fake.calls("apps.connections.open").get(0).authorization())
            .isEqualTo("Bearer xapp-1-test");

        first.send(
            envelope(
                "env-1",
                "events_api",
                eventCallback("EvS1", message("CSOCKET01", "1700002000.000100", PASTE))));
        assertThat(ws.ack("env-1").get("_connection").getAsInt()).isZero();
        FakeSlackApi.Call post = fake.await("chat.postMessage", 1, WAIT).get(0);
        assertThat(post.params())
            .containsEntry("channel", "CSOCKET01")
            .containsEntry("thread_ts", "1700002000.000100");

        JsonObject command = new JsonObject();
        command.addProperty("token", "verification-token");
        command.addProperty("team_id", FakeSlackApi.TEAM);
        command.addProperty("channel_id", "CSOCKET01");
        command.addProperty("user_id", "UALICE001");
        command.addProperty("command", SlackSurface.COMMAND);
        command.addProperty("text", PASTE);
        command.addProperty("response_url", fake.responseUrl("sock"));
        command.addProperty("trigger_id", "1.2.3");
        command.addProperty("api_app_id", "ATEST0001");
        first.send(envelope("env-2", "slash_commands", command));
        ws.ack("env-2");
        assertThat(fake.await("/respond/sock", 1, WAIT).get(0).body())
            .contains("pod-ip-exhaustion");

        JsonObject reaction = new JsonObject();
        reaction.addProperty("type", "reaction_added");
        reaction.addProperty("user", "UALICE001");
        reaction.addProperty("reaction", "eyes");
        first.send(envelope("env-3", "events_api", eventCallback("EvS3", reaction)));
        ws.ack("env-3");

        int opens = fake.calls("apps.connections.open").size();
        first.send(
            "{\"type\":\"disconnect\",\"reason\":\"refresh_requested\",\"debug_info\":{\"host\":\"fake\"}}");
        WebSocket second = ws.connections.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(second).isNotNull().isNotSameAs(first);
        // A fresh URL for the new connection, as Slack asks after a disconnect.
        assertThat(fake.calls("apps.connections.open")).hasSize(opens + 1);
        second.send(
            envelope(
                "env-4",
                "events_api",
                eventCallback("EvS4", message("CSOCKET02", "1700002001.000100", PASTE))));
        assertThat(ws.ack("env-4").get("_connection").getAsInt()).isEqualTo(1);
        assertThat(fake.await("chat.postMessage", 2, WAIT).get(1).params())
            .containsEntry("channel", "CSOCKET02");
      }
    } finally {
      ws.stop(1000);
    }
  }
}

package dev.runtimedoctor.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.runtimedoctor.bot.config.Config;
import dev.runtimedoctor.bot.diagnosis.DiagnosisService;
import dev.runtimedoctor.bot.fake.FakeSlackApi;
import dev.runtimedoctor.bot.http.SlackServer;
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
          SlackServer.start(
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

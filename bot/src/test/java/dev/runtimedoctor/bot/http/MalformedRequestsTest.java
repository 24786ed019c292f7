package dev.runtimedoctor.bot.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Correctly signed requests that are not what Slack sends, and replays of ones that are: refused
 * with a 4xx, logged in one line without a word of the body, and the bot still ready.
 */
class MalformedRequestsTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  /** In every body: never in a log line. */
  private static final String MARK = "hunter2-SECRET-MARK";

  private static SlackHarness h;

  @BeforeAll
  static void start() throws Exception {
    h = SlackHarness.start();
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  private static JsonObject validEvent() {
    return JsonParser.parseString(
            SlackHarness.callback(
                SlackHarness.message(
                    "CGENERAL1", "UALICE001", "1700003000.000100", "password=" + MARK),
                "EvMal1"))
        .getAsJsonObject();
  }

  private static HttpResponse<String> json(String body) throws Exception {
    return h.signed(body.getBytes(StandardCharsets.UTF_8), "application/json", Map.of());
  }

  private static HttpResponse<String> form(String body) throws Exception {
    return h.signed(
        body.getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded", Map.of());
  }

  private static void assertCleanLog(LogCapture logs) {
    assertThat(logs.events()).noneMatch(e -> e.getThrowableProxy() != null);
    assertThat(logs.events()).noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.ERROR));
    assertThat(logs.lines()).noneMatch(l -> l.contains(MARK) || l.contains("hunter2"));
  }

  @Test
  @DisplayName(
      "an event that is a string, a text that is an array, a bad % escape: 400, one clean line")
  void unexpectedShapes() throws Exception {
    try (LogCapture logs = new LogCapture()) {
      JsonObject eventString = validEvent();
      eventString.addProperty("event", "message " + MARK);
      assertThat(json(eventString.toString()).statusCode()).isEqualTo(400);

      JsonObject textArray = validEvent();
      JsonArray text = new JsonArray();
      text.add(MARK);
      textArray.getAsJsonObject("event").add("text", text);
      assertThat(json(textArray.toString()).statusCode()).isEqualTo(400);

      String command =
          new String(
              SlackHarness.commandBody("x", "UALICE001", h.fake.responseUrl("mal")),
              StandardCharsets.UTF_8);
      assertThat(form(command.replace("text=x", "text=" + MARK + "%zz")).statusCode())
          .isEqualTo(400);

      JsonObject payloadString = new JsonObject();
      assertThat(form("payload=" + URLEncoder.encode("\"" + MARK + "\"", StandardCharsets.UTF_8)))
          .extracting(HttpResponse::statusCode)
          .isEqualTo(400);
      assertThat(payloadString.size()).isZero();

      assertThat(logs.lines())
          .filteredOn(l -> l.contains("request malformed"))
          .hasSize(4)
          .allMatch(l -> l.startsWith("WARN"));
      assertCleanLog(logs);
    }
    assertThat(h.fake.calls("chat.postMessage")).isEmpty();
    assertThat(h.get("/readyz").statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("a signed timestamp of now - 2^63 is refused as stale, not taken as current")
  void timestampOverflow() throws Exception {
    byte[] body = validEvent().toString().getBytes(StandardCharsets.UTF_8);
    long overflowing = h.now() + Long.MIN_VALUE;
    var r = h.post(body, "application/json", overflowing, null, Map.of());
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(h.metric("runtime_doctor_slack_requests_total", "kind=\"refused\""))
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  @DisplayName("the same signed slash command sent twice within five minutes is answered once")
  void replayAnsweredOnce() throws Exception {
    byte[] body = SlackHarness.commandBody("help", "UALICE001", h.fake.responseUrl("replay"));
    long ts = h.now();
    String type = "application/x-www-form-urlencoded";
    assertThat(h.post(body, type, ts, null, Map.of()).statusCode()).isEqualTo(200);
    assertThat(h.post(body, type, ts, null, Map.of()).statusCode()).isEqualTo(200);
    assertThat(h.metric("runtime_doctor_slack_dropped_total", "reason=\"replay\"")).isEqualTo(1);
    // One worker: once a later command is answered, the first is done.
    h.command("help", "UALICE001", "after-replay");
    h.fake.await("/respond/after-replay", 1, WAIT);
    assertThat(h.fake.calls("/respond/replay")).hasSize(1);
  }

  @Test
  @DisplayName(
      "300 random malformed bodies, correctly signed: each a 4xx, nothing thrown or quoted in the"
          + " log, the bot still ready")
  void randomMalformedBodies() throws Exception {
    Random random = new Random(2026);
    try (LogCapture logs = new LogCapture()) {
      for (int i = 0; i < 300; i++) {
        Malformed m = malformed(random, i);
        HttpResponse<String> r = h.signed(m.body(), m.contentType(), Map.of());
        assertThat(r.statusCode())
            .as("case %d (%s): %s", i, m.kind(), new String(m.body(), StandardCharsets.UTF_8))
            .isBetween(400, 499);
      }
      assertCleanLog(logs);
    }
    assertThat(h.get("/readyz").statusCode()).isEqualTo(200);
    // And it still answers.
    h.command("help", "UALICE001", "after-fuzz");
    h.fake.await("/respond/after-fuzz", 1, WAIT);
  }

  /** A malformed body, what kind it is, and how it is sent. */
  record Malformed(String kind, byte[] body, String contentType) {}

  private static final String JSON = "application/json";
  private static final String FORM = "application/x-www-form-urlencoded";

  private static Malformed malformed(Random r, int i) {
    JsonObject event = validEvent();
    event.addProperty("event_id", "EvFuzz" + i);
    switch (r.nextInt(8)) {
      case 0 -> {
        String s = event.toString();
        return utf8("truncated json", s.substring(0, 1 + r.nextInt(s.length() - 2)), JSON);
      }
      case 1 -> {
        return utf8("json not an object", other(r).toString(), JSON);
      }
      case 2 -> {
        event.add("event", notObject(r));
        return utf8("event not an object", event.toString(), JSON);
      }
      case 3 -> {
        String[] fields = {"text", "user", "channel", "ts", "thread_ts", "subtype", "type"};
        event.getAsJsonObject("event").add(fields[r.nextInt(fields.length)], notString(r));
        return utf8("event field of another type", event.toString(), JSON);
      }
      case 4 -> {
        String command =
            new String(
                SlackHarness.commandBody(MARK, "UALICE001", "http://127.0.0.1:1/x"),
                StandardCharsets.UTF_8);
        int at = r.nextInt(command.length());
        String[] bad = {"%z", "%zz", "%G0", "%%"};
        String s = command.substring(0, at) + bad[r.nextInt(bad.length)] + command.substring(at);
        return utf8("bad escape", s, FORM);
      }
      case 5 -> {
        JsonElement payload =
            r.nextBoolean() ? other(r) : new JsonPrimitive("{\"type\":\"block_actions\"," + MARK);
        String p = payload.isJsonPrimitive() ? payload.getAsString() : payload.toString();
        return utf8(
            "payload not an object",
            "payload=" + URLEncoder.encode(p, StandardCharsets.UTF_8),
            FORM);
      }
      case 6 -> {
        byte[] bytes = new byte[1 + r.nextInt(200)];
        r.nextBytes(bytes);
        bytes[0] = '#';
        return new Malformed("binary", bytes, r.nextBoolean() ? JSON : FORM);
      }
      default -> {
        return utf8("unknown content type", event.toString(), "text/plain");
      }
    }
  }

  private static Malformed utf8(String kind, String body, String contentType) {
    return new Malformed(kind, body.getBytes(StandardCharsets.UTF_8), contentType);
  }

  /** A JSON value that is not an object. */
  private static JsonElement notObject(Random r) {
    return switch (r.nextInt(4)) {
      case 0 -> new JsonPrimitive("message " + MARK);
      case 1 -> new JsonPrimitive(r.nextInt());
      case 2 -> new JsonPrimitive(r.nextBoolean());
      default -> {
        JsonArray a = new JsonArray();
        a.add(MARK);
        yield a;
      }
    };
  }

  /** A JSON value that is not a string. */
  private static JsonElement notString(Random r) {
    return switch (r.nextInt(3)) {
      case 0 -> {
        JsonArray a = new JsonArray();
        a.add(MARK);
        yield a;
      }
      case 1 -> {
        JsonObject o = new JsonObject();
        o.addProperty("v", MARK);
        yield o;
      }
      default -> new JsonPrimitive(r.nextInt());
    };
  }

  /** A top-level JSON value other than an object. */
  private static JsonElement other(Random r) {
    List<JsonElement> values = new ArrayList<>(List.of(notObject(r), JsonNull.INSTANCE));
    return values.get(r.nextInt(values.size()));
  }
}

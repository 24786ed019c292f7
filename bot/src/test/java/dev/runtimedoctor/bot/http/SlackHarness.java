package dev.runtimedoctor.bot.http;

import com.google.gson.JsonObject;
import dev.runtimedoctor.bot.cluster.ClusterAccess;
import dev.runtimedoctor.bot.cluster.ClusterLocation;
import dev.runtimedoctor.bot.cluster.ClusterSettings;
import dev.runtimedoctor.bot.config.Config;
import dev.runtimedoctor.bot.config.Secret;
import dev.runtimedoctor.bot.diagnosis.DiagnosisService;
import dev.runtimedoctor.bot.fake.FakeSlackApi;
import dev.runtimedoctor.bot.serve.BotServer;
import dev.runtimedoctor.bot.slack.SlackSurface;
import dev.runtimedoctor.bot.slack.SlackTuning;
import dev.runtimedoctor.knowledge.entry.KnowledgeBase;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bot in HTTP mode on loopback against the fake Web API, and a client that sends it signed
 * requests the way Slack does. One worker, so work is done in the order it arrived: a test can send
 * a message that must be ignored, then one that must be answered, and once the second answer is in
 * know the first was handled. Several harnesses can share one fake: replicas of one Slack app.
 */
public final class SlackHarness implements AutoCloseable {
  public static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  public static final DiagnosisService SERVICE =
      DiagnosisService.of(KnowledgeBase.bundledWith(List.of()));

  /** A paste the bundled knowledge recognises as pod-ip-exhaustion. */
  public static final String IP_PASTE =
      "Warning  FailedCreatePodSandBox  2m  kubelet  Failed to create pod sandbox: rpc error: code"
          + " = Unknown desc = failed to setup network for sandbox \"4b1e\": failed to allocate for"
          + " range 0: no IP addresses available in range set: 10.48.131.1-10.48.131.62";

  /** A paste recognised as private-registry-x509. */
  public static final String X509_PASTE =
      "Failed to pull image \"registry.corp.example/app:1.2\": rpc error: code = Unknown desc ="
          + " failed to pull and unpack image \"registry.corp.example/app:1.2\": failed to resolve"
          + " reference \"registry.corp.example/app:1.2\": failed to do request: Head"
          + " \"https://registry.corp.example/v2/app/manifests/1.2\": x509: certificate signed by"
          + " unknown authority";

  public final FakeSlackApi fake;
  public final SlackServer server;
  final Clock clock;
  private final boolean ownsFake;
  private final Path feedback;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final SignatureVerifier signer;
  private final AtomicInteger ids = new AtomicInteger();

  private SlackHarness(
      FakeSlackApi fake, SlackServer server, Clock clock, boolean ownsFake, Path feedback) {
    this.fake = fake;
    this.server = server;
    this.clock = clock;
    this.ownsFake = ownsFake;
    this.feedback = feedback;
    this.signer = new SignatureVerifier(new Secret(SECRET), clock);
  }

  public static SlackTuning tuning() {
    return SlackTuning.defaults()
        .withRetry(3, Duration.ofMillis(20), Duration.ofSeconds(2))
        .withBootRetry(Duration.ofMillis(50))
        .withWorkers(1);
  }

  public static SlackHarness start() throws Exception {
    return start(Map.of());
  }

  public static SlackHarness start(Map<String, String> extraEnv) throws Exception {
    return start(SERVICE, extraEnv, tuning(), new PrintWriter(Writer.nullWriter()));
  }

  /** A bot that diagnoses with {@code service} instead of the bundled knowledge. */
  public static SlackHarness start(DiagnosisService service) throws Exception {
    return start(service, Map.of(), tuning(), new PrintWriter(Writer.nullWriter()));
  }

  /** A bot with its own fake and {@code tuning}. */
  public static SlackHarness start(Map<String, String> extraEnv, SlackTuning tuning)
      throws Exception {
    return start(SERVICE, extraEnv, tuning, new PrintWriter(Writer.nullWriter()));
  }

  /** A bot with its own fake and {@code tuning}, printing to {@code stdout}. */
  public static SlackHarness start(
      Map<String, String> extraEnv, SlackTuning tuning, PrintWriter stdout) throws Exception {
    return start(SERVICE, extraEnv, tuning, stdout);
  }

  private static SlackHarness start(
      DiagnosisService service,
      Map<String, String> extraEnv,
      SlackTuning tuning,
      PrintWriter stdout)
      throws Exception {
    FakeSlackApi fake = FakeSlackApi.start();
    try {
      return start(
          fake,
          extraEnv,
          ClusterAccess.open(ClusterLocation.NONE, ClusterSettings.DEFAULT),
          true,
          service,
          tuning,
          stdout);
    } catch (Exception | AssertionError e) {
      fake.close();
      throw e;
    }
  }

  /**
   * A bot on {@code fake}, which the caller closes; {@code clusters} is where its cluster checks
   * connect.
   */
  public static SlackHarness start(
      FakeSlackApi fake, Map<String, String> extraEnv, ClusterAccess clusters) throws Exception {
    return start(
        fake, extraEnv, clusters, false, SERVICE, tuning(), new PrintWriter(Writer.nullWriter()));
  }

  private static SlackHarness start(
      FakeSlackApi fake,
      Map<String, String> extraEnv,
      ClusterAccess clusters,
      boolean ownsFake,
      DiagnosisService service,
      SlackTuning tuning,
      PrintWriter stdout)
      throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("SLACK_BOT_TOKEN", "xoxb-test-token");
    env.put("SLACK_SIGNING_SECRET", SECRET);
    env.put("SLACK_API_URL", fake.apiUrl());
    env.put("PORT", "0");
    env.put("BOT_LANGUAGE", "en");
    // Unmatched pastes are logged: never into the working directory.
    Path feedback = Files.createTempFile("feedback", ".jsonl");
    env.put("FEEDBACK_LOG", feedback.toString());
    env.putAll(extraEnv);
    Clock clock = Clock.systemUTC();
    SlackServer server =
        BotServer.start(Config.fromEnv(env), service, tuning, clock, "127.0.0.1", clusters, stdout);
    if (!server.awaitReady(Duration.ofSeconds(10))) {
      server.close();
      throw new AssertionError("server not ready");
    }
    return new SlackHarness(fake, server, clock, ownsFake, feedback);
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(5)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Posts {@code body} signed at {@code timestamp} with {@code signature} (null: the right one).
   */
  HttpResponse<String> post(
      byte[] body,
      String contentType,
      long timestamp,
      String signature,
      Map<String, String> headers)
      throws IOException, InterruptedException {
    String ts = Long.toString(timestamp);
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri(SlackSurface.EVENTS_PATH))
            .timeout(Duration.ofSeconds(5))
            .header("Content-Type", contentType)
            .header("X-Slack-Request-Timestamp", ts)
            .header("X-Slack-Signature", signature == null ? signer.sign(ts, body) : signature)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(b::header);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  long now() {
    return clock.millis() / 1000;
  }

  public HttpResponse<String> signed(byte[] body, String contentType, Map<String, String> headers)
      throws IOException, InterruptedException {
    return post(body, contentType, now(), null, headers);
  }

  /** {@code /troubleshoot text} from {@code user}; its response_url is {@code /respond/<id>}. */
  public HttpResponse<String> command(String text, String user, String responseId)
      throws IOException, InterruptedException {
    return signed(
        commandBody(text, user, fake.responseUrl(responseId)),
        "application/x-www-form-urlencoded",
        Map.of());
  }

  static byte[] commandBody(String text, String user, String responseUrl) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("token", "verification-token");
    form.put("team_id", FakeSlackApi.TEAM);
    form.put("team_domain", "test");
    form.put("channel_id", "CGENERAL1");
    form.put("channel_name", "general");
    form.put("user_id", user);
    form.put("user_name", "someone");
    form.put("command", SlackSurface.COMMAND);
    form.put("text", text);
    form.put("api_app_id", "ATEST0001");
    form.put("response_url", responseUrl);
    form.put("trigger_id", "1.2.3");
    StringBuilder sb = new StringBuilder();
    form.forEach(
        (k, v) ->
            sb.append(sb.length() == 0 ? "" : "&")
                .append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A message event (event_callback) in {@code channel} from {@code user}. */
  public static JsonObject message(String channel, String user, String ts, String text) {
    JsonObject e = new JsonObject();
    e.addProperty("type", "message");
    e.addProperty("channel", channel);
    e.addProperty("channel_type", "channel");
    e.addProperty("user", user);
    e.addProperty("text", text);
    e.addProperty("ts", ts);
    e.addProperty("event_ts", ts);
    return e;
  }

  /** Wraps {@code event} as Slack delivers it; returns the body. */
  public static String callback(JsonObject event, String eventId) {
    JsonObject o = new JsonObject();
    o.addProperty("token", "verification-token");
    o.addProperty("team_id", FakeSlackApi.TEAM);
    o.addProperty("api_app_id", "ATEST0001");
    o.add("event", event);
    o.addProperty("type", "event_callback");
    o.addProperty("event_id", eventId);
    o.addProperty("event_time", 1_700_000_000);
    return o.toString();
  }

  public HttpResponse<String> event(JsonObject event, String eventId, Map<String, String> headers)
      throws IOException, InterruptedException {
    return signed(
        callback(event, eventId).getBytes(StandardCharsets.UTF_8), "application/json", headers);
  }

  public HttpResponse<String> event(JsonObject event) throws IOException, InterruptedException {
    return event(event, "Ev" + ids.incrementAndGet(), Map.of());
  }

  /** An interactive payload (block_actions, message_action) as Slack posts it: form-encoded. */
  public HttpResponse<String> interactive(JsonObject payload)
      throws IOException, InterruptedException {
    byte[] body =
        ("payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8))
            .getBytes(StandardCharsets.UTF_8);
    return signed(body, "application/x-www-form-urlencoded", Map.of());
  }

  /** The value of one sample of {@code /metrics}, 0 when absent. */
  public double metric(String name, String labels) throws IOException, InterruptedException {
    String text = get("/metrics").body();
    Matcher m =
        Pattern.compile(
                "(?m)^"
                    + Pattern.quote(name)
                    + (labels.isEmpty() ? "" : "\\{" + Pattern.quote(labels) + "\\}")
                    + " (\\S+)$")
            .matcher(text);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  /** Polls {@code /metrics} until the sample reaches {@code value}; returns the last value seen. */
  public double awaitMetric(String name, String labels, double value, Duration timeout)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    double v = metric(name, labels);
    while (v < value && System.nanoTime() < deadline) {
      Thread.onSpinWait();
      v = metric(name, labels);
    }
    return v;
  }

  @Override
  public void close() {
    server.close();
    if (ownsFake) {
      fake.close();
    }
    try {
      Files.deleteIfExists(feedback);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

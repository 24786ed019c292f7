package dev.runtimedoctor.bench;

import dev.runtimedoctor.bot.config.Config;
import dev.runtimedoctor.bot.config.Secret;
import dev.runtimedoctor.bot.diagnosis.DiagnosisService;
import dev.runtimedoctor.bot.diagnosis.KnowledgeSource;
import dev.runtimedoctor.bot.fake.FakeSlackApi;
import dev.runtimedoctor.bot.http.SignatureVerifier;
import dev.runtimedoctor.bot.http.SlackServer;
import dev.runtimedoctor.bot.serve.BotServer;
import dev.runtimedoctor.bot.slack.SlackSurface;
import dev.runtimedoctor.bot.slack.SlackTuning;
import dev.runtimedoctor.knowledge.entry.Entry;
import dev.runtimedoctor.knowledge.eval.SyntheticLogs;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench-slack}: starts {@code serve} in HTTP mode on loopback against an in-process fake Web
 * API, fires concurrent signed slash commands, and reports how many were acknowledged, the
 * acknowledgement times, and whether every answer reached the fake with the right entry.
 */
@Command(
    name = "bench-slack",
    description =
        "Load benchmark: concurrent signed /troubleshoot commands into serve on loopback.")
public final class BenchSlackCommand implements java.util.concurrent.Callable<Integer> {
  private final PrintWriter out;

  @Option(names = "--requests", description = "Concurrent commands measured (default 200).")
  int requests = 200;

  @Option(names = "--warmup", description = "Commands sent first and not measured (default 50).")
  int warmup = 50;

  /** Reports to {@code out}. */
  public BenchSlackCommand(PrintWriter out) {
    this.out = out;
  }

  private record Sent(String id, String expected, long nanos, int status) {}

  @Override
  public Integer call() throws Exception {
    byte[] secretBytes = new byte[16];
    new SecureRandom().nextBytes(secretBytes);
    Secret secret = new Secret(HexFormat.of().formatHex(secretBytes));
    DiagnosisService service = DiagnosisService.load(new KnowledgeSource(Optional.empty()));
    List<String[]> pastes = pastes(service.knowledge().entries());
    ExecutorService clientThreads = Executors.newFixedThreadPool(8, named("bench-client"));
    // The benchmark's bot logs any unmatched paste like a real one: not into the working directory.
    Path feedback = Files.createTempFile("bench-feedback", ".jsonl");
    try (FakeSlackApi fake = FakeSlackApi.start()) {
      Config config =
          Config.fromEnv(
              Map.of(
                  "SLACK_BOT_TOKEN",
                  "xoxb-bench",
                  "SLACK_SIGNING_SECRET",
                  secret.value(),
                  "SLACK_API_URL",
                  fake.apiUrl(),
                  "PORT",
                  "0",
                  "FEEDBACK_LOG",
                  feedback.toString()));
      try (SlackServer server =
          BotServer.start(
              config, service, SlackTuning.defaults(), Clock.systemUTC(), "127.0.0.1")) {
        if (!server.awaitReady(Duration.ofSeconds(30))) {
          throw new IllegalStateException("serve did not become ready");
        }
        HttpClient client =
            HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .executor(clientThreads)
                .build();
        URI uri = URI.create("http://127.0.0.1:" + server.port() + SlackSurface.EVENTS_PATH);
        SignatureVerifier signer = new SignatureVerifier(secret, Clock.systemUTC());
        out.printf(
            Locale.ROOT,
            "runtime-doctor bench-slack: %d cores, java %s, %d entries%n",
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"),
            service.knowledge().size());
        round(client, uri, signer, fake, pastes, "w", warmup);
        fake.await("/respond/", warmup, Duration.ofSeconds(60));
        long t0 = System.nanoTime();
        List<Sent> sent = round(client, uri, signer, fake, pastes, "m", requests);
        double wall = (System.nanoTime() - t0) / 1e6;
        return report(out, fake, sent, wall);
      }
    } finally {
      clientThreads.shutdownNow();
      Files.deleteIfExists(feedback);
    }
  }

  private int report(PrintWriter out, FakeSlackApi fake, List<Sent> sent, double wallMillis)
      throws InterruptedException {
    long acked = sent.stream().filter(s -> s.status() == 200).count();
    long[] nanos = sent.stream().mapToLong(Sent::nanos).sorted().toArray();
    int n = nanos.length;
    out.printf(
        Locale.ROOT,
        "%d concurrent signed slash commands: %d acknowledged (HTTP 200) in %.0f ms%n",
        requests,
        acked,
        wallMillis);
    out.printf(
        Locale.ROOT,
        "ack time: p50=%.1f ms  p99=%.1f ms  max=%.1f ms  (Slack's deadline: 3000 ms)%n",
        nanos[n / 2] / 1e6,
        nanos[Math.min(n - 1, (int) Math.ceil(n * 0.99) - 1)] / 1e6,
        nanos[n - 1] / 1e6);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    List<FakeSlackApi.Call> answers = List.of();
    while (System.nanoTime() < deadline) {
      answers = fake.calls(c -> c.path().startsWith("/respond/m-"));
      if (answers.size() >= requests) {
        break;
      }
      Thread.sleep(20);
    }
    Map<String, String> expected = new java.util.HashMap<>();
    sent.forEach(s -> expected.put(s.id(), s.expected()));
    long right =
        answers.stream()
            .filter(c -> c.body().contains(expected.get(c.path().substring("/respond/".length()))))
            .count();
    out.printf(
        Locale.ROOT,
        "answers at the fake Web API: %d of %d (%d naming the expected entry)%n",
        answers.size(),
        requests,
        right);
    out.flush();
    return acked == requests && answers.size() == requests && right == requests ? 0 : 1;
  }

  private static List<Sent> round(
      HttpClient client,
      URI uri,
      SignatureVerifier signer,
      FakeSlackApi fake,
      List<String[]> pastes,
      String prefix,
      int count) {
    List<CompletableFuture<Sent>> futures = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String[] paste = pastes.get(i % pastes.size());
      String id = prefix + "-" + i;
      byte[] body = commandBody(paste[1], fake.responseUrl(id), i).getBytes(StandardCharsets.UTF_8);
      String ts = Long.toString(System.currentTimeMillis() / 1000);
      HttpRequest req =
          HttpRequest.newBuilder(uri)
              .timeout(Duration.ofSeconds(10))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .header("X-Slack-Request-Timestamp", ts)
              .header("X-Slack-Signature", signer.sign(ts, body))
              .POST(HttpRequest.BodyPublishers.ofByteArray(body))
              .build();
      AtomicLong start = new AtomicLong(System.nanoTime());
      futures.add(
          client
              .sendAsync(req, HttpResponse.BodyHandlers.discarding())
              .handle(
                  (r, e) ->
                      new Sent(
                          id,
                          paste[0],
                          System.nanoTime() - start.get(),
                          e == null ? r.statusCode() : -1)));
    }
    return futures.stream().map(CompletableFuture::join).toList();
  }

  private static String commandBody(String text, String responseUrl, int i) {
    Map<String, String> form = new java.util.LinkedHashMap<>();
    form.put("token", "legacy-verification-token");
    form.put("team_id", FakeSlackApi.TEAM);
    form.put("team_domain", "bench");
    form.put("channel_id", "CBENCH01");
    form.put("channel_name", "bench");
    form.put("user_id", "UBENCH" + (i % 50));
    form.put("user_name", "bench");
    form.put("command", SlackSurface.COMMAND);
    form.put("text", text);
    form.put("api_app_id", "ABENCH01");
    form.put("response_url", responseUrl);
    form.put("trigger_id", "trigger-" + i);
    StringBuilder sb = new StringBuilder();
    form.forEach(
        (k, v) ->
            sb.append(sb.length() == 0 ? "" : "&")
                .append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return sb.toString();
  }

  /** One realistic error line per entry signature: {entry id, paste}. */
  private static List<String[]> pastes(List<Entry> entries) {
    SyntheticLogs logs = new SyntheticLogs(11);
    List<String[]> out = new ArrayList<>();
    for (Entry e : entries) {
      if (!e.signatures().isEmpty()) {
        out.add(new String[] {e.id(), logs.instantiate(e.signatures().get(0))});
      }
    }
    return out;
  }

  private static java.util.concurrent.ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}

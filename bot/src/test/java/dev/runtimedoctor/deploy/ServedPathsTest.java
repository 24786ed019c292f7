package dev.runtimedoctor.deploy;

import static dev.runtimedoctor.deploy.Yamls.get;
import static dev.runtimedoctor.deploy.Yamls.string;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimedoctor.bot.config.Config;
import dev.runtimedoctor.bot.diagnosis.DiagnosisService;
import dev.runtimedoctor.bot.diagnosis.KnowledgeSource;
import dev.runtimedoctor.bot.fake.FakeSlackApi;
import dev.runtimedoctor.bot.http.SlackServer;
import dev.runtimedoctor.bot.serve.BotServer;
import dev.runtimedoctor.bot.slack.SlackTuning;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the real {@code serve} on loopback with the environment the rendered Deployment gives it
 * (settings, Secret keys, the entries volume), against the fake Web API, and asks it for every path
 * the manifests point probes and scrapers at.
 */
class ServedPathsTest {
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  @DisplayName("HTTP mode: the probe and metrics paths answer 200 once ready, with the extra entry")
  void httpMode(@TempDir Path volumes) throws Exception {
    Rendered r = Rendered.of(Rendered.HTTP);
    try (FakeSlackApi fake = FakeSlackApi.start();
        Running bot = Running.start(r, fake, volumes)) {
      assertThat(bot.server.awaitReady(Duration.ofSeconds(20))).as("ready").isTrue();
      for (String path : paths(r)) {
        HttpResponse<String> response = fetch(bot.server, path);
        assertThat(response.statusCode()).as("GET " + path).isEqualTo(200);
      }
      // So a 200 above means served: an unknown path is not.
      assertThat(fetch(bot.server, "/no-such-path").statusCode()).isEqualTo(404);
      assertThat(fetch(bot.server, "/metrics").body()).contains("runtime_doctor_");
      assertThat(bot.service.knowledge().entries())
          .anySatisfy(e -> assertThat(e.id()).isEqualTo("dockerhub-pull-rate-limit"));
    }
  }

  @Test
  @DisplayName("Socket Mode: the same paths are served before the connection is up")
  void socketMode(@TempDir Path volumes) throws Exception {
    Rendered r = Rendered.of(Rendered.SOCKET);
    // No WebSocket server behind the fake: the bot keeps retrying and stays not ready.
    try (FakeSlackApi fake = FakeSlackApi.start();
        Running bot = Running.start(r, fake, volumes)) {
      assertThat(bot.config.socketMode()).isTrue();
      for (String path : paths(r)) {
        int status = fetch(bot.server, path).statusCode();
        assertThat(status)
            .as("GET " + path)
            .isIn(path.equals("/readyz") ? Set.of(200, 503) : Set.of(200));
      }
    }
  }

  /** Every path the Deployment has probed or scraped. */
  private static Set<String> paths(Rendered r) {
    Set<String> paths = new LinkedHashSet<>();
    for (String probe : new String[] {"startupProbe", "livenessProbe", "readinessProbe"}) {
      paths.add(string(r.container(), probe, "httpGet", "path"));
    }
    paths.add(
        (String)
            get(
                r.one("Deployment"),
                "spec",
                "template",
                "metadata",
                "annotations",
                "prometheus.io/path"));
    assertThat(paths).contains("/healthz", "/readyz", "/metrics");
    return paths;
  }

  private HttpResponse<String> fetch(SlackServer server, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .timeout(Duration.ofSeconds(5))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The bot as the pod would run it, but on a free loopback port and the fake Web API. */
  private record Running(Config config, DiagnosisService service, SlackServer server)
      implements AutoCloseable {
    static Running start(Rendered r, FakeSlackApi fake, Path volumes) throws Exception {
      Map<String, String> env = new HashMap<>(r.environment(Rendered.FAKE_SECRETS, volumes));
      env.put("PORT", "0");
      env.put("SLACK_API_URL", fake.apiUrl());
      Config config = Config.fromEnv(env);
      DiagnosisService service = DiagnosisService.load(new KnowledgeSource(config.knowledgeDir()));
      SlackTuning tuning = SlackTuning.defaults().withBootRetry(Duration.ofMillis(100));
      return new Running(
          config,
          service,
          BotServer.start(config, service, tuning, Clock.systemUTC(), "127.0.0.1"));
    }

    @Override
    public void close() {
      server.close();
    }
  }
}

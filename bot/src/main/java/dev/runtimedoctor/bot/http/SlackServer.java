package dev.runtimedoctor.bot.http;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import dev.runtimedoctor.bot.cluster.ClusterAccess;
import dev.runtimedoctor.bot.cluster.ClusterSettings;
import dev.runtimedoctor.bot.config.Config;
import dev.runtimedoctor.bot.diagnosis.DiagnosisService;
import dev.runtimedoctor.bot.slack.BotIdentity;
import dev.runtimedoctor.bot.slack.SlackBot;
import dev.runtimedoctor.bot.slack.SlackMetrics;
import dev.runtimedoctor.bot.slack.SlackTuning;
import dev.runtimedoctor.bot.slack.api.SlackCallException;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running bot ({@code serve}): Jetty on {@code PORT} for health, readiness and metrics — and in
 * HTTP mode for Slack's requests — plus a boot thread that retries {@code auth.test} until it
 * passes, then starts the Bolt app (and in Socket Mode its connection). Ready only after that.
 */
public final class SlackServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SlackServer.class);
  private static final int HTTP_THREADS = 64;

  private final Config config;
  private final SlackBot bot;
  private final SlackTuning tuning;
  private final Server jetty;
  private final AtomicReference<BoltEndpoint> endpoint = new AtomicReference<>();
  private final AtomicReference<SocketModeApp> socket = new AtomicReference<>();
  private final CountDownLatch ready = new CountDownLatch(1);
  private final Thread boot;
  private volatile boolean closed;

  private SlackServer(Config config, SlackBot bot, SlackTuning tuning, Clock clock, String host) {
    this.config = config;
    this.bot = bot;
    this.tuning = tuning;
    QueuedThreadPool threads = new QueuedThreadPool(HTTP_THREADS, 4);
    threads.setName("http");
    this.jetty = new Server(threads);
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost(host);
    connector.setPort(config.port());
    connector.setIdleTimeout(30_000);
    jetty.addConnector(connector);
    Optional<SignatureVerifier> verifier =
        config.socketMode()
            ? Optional.empty()
            : config.signingSecret().map(s -> new SignatureVerifier(s, clock));
    jetty.setHandler(
        new SlackHttpHandler(
            () -> Optional.ofNullable(endpoint.get()), verifier, this::ready, bot.metrics()));
    this.boot = new Thread(this::boot, "slack-boot");
    boot.setDaemon(true);
  }

  /**
   * Starts serving, with no cluster for the checks (they answer "unavailable": tests, benchmarks).
   *
   * @param host the address to listen on; null for every interface
   */
  public static SlackServer start(
      Config config, DiagnosisService service, SlackTuning tuning, Clock clock, String host)
      throws Exception {
    return start(
        config,
        service,
        tuning,
        clock,
        host,
        ClusterAccess.fromEnv(Map.of(), ClusterSettings.DEFAULT));
  }

  /**
   * Starts serving, with feedback records (when {@code FEEDBACK_LOG=-}) on the process's standard
   * output.
   *
   * @param host the address to listen on; null for every interface
   * @param clusters where cluster checks connect; closed with the server
   */
  public static SlackServer start(
      Config config,
      DiagnosisService service,
      SlackTuning tuning,
      Clock clock,
      String host,
      ClusterAccess clusters)
      throws Exception {
    return start(
        config,
        service,
        tuning,
        clock,
        host,
        clusters,
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
  }

  /**
   * Starts serving.
   *
   * @param host the address to listen on; null for every interface
   * @param clusters where cluster checks connect; closed with the server
   * @param stdout standard output: feedback records go there when {@code FEEDBACK_LOG=-}
   */
  public static SlackServer start(
      Config config,
      DiagnosisService service,
      SlackTuning tuning,
      Clock clock,
      String host,
      ClusterAccess clusters,
      PrintWriter stdout)
      throws Exception {
    SlackBot bot = new SlackBot(config, service, tuning, clock, clusters, stdout);
    SlackServer server = new SlackServer(config, bot, tuning, clock, host);
    try {
      server.jetty.start();
    } catch (Exception e) {
      bot.close();
      throw e;
    }
    server.boot.start();
    log.info(
        "serving port={} mode={} api={}",
        server.port(),
        config.socketMode() ? "socket" : "http",
        config.apiUrl());
    return server;
  }

  private void boot() {
    while (!closed) {
      try {
        BotIdentity self = bot.authenticate();
        App app = bot.startApp(self);
        if (config.socketMode()) {
          socket.set(bot.startSocketMode(app));
        } else {
          endpoint.set(BoltEndpoint.of(app));
        }
        ready.countDown();
        log.info("ready bot_user={}", self.userId());
        return;
      } catch (SlackCallException | IOException | RuntimeException e) {
        // "auth.test failed: io" alone does not say where nor why: name the API and the cause.
        log.warn(
            "not ready yet, retrying in {} ms: {} (api={}{})",
            tuning.bootRetry().toMillis(),
            e.getMessage(),
            config.apiUrl(),
            cause(e));
      }
      try {
        Thread.sleep(tuning.bootRetry().toMillis());
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** The deepest cause's class and message, e.g. {@code ConnectException: Connection refused}. */
  private static String cause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root == e) {
      return "";
    }
    String message = root.getMessage();
    return " cause="
        + root.getClass().getSimpleName()
        + (message == null || message.isBlank() ? "" : ": " + message.lines().findFirst().get());
  }

  /** The port Jetty listens on (the chosen one when {@code PORT} was 0). */
  public int port() {
    return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
  }

  /** Whether the knowledge is loaded and {@code auth.test} passed. */
  public boolean ready() {
    return ready.getCount() == 0;
  }

  /** Waits until ready; false when {@code timeout} passed first. */
  public boolean awaitReady(Duration timeout) throws InterruptedException {
    return ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  public SlackMetrics metrics() {
    return bot.metrics();
  }

  @Override
  public void close() {
    closed = true;
    boot.interrupt();
    SocketModeApp s = socket.get();
    if (s != null) {
      try {
        s.close();
      } catch (Exception e) {
        log.warn("socket mode close failed: {}", e.getMessage());
      }
    }
    try {
      jetty.stop();
    } catch (Exception e) {
      log.warn("http server stop failed: {}", e.getMessage());
    }
    BoltEndpoint b = endpoint.get();
    if (b != null) {
      b.app().stop();
    }
    bot.close();
  }
}

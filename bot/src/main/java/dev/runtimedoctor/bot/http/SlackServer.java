package dev.runtimedoctor.bot.http;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import dev.runtimedoctor.bot.config.Config;
import dev.runtimedoctor.bot.slack.BotIdentity;
import dev.runtimedoctor.bot.slack.SlackMetrics;
import dev.runtimedoctor.bot.slack.SlackTuning;
import dev.runtimedoctor.bot.slack.api.SlackCallException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
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
  private final SlackBackend bot;
  private final SlackTuning tuning;
  private final Server jetty;
  private final AtomicReference<BoltEndpoint> endpoint = new AtomicReference<>();
  private final AtomicReference<SocketModeApp> socket = new AtomicReference<>();
  private final CountDownLatch ready = new CountDownLatch(1);
  private final Thread boot;
  private volatile boolean closed;

  private SlackServer(
      Config config, SlackBackend bot, SlackTuning tuning, Clock clock, String host) {
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
   * Starts Jetty, then boots {@code backend} on a thread of its own until {@code auth.test} passes.
   *
   * @param host the address to listen on; null for every interface
   * @param backend the Slack app to boot and serve; closed with the server
   */
  public static SlackServer start(
      Config config, SlackBackend backend, SlackTuning tuning, Clock clock, String host)
      throws Exception {
    SlackServer server = new SlackServer(config, backend, tuning, clock, host);
    try {
      server.jetty.start();
    } catch (Exception e) {
      backend.close();
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

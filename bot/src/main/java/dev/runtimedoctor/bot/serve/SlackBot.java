package dev.runtimedoctor.bot.serve;

import com.github.benmanes.caffeine.cache.Cache;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.response.auth.AuthTestResponse;
import dev.runtimedoctor.bot.cluster.ClusterAccess;
import dev.runtimedoctor.bot.config.Config;
import dev.runtimedoctor.bot.config.Secret;
import dev.runtimedoctor.bot.diagnosis.DiagnosisService;
import dev.runtimedoctor.bot.diagnosis.KnowledgeWatcher;
import dev.runtimedoctor.bot.feedback.FeedbackLog;
import dev.runtimedoctor.bot.http.SlackBackend;
import dev.runtimedoctor.bot.slack.BotIdentity;
import dev.runtimedoctor.bot.slack.SlackMetrics;
import dev.runtimedoctor.bot.slack.SlackSurface;
import dev.runtimedoctor.bot.slack.SlackTuning;
import dev.runtimedoctor.bot.slack.api.SlackCallException;
import dev.runtimedoctor.bot.slack.api.SlackGateway;
import dev.runtimedoctor.bot.slack.handler.Actions;
import dev.runtimedoctor.bot.slack.handler.BotMessageFilter;
import dev.runtimedoctor.bot.slack.handler.ButtonPress;
import dev.runtimedoctor.bot.slack.handler.ChannelEvents;
import dev.runtimedoctor.bot.slack.handler.ChecksButtonHandler;
import dev.runtimedoctor.bot.slack.handler.CommandHandler;
import dev.runtimedoctor.bot.slack.handler.FeedbackHandler;
import dev.runtimedoctor.bot.slack.handler.HomeTab;
import dev.runtimedoctor.bot.slack.handler.MessageEvents;
import dev.runtimedoctor.bot.slack.handler.OtherLanguageHandler;
import dev.runtimedoctor.bot.slack.handler.ShareHandler;
import dev.runtimedoctor.bot.slack.handler.ShortcutHandler;
import dev.runtimedoctor.bot.slack.handler.SocketModeDispatch;
import dev.runtimedoctor.bot.slack.handler.Workers;
import dev.runtimedoctor.bot.slack.pipeline.Admission;
import dev.runtimedoctor.bot.slack.pipeline.AnswerLanguage;
import dev.runtimedoctor.bot.slack.pipeline.CheckPermissions;
import dev.runtimedoctor.bot.slack.pipeline.ClusterCheckRunner;
import dev.runtimedoctor.bot.slack.pipeline.Diagnoser;
import dev.runtimedoctor.bot.slack.pipeline.FeedbackRecorder;
import dev.runtimedoctor.bot.slack.pipeline.IncidentChannels;
import dev.runtimedoctor.bot.slack.pipeline.IncidentDigest;
import dev.runtimedoctor.bot.slack.pipeline.PasteReader;
import dev.runtimedoctor.bot.slack.pipeline.PasteReading;
import dev.runtimedoctor.bot.slack.pipeline.ThreadAnswerer;
import dev.runtimedoctor.bot.slack.pipeline.ThreadReply;
import dev.runtimedoctor.bot.slack.render.Answer;
import dev.runtimedoctor.bot.slack.render.AnswerRenderer;
import dev.runtimedoctor.bot.slack.render.CheckRenderer;
import dev.runtimedoctor.bot.slack.state.Caches;
import dev.runtimedoctor.bot.slack.state.ChannelRateLimit;
import dev.runtimedoctor.bot.slack.state.LanguagePreferences;
import dev.runtimedoctor.bot.slack.state.RecentKeys;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the Slack side of the bot: the Web API client pointed at {@code SLACK_API_URL} with
 * timeouts, the worker pool, the caches, the feedback log, the cluster checks, and a Bolt app with
 * every handler registered under the names in {@link SlackSurface}. One instance per running bot;
 * tests build their own.
 */
public final class SlackBot implements SlackBackend {
  private static final Logger log = LoggerFactory.getLogger(SlackBot.class);

  /** Envelopes handled at once in Socket Mode (Bolt handles one at a time unless told). */
  private static final int SOCKET_CONCURRENCY = 8;

  /** How often a message showing cluster checks is updated while they run. */
  private static final Duration CHECK_UPDATES = Duration.ofSeconds(1);

  /** How long {@code KNOWLEDGE_DIR} must stay unchanged before the knowledge is reloaded. */
  private static final Duration KNOWLEDGE_SETTLE = Duration.ofSeconds(2);

  private final Config config;
  private final DiagnosisService service;
  private final SlackTuning tuning;
  private final Clock clock;
  private final Slack slack;
  private final SlackMetrics metrics = new SlackMetrics();
  private final SlackGateway gateway;
  private final Workers workers;
  private final ClusterAccess clusters;
  private final ThreadPoolExecutor socketPool;
  private final PrintWriter stdout;
  private final Optional<KnowledgeWatcher> knowledgeWatch;

  /**
   * @param clusters the cluster checks' connection, closed with the bot
   * @param stdout the process's standard output, where feedback goes with {@code FEEDBACK_LOG=-}
   */
  public SlackBot(
      Config config,
      DiagnosisService service,
      SlackTuning tuning,
      Clock clock,
      ClusterAccess clusters,
      PrintWriter stdout) {
    this.config = config;
    this.stdout = stdout;
    this.service = service;
    this.tuning = tuning;
    this.clock = clock;
    this.clusters = clusters;
    SlackConfig sc = new SlackConfig();
    sc.setMethodsEndpointUrlPrefix(config.apiUrl());
    int timeout = (int) tuning.httpTimeout().toMillis();
    sc.setHttpClientReadTimeoutMillis(timeout);
    sc.setHttpClientWriteTimeoutMillis(timeout);
    sc.setHttpClientCallTimeoutMillis(timeout);
    // Our own metrics count calls; the SDK's would start background threads for nothing.
    sc.setStatsEnabled(false);
    this.slack = Slack.getInstance(sc);
    this.gateway = new SlackGateway(slack, config.botToken().value(), tuning, metrics);
    this.workers = new Workers(tuning.workers(), tuning.queue(), metrics);
    this.socketPool = socketPool();
    this.knowledgeWatch = config.knowledgeDir().flatMap(dir -> watch(dir, service));
  }

  /**
   * Threads that acknowledge Socket Mode envelopes (the slow work goes on to the workers). An
   * envelope refused by a full queue is not acknowledged, and Slack delivers it again.
   */
  private static ThreadPoolExecutor socketPool() {
    AtomicInteger n = new AtomicInteger();
    return new ThreadPoolExecutor(
        SOCKET_CONCURRENCY,
        SOCKET_CONCURRENCY,
        60,
        TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(1_000),
        r -> {
          Thread t = new Thread(r, "slack-socket-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        },
        (r, pool) -> log.warn("socket envelope dropped, pool busy"));
  }

  @Override
  public SlackMetrics metrics() {
    return metrics;
  }

  /** Who the bot is, by {@code auth.test}; fails when the token or the Web API is not right. */
  @Override
  public BotIdentity authenticate() throws SlackCallException {
    AuthTestResponse r = gateway.authTest();
    return new BotIdentity(r.getUserId(), r.getBotId(), r.getTeamId(), r.getUrl());
  }

  /**
   * Builds and starts the Bolt app. Its own {@code auth.test} happens here, at boot, and is cached
   * for good so that no request waits on the Web API before its acknowledgement.
   */
  @Override
  public App startApp(BotIdentity self) {
    AppConfig appConfig =
        AppConfig.builder()
            .slack(slack)
            .singleTeamBotToken(config.botToken().value())
            .signingSecret(config.signingSecret().map(Secret::value).orElse(null))
            // Checked on the raw bytes by the HTTP adapter; Socket Mode needs none.
            .requestVerificationEnabled(false)
            // Our filter drops every bot; Bolt's would call bots.info before acknowledging.
            .ignoringSelfEventsEnabled(false)
            // An event without a listener is acknowledged instead of answered 404.
            .allEventsApiAutoAckEnabled(true)
            // Anything else no handler takes (an old button, a renamed command) is acknowledged
            // too: a 404 makes Slack retry, and in Socket Mode leaves the envelope unacked.
            .unmatchedRequestHandler(
                req -> {
                  metrics.dropped("unmatched");
                  log.warn("no handler for request type={}", req.getRequestType());
                  return Response.ok();
                })
            .authTestCacheEnabled(true)
            .authTestCacheExpirationMillis(-1)
            .threadPoolSize(1)
            .build();
    App app = new App(appConfig);
    register(app, self);
    app.start();
    log.info("slack app started bot_user={} team={}", self.userId(), self.teamId());
    return app;
  }

  private void register(App app, BotIdentity self) {
    app.use(Workers.refuseWhenBusy());
    app.use(new BotMessageFilter(self, metrics));
    Cache<String, Answer> answers = Caches.bounded(10_000, Duration.ofHours(1), clock);
    LanguagePreferences preferences = new LanguagePreferences();
    AnswerLanguage languages =
        new AnswerLanguage(
            preferences,
            gateway,
            Caches.bounded(50_000, Duration.ofHours(6), clock),
            config.language());
    AnswerRenderer renderer = new AnswerRenderer();
    FeedbackRecorder feedback =
        new FeedbackRecorder(new FeedbackLog(config.feedbackLog(), stdout), metrics, clock);
    CheckPermissions permissions =
        new CheckPermissions(config.checksAllowedUsers(), config.checksAllowedChannels());
    Diagnoser diagnoser =
        new Diagnoser(
            service,
            renderer,
            languages,
            answers,
            metrics,
            feedback,
            permissions,
            tuning.diagnosing());
    ClusterCheckRunner checks =
        new ClusterCheckRunner(clusters, permissions, new CheckRenderer(), metrics, CHECK_UPDATES);
    PasteReader reader = new PasteReader(gateway);
    RecentKeys seenEvents = new RecentKeys(50_000, Duration.ofHours(1), clock);

    app.command(
        SlackSurface.COMMAND,
        new CommandHandler(
            service, diagnoser, renderer, preferences, checks, gateway, workers, metrics));
    app.messageShortcut(
        SlackSurface.SHORTCUT_CALLBACK_ID,
        new ShortcutHandler(diagnoser, reader, gateway, workers, metrics, renderer));

    action(
        app,
        SlackSurface.ACTION_SHARE,
        new ShareHandler(diagnoser, renderer, gateway, metrics)::handle);
    action(
        app,
        SlackSurface.ACTION_RUN_CHECKS,
        new ChecksButtonHandler(checks, diagnoser, service, gateway, renderer)::handle);
    FeedbackHandler votes =
        new FeedbackHandler(
            feedback,
            service,
            gateway,
            new RecentKeys(50_000, Duration.ofDays(1), clock),
            renderer);
    action(app, SlackSurface.ACTION_HELPFUL, votes::helpful);
    action(app, SlackSurface.ACTION_NOT_IT, votes::notIt);
    action(app, SlackSurface.ACTION_ACTUAL_ENTRY, votes::actual);
    action(
        app,
        SlackSurface.ACTION_OTHER_LANGUAGE,
        new OtherLanguageHandler(diagnoser, gateway, renderer)::handle);
    HomeTab home =
        new HomeTab(service, languages, gateway, seenEvents, workers, metrics, diagnoser);
    home.register(app);
    action(app, SlackSurface.ACTION_HOME_SEARCH, home::search);
    action(app, SlackSurface.ACTION_HOME_SEARCH_INPUT, home::search);

    IncidentChannels incidents =
        new IncidentChannels(
            config.incidentChannelPattern(),
            gateway,
            Caches.bounded(10_000, Duration.ofHours(1), clock));
    ThreadReply reply =
        new ThreadReply(
            self,
            diagnoser,
            gateway,
            new IncidentDigest(self, gateway, renderer, config.language(), metrics),
            new ChannelRateLimit(tuning.channelBurst(), tuning.channelPerMinute(), clock),
            new RecentKeys(50_000, Duration.ofDays(1), clock),
            new RecentKeys(10_000, Duration.ofHours(1), clock),
            metrics,
            renderer);
    ThreadAnswerer answerer =
        new ThreadAnswerer(
            new Admission(self, new RecentKeys(50_000, Duration.ofHours(1), clock), metrics),
            new PasteReading(reader, gateway),
            incidents,
            diagnoser,
            reply);
    new MessageEvents(answerer, seenEvents, workers, metrics).register(app);
    new ChannelEvents(self, incidents, seenEvents, workers, metrics).register(app);
  }

  private void action(App app, String actionId, Consumer<ButtonPress> work) {
    app.blockAction(actionId, Actions.async(actionId, workers, metrics, work));
  }

  /**
   * Connects to Slack over Socket Mode. Envelopes are handled by {@link SocketModeDispatch} on a
   * bounded pool: acknowledged once handled, left unacknowledged (so redelivered) when the bot is
   * busy, acknowledged and logged by reason when malformed.
   */
  @Override
  public SocketModeApp startSocketMode(App app) throws IOException {
    SocketModeDispatch dispatch = new SocketModeDispatch(app, socketPool, metrics);
    SocketModeApp socket =
        new SocketModeApp(dispatch.clients(config.appToken().orElseThrow().value()), app);
    try {
      socket.startAsync();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("socket mode did not start: " + e.getMessage(), e);
    }
    return socket;
  }

  /** Reloads the knowledge when {@code KNOWLEDGE_DIR} changes; none when it cannot be watched. */
  private static Optional<KnowledgeWatcher> watch(Path dir, DiagnosisService service) {
    try {
      return Optional.of(KnowledgeWatcher.start(dir, service, KNOWLEDGE_SETTLE));
    } catch (IOException e) {
      log.warn("knowledge dir not watched dir={} error={}", dir, e.getMessage());
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    knowledgeWatch.ifPresent(KnowledgeWatcher::close);
    socketPool.shutdownNow();
    workers.close();
    clusters.close();
  }
}

package dev.runtimedoctor.bot.cli;

import dev.runtimedoctor.bot.cluster.ClusterAccess;
import dev.runtimedoctor.bot.cluster.ClusterSettings;
import dev.runtimedoctor.bot.config.Config;
import dev.runtimedoctor.bot.config.ConfigException;
import dev.runtimedoctor.bot.diagnosis.DiagnosisService;
import dev.runtimedoctor.bot.diagnosis.KnowledgeSource;
import dev.runtimedoctor.bot.http.SlackServer;
import dev.runtimedoctor.bot.serve.BotServer;
import dev.runtimedoctor.bot.slack.SlackTuning;
import dev.runtimedoctor.knowledge.entry.EntryException;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;

/**
 * {@code serve}: the Slack bot, in Socket Mode when {@code SLACK_APP_TOKEN} is set, else over HTTP
 * on {@code PORT}. Runs until the process is told to stop.
 */
@Command(
    name = "serve",
    description = {
      "Run the Slack bot: Socket Mode when SLACK_APP_TOKEN is set, else HTTP on PORT (default"
          + " 3000).",
      "Configuration comes from the environment: SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET,"
          + " SLACK_APP_TOKEN, SLACK_API_URL, PORT, BOT_LANGUAGE, INCIDENT_CHANNEL_PATTERN,"
          + " CHECKS_ALLOWED_CHANNELS, CHECKS_ALLOWED_USERS, KNOWLEDGE_DIR, KNOWLEDGE_PACKS, FEEDBACK_LOG;"
          + " cluster checks read KUBECONFIG (or ~/.kube/config, or the pod's service account)."
    })
final class ServeCommand implements Callable<Integer> {
  private final CliContext ctx;

  ServeCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws Exception {
    Config config;
    try {
      config = ctx.env().serveConfig();
    } catch (ConfigException e) {
      ctx.err().println(e.getMessage());
      return 2;
    }
    DiagnosisService service;
    try {
      service =
          DiagnosisService.load(
              new KnowledgeSource(config.knowledgeDir(), config.knowledgePacks()));
    } catch (EntryException e) {
      throw new UserException(e.getMessage());
    } catch (IOException e) {
      throw new UserException("cannot read entries: " + e.getMessage());
    }
    SlackServer server =
        BotServer.start(
            config,
            service,
            SlackTuning.defaults(),
            Clock.systemUTC(),
            null,
            ClusterAccess.open(ctx.env().cluster(), ClusterSettings.DEFAULT),
            ctx.out());
    ctx.err()
        .printf(
            "runtime-doctor serving on port %d (%s mode, %d entries)%n",
            server.port(), config.socketMode() ? "Socket" : "HTTP", service.knowledge().size());
    ctx.err().flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                },
                "shutdown"));
    stopped.await();
    return 0;
  }
}

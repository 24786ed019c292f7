package dev.runtimedoctor.bot.serve;

import dev.runtimedoctor.bot.cluster.ClusterAccess;
import dev.runtimedoctor.bot.cluster.ClusterLocation;
import dev.runtimedoctor.bot.cluster.ClusterSettings;
import dev.runtimedoctor.bot.config.Config;
import dev.runtimedoctor.bot.diagnosis.DiagnosisService;
import dev.runtimedoctor.bot.http.SlackServer;
import dev.runtimedoctor.bot.slack.SlackTuning;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * The composition root of the running bot, the one place {@code serve}, {@code bench-slack} and the
 * tests build it: the Slack side ({@link SlackBot}) over a diagnosis service and a cluster
 * connection, served by {@link SlackServer}.
 */
public final class BotServer {
  private BotServer() {}

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
        ClusterAccess.open(ClusterLocation.NONE, ClusterSettings.DEFAULT));
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
    return SlackServer.start(
        config,
        new SlackBot(config, service, tuning, clock, clusters, stdout),
        tuning,
        clock,
        host);
  }
}

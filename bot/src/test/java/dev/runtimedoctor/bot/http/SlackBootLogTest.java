package dev.runtimedoctor.bot.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.runtimedoctor.bot.config.Config;
import dev.runtimedoctor.bot.serve.BotServer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** What the log says while the Slack Web API cannot be reached at boot. */
class SlackBootLogTest {
  @Test
  @DisplayName("an unreachable Slack API is logged with its URL and the cause, never the token")
  void unreachableApiNamesUrlAndCause() throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger(SlackServer.class);
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    logger.addAppender(logs);
    // Port 1 on loopback: nothing listens there, the connection is refused at once.
    String api = "http://127.0.0.1:1/api/";
    Config config =
        Config.fromEnv(
            Map.of(
                "SLACK_BOT_TOKEN",
                "xoxb-boot-log-token",
                "SLACK_SIGNING_SECRET",
                SlackHarness.SECRET,
                "SLACK_API_URL",
                api,
                "PORT",
                "0"));
    try (SlackServer server =
        BotServer.start(
            config,
            SlackHarness.SERVICE,
            SlackHarness.tuning().withBootRetry(Duration.ofMillis(200)),
            Clock.systemUTC(),
            "127.0.0.1")) {
      List<String> lines = awaitNotReady(logs);

      assertThat(server.ready()).isFalse();
      assertThat(lines.get(0))
          .contains("auth.test failed")
          .contains("api=" + api)
          .contains("cause=ConnectException")
          .doesNotContain("xoxb-");
    } finally {
      logger.detachAppender(logs);
    }
  }

  private static List<String> awaitNotReady(ListAppender<ILoggingEvent> logs)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      List<String> lines;
      // AppenderBase.doAppend holds the appender's lock while it adds to the list.
      synchronized (logs) {
        lines =
            logs.list.stream()
                .map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.startsWith("not ready yet"))
                .toList();
      }
      if (!lines.isEmpty()) {
        return lines;
      }
      TimeUnit.MILLISECONDS.sleep(50);
    }
    throw new AssertionError("no 'not ready yet' line within 20 s");
  }
}

package dev.runtimedoctor.bot.config;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.ConsoleAppender;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The logging set-up the jar runs with: levels, where lines go, and that logback finds it. */
class LogbackSetupTest {
  @Test
  @DisplayName("without LOG_LEVEL: WARN overall, the bot's Slack and HTTP lines at INFO, on stderr")
  void defaults() {
    LoggerContext context = configured(Map.of());

    assertThat(context.getLogger("dev.runtimedoctor.bot.cli.Main").getEffectiveLevel())
        .isEqualTo(Level.WARN);
    assertThat(context.getLogger("dev.runtimedoctor.bot.slack.SlackBot").getEffectiveLevel())
        .isEqualTo(Level.INFO);
    assertThat(context.getLogger("dev.runtimedoctor.bot.http.SlackServer").getEffectiveLevel())
        .isEqualTo(Level.INFO);
    assertThat(context.getLogger("com.slack.api.bolt.util.SlackRequestParser").getEffectiveLevel())
        .isEqualTo(Level.ERROR);
    assertThat(context.getLogger("io.fabric8.kubernetes").getEffectiveLevel())
        .isEqualTo(Level.WARN);
    var appender = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("STDERR");
    assertThat(appender).isInstanceOf(ConsoleAppender.class);
    assertThat(((ConsoleAppender<?>) appender).getTarget()).isEqualTo("System.err");
    assertThat(appender.isStarted()).isTrue();
  }

  @Test
  @DisplayName("LOG_LEVEL sets the root and the bot's own loggers, not the libraries' floors")
  void logLevel() {
    LoggerContext context = configured(Map.of("LOG_LEVEL", "debug"));

    assertThat(context.getLogger("dev.runtimedoctor.bot.cli.Main").getEffectiveLevel())
        .isEqualTo(Level.DEBUG);
    assertThat(context.getLogger("dev.runtimedoctor.bot.slack.SlackBot").getEffectiveLevel())
        .isEqualTo(Level.DEBUG);
    assertThat(context.getLogger("org.eclipse.jetty.server").getEffectiveLevel())
        .isEqualTo(Level.WARN);
  }

  @Test
  @DisplayName("logback finds it as a configurator service (what the jar starts with)")
  void registeredAsService() {
    assertThat(ServiceLoader.load(Configurator.class).stream().map(ServiceLoader.Provider::type))
        .contains(LogbackSetup.class);
  }

  @Test
  @DisplayName("an unreadable LOG_LEVEL keeps the default levels and says so once, at WARN")
  void unreadableLogLevel() {
    LoggerContext context = new LoggerContext();
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> seen =
        new ch.qos.logback.core.read.ListAppender<>();
    seen.setContext(context);
    seen.start();
    context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(seen);
    LogbackSetup.configure(context, Map.of("LOG_LEVEL", "LOUD")::get);
    context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender("STDERR");

    assertThat(context.getLogger("dev.runtimedoctor.bot.cli.Main").getEffectiveLevel())
        .isEqualTo(Level.WARN);
    assertThat(context.getLogger("dev.runtimedoctor.bot.slack.SlackBot").getEffectiveLevel())
        .isEqualTo(Level.INFO);
    assertThat(seen.list)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getLevel()).isEqualTo(Level.WARN);
              assertThat(e.getFormattedMessage())
                  .startsWith("LOG_LEVEL is not a level")
                  .doesNotContain("LOUD");
            });
  }

  private static LoggerContext configured(Map<String, String> variables) {
    LoggerContext context = new LoggerContext();
    LogbackSetup.configure(context, variables::get);
    return context;
  }
}

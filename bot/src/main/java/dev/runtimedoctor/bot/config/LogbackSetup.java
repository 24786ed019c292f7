package dev.runtimedoctor.bot.config;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.function.UnaryOperator;

/**
 * Logback's configuration, in code: one line per event on standard error (standard output belongs
 * to the command's output), {@code LOG_LEVEL} for the bot's own loggers. Logback finds it through
 * {@code META-INF/services}; written here rather than in a {@code logback.xml} because parsing XML
 * at every start cost a cold {@code ask} about a tenth of its time (README, "Cold start"). A {@code
 * logback-test.xml} on the class path (the tests') or {@code -Dlogback.configurationFile} still
 * wins: then this steps aside.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class LogbackSetup extends ContextAwareBase implements Configurator {
  /** What each line holds, in Logback's pattern words; {@link LogLineLayout} writes it. */
  static final String PATTERN =
      "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{0} %msg%n";

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty("logback.configurationFile") != null
        || LogbackSetup.class.getClassLoader().getResource("logback-test.xml") != null) {
      return ExecutionStatus.NEUTRAL;
    }
    configure(context, name -> System.getProperty(name, System.getenv(name)));
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /**
   * Configures {@code context}, reading {@code LOG_LEVEL} through {@code variables} (null when
   * unset), as logback does a variable: system property first, then environment.
   */
  static void configure(LoggerContext context, UnaryOperator<String> variables) {
    LogLineLayout layout = new LogLineLayout();
    layout.setContext(context);
    layout.start();
    LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
    encoder.setContext(context);
    encoder.setLayout(layout);
    encoder.start();
    ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
    stderr.setContext(context);
    stderr.setName("STDERR");
    stderr.setTarget("System.err");
    stderr.setEncoder(encoder);
    stderr.start();

    String logLevel = variables.apply("LOG_LEVEL");
    boolean unreadable =
        logLevel != null && !logLevel.isEmpty() && Level.toLevel(logLevel, null) == null;
    if (unreadable) {
      logLevel = null;
    }
    level(context, "org.eclipse.jetty", Level.WARN);
    level(context, "com.slack.api", Level.WARN);
    // Logs a whole request body (a paste, maybe with secrets) when it cannot tell its kind.
    level(context, "com.slack.api.bolt.util.SlackRequestParser", Level.ERROR);
    // serve: one line per Slack event, request and answer (ids and sizes, never text).
    level(context, "dev.runtimedoctor.bot.slack", orDefault(logLevel, Level.INFO));
    level(context, "dev.runtimedoctor.bot.http", orDefault(logLevel, Level.INFO));
    level(context, "io.fabric8", Level.WARN);
    // Logs a kubeconfig auth plugin's whole stderr (gcloud's advice, maybe a token) and a YAML
    // parser's stack trace when the plugin fails; the check then reports the failure in one line.
    level(context, "io.fabric8.kubernetes.client.internal.KubeConfigUtils", Level.OFF);
    ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(orDefault(logLevel, Level.WARN));
    root.addAppender(stderr);
    if (unreadable) {
      // The value itself is not repeated: an environment variable may hold anything.
      context
          .getLogger(LogbackSetup.class)
          .warn(
              "LOG_LEVEL is not a level (TRACE, DEBUG, INFO, WARN, ERROR, OFF): the default"
                  + " levels apply");
    }
  }

  private static void level(LoggerContext context, String logger, Level level) {
    context.getLogger(logger).setLevel(level);
  }

  /** {@code value}'s level, or {@code fallback} when it is unset. */
  private static Level orDefault(String value, Level fallback) {
    return value == null || value.isEmpty() ? fallback : Level.toLevel(value, fallback);
  }
}

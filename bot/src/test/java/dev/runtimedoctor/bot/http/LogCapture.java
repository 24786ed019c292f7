package dev.runtimedoctor.bot.http;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Every log event while open, at the levels production logs at (LogbackSetup): the bot's own
 * loggers at INFO, the Slack SDK at WARN, its request parser at ERROR. Restores the levels on
 * close.
 */
public final class LogCapture implements AutoCloseable {
  private static final Map<String, Level> PRODUCTION =
      Map.of(
          "dev.runtimedoctor",
          Level.INFO,
          "com.slack.api",
          Level.WARN,
          "com.slack.api.bolt.util.SlackRequestParser",
          Level.ERROR);

  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
  private final Map<String, Level> before = new HashMap<>();

  public LogCapture() {
    PRODUCTION.forEach(
        (name, level) -> {
          Logger l = (Logger) LoggerFactory.getLogger(name);
          before.put(name, l.getLevel());
          l.setLevel(level);
        });
    appender.start();
    root.addAppender(appender);
  }

  /** The events so far. */
  public List<ILoggingEvent> events() {
    return List.copyOf(appender.list);
  }

  /** Each event as its level, logger and formatted message, with its throwable's class if any. */
  public List<String> lines() {
    return events().stream()
        .map(
            e ->
                e.getLevel()
                    + " "
                    + e.getLoggerName()
                    + " "
                    + e.getFormattedMessage()
                    + (e.getThrowableProxy() == null
                        ? ""
                        : " " + e.getThrowableProxy().getClassName()))
        .toList();
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    before.forEach((name, level) -> ((Logger) LoggerFactory.getLogger(name)).setLevel(level));
  }
}

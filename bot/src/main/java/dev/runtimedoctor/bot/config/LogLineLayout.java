package dev.runtimedoctor.bot.config;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * One log line as {@link LogbackSetup#PATTERN} writes it ({@code 2026-12-01T04:20:00.123+00:00 INFO
 * [main] SlackServer message}, then the stack trace of an attached exception), without Logback's
 * {@code PatternLayout}: that one builds a table of some fifty converters, each a lambda the JVM
 * spins at start, and a short command paid for it at every start (README, "Cold start").
 */
final class LogLineLayout extends LayoutBase<ILoggingEvent> {
  /** Made at the first line logged: reading the time zone rules costs a start that logs none. */
  private static final class Time {
    static final DateTimeFormatter FORMAT =
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX")
            .withZone(ZoneId.systemDefault());
  }

  private final ThrowableProxyConverter throwable = new ThrowableProxyConverter();

  @Override
  public void start() {
    throwable.setContext(getContext());
    throwable.start();
    super.start();
  }

  @Override
  public String doLayout(ILoggingEvent event) {
    StringBuilder line = new StringBuilder(128);
    Time.FORMAT.formatTo(Instant.ofEpochMilli(event.getTimeStamp()), line);
    line.append(' ');
    String level = event.getLevel().toString();
    line.append(level).append(" ".repeat(Math.max(0, 5 - level.length())));
    line.append(" [").append(event.getThreadName()).append("] ");
    String logger = event.getLoggerName();
    line.append(logger, logger.lastIndexOf('.') + 1, logger.length());
    line.append(' ').append(event.getFormattedMessage()).append(CoreConstants.LINE_SEPARATOR);
    if (event.getThrowableProxy() != null) {
      line.append(throwable.convert(event));
    }
    return line.toString();
  }
}

package dev.runtimedoctor.bot.config;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LogLineLayoutTest {
  private final LoggerContext context = new LoggerContext();

  @Test
  @DisplayName("every level, thread and logger gives the very line Logback's pattern would")
  void sameLineAsThePattern() {
    PatternLayout pattern = patternLayout();
    LogLineLayout layout = layout();

    for (Level level : List.of(Level.TRACE, Level.DEBUG, Level.INFO, Level.WARN, Level.ERROR)) {
      for (String logger : List.of("dev.runtimedoctor.bot.http.SlackServer", "Root")) {
        LoggingEvent event = event(level, logger, "answered {} in {} ms", null);
        event.setThreadName("qtp-12 worker");

        assertThat(layout.doLayout(event)).isEqualTo(pattern.doLayout(event));
      }
    }
  }

  @Test
  @DisplayName("an attached exception is written after the line, as the pattern writes it")
  void exceptionAfterTheLine() {
    LoggingEvent event =
        event(Level.WARN, "a.B", "reload failed", new IllegalStateException("entries/x.md:3"));

    String line = layout().doLayout(event);

    assertThat(line).isEqualTo(patternLayout().doLayout(event));
    assertThat(line).contains("java.lang.IllegalStateException: entries/x.md:3");
  }

  private LoggingEvent event(Level level, String logger, String message, Throwable thrown) {
    LoggingEvent event =
        new LoggingEvent(
            "fqcn", context.getLogger(logger), level, message, thrown, new Object[] {3, 41});
    event.setTimeStamp(1_764_562_800_123L);
    return event;
  }

  private LogLineLayout layout() {
    LogLineLayout layout = new LogLineLayout();
    layout.setContext(context);
    layout.start();
    return layout;
  }

  private PatternLayout patternLayout() {
    PatternLayout layout = new PatternLayout();
    layout.setContext(context);
    layout.setPattern(LogbackSetup.PATTERN);
    layout.start();
    return layout;
  }
}

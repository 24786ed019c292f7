package dev.runtimedoctor.bot.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The environment is read in {@code config} only: {@code Main} hands it the process's variables
 * (SlackArchitectureTest holds that in ArchUnit), and every other class receives typed values,
 * never a variable's name to look up. ArchUnit does not see string literals, so the sources are
 * scanned for the names.
 */
class EnvironmentReadingTest {
  private static final Path SOURCES = Path.of("src/main/java/dev/runtimedoctor/bot");

  /** A string literal, without escapes: enough to find a variable's name written as a key. */
  private static final Pattern LITERAL = Pattern.compile("\"([A-Z][A-Z0-9_]*)\"");

  @Test
  @DisplayName("no class outside config looks a variable up by its name")
  void noVariableNamedOutsideConfig() throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        if (f.startsWith(SOURCES.resolve("config"))) {
          continue;
        }
        Matcher m = LITERAL.matcher(Files.readString(f, StandardCharsets.UTF_8));
        while (m.find()) {
          if (Environment.NAMES.contains(m.group(1))) {
            found.add(SOURCES.relativize(f) + ": " + m.group());
          }
        }
      }
    }
    assertThat(found).isEmpty();
  }

  @Test
  @DisplayName("the scan finds every variable's name where it is read: in config")
  void scanFindsEveryNameInConfig() throws IOException {
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.list(SOURCES.resolve("config"))) {
      for (Path f : files.toList()) {
        Matcher m = LITERAL.matcher(Files.readString(f, StandardCharsets.UTF_8));
        while (m.find()) {
          names.add(m.group(1));
        }
      }
    }
    assertThat(names).containsAll(Environment.NAMES);
  }
}

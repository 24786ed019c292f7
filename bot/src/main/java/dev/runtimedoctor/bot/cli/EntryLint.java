package dev.runtimedoctor.bot.cli;

import dev.runtimedoctor.bot.cluster.CheckTypes;
import dev.runtimedoctor.knowledge.entry.CheckSpec;
import dev.runtimedoctor.knowledge.entry.Entry;
import dev.runtimedoctor.knowledge.entry.Suggestions;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What {@code validate} checks beyond what loading an entry does: the rules that need this build
 * (its check types and their parameters) or the file's name. Each problem is one line, {@code
 * file:line: reason}, with a suggestion when a near spelling exists.
 */
final class EntryLint {
  private EntryLint() {}

  /**
   * The first problem of {@code entry}, whose file's text is {@code text} (its lines locate the
   * problem), or empty.
   */
  static Optional<String> problem(Entry entry, String text) {
    List<String> lines = text.lines().toList();
    String file = entry.source();
    String name = file.substring(file.lastIndexOf('/') + 1);
    String expected = entry.id() + ".md";
    if (!name.equals(expected)) {
      return Optional.of(
          at(file, find(lines, 0, key("id")))
              + "id '"
              + entry.id()
              + "' differs from the file name: rename the file to "
              + expected
              + " (or change the id)");
    }
    int checks = find(lines, 0, key("checks"));
    for (CheckSpec spec : entry.checks()) {
      int typeLine = find(lines, checks, typeLine(spec.type()));
      var params = CheckTypes.PARAMETERS.get(spec.type());
      if (params == null) {
        return Optional.of(
            at(file, typeLine)
                + "unknown check type '"
                + spec.type()
                + "'"
                + Suggestions.didYouMean(spec.type(), CheckTypes.PARAMETERS.keySet())
                + " (this build has: "
                + String.join(", ", new TreeSet<>(CheckTypes.PARAMETERS.keySet()))
                + ")");
      }
      for (String key : spec.params().keySet()) {
        if (!params.contains(key)) {
          return Optional.of(
              at(file, find(lines, typeLine, key(key)))
                  + "unknown parameter '"
                  + key
                  + "' for check type '"
                  + spec.type()
                  + "'"
                  + Suggestions.didYouMean(key, params)
                  + (params.isEmpty()
                      ? " (it takes none)"
                      : " (it takes: " + String.join(", ", new TreeSet<>(params)) + ")"));
        }
        Set<String> known =
            CheckTypes.VALUES.getOrDefault(spec.type(), Map.of()).getOrDefault(key, Set.of());
        for (String value : spec.list(key)) {
          if (!known.isEmpty() && !known.contains(value.toLowerCase(Locale.ROOT))) {
            return Optional.of(
                at(file, find(lines, typeLine, key(key)))
                    + "unknown value '"
                    + value
                    + "' for parameter '"
                    + key
                    + "' of check type '"
                    + spec.type()
                    + "'"
                    + Suggestions.didYouMean(value.toLowerCase(Locale.ROOT), known)
                    + " (it takes: "
                    + String.join(", ", new TreeSet<>(known))
                    + ")");
          }
        }
      }
    }
    return Optional.empty();
  }

  private static String at(String file, int line) {
    return file + ":" + line + ": ";
  }

  private static Pattern key(String key) {
    return Pattern.compile("^\\s*(-\\s+)?[\"']?" + Pattern.quote(key) + "[\"']?\\s*:");
  }

  private static Pattern typeLine(String type) {
    return Pattern.compile(
        "^\\s*(-\\s+)?type\\s*:\\s*[\"']?" + Pattern.quote(type) + "[\"']?\\s*(#.*)?$");
  }

  /** The 1-based number of the first line at or after the 1-based {@code from} that matches. */
  private static int find(List<String> lines, int from, Pattern p) {
    for (int i = Math.max(0, from - 1); i < lines.size(); i++) {
      if (p.matcher(lines.get(i)).find()) {
        return i + 1;
      }
    }
    return Math.max(1, from);
  }
}

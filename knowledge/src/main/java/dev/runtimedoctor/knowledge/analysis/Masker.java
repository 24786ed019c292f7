package dev.runtimedoctor.knowledge.analysis;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces the variable parts of a log line with the placeholders signatures use, so that
 * {@code no IP addresses available in range set: 10.48.131.1-10.48.131.62} and the signature's
 * {@code <ip-range>} read the same.
 */
public final class Masker {
  private record Rule(Pattern pattern, String replacement) {}

  // Order matters: a URL contains IPs and numbers, a range contains IPs, a digest contains hex.
  private static final List<Rule> RULES =
      List.of(
          rule("(?i)\\b(?:https?|tcp|unix|npipe)://[^\\s\"'<>]+", "<url>"),
          rule("(?i)\\bsha256:[0-9a-f]{6,}", "<sha256>"),
          rule(
              "(?i)\\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b",
              "<uuid>"),
          rule("\\b(?:\\d{1,3}\\.){3}\\d{1,3}-(?:\\d{1,3}\\.){3}\\d{1,3}\\b", "<ip-range>"),
          rule("\\b(?:\\d{1,3}\\.){3}\\d{1,3}/\\d{1,2}\\b", "<cidr>"),
          rule("(?i)\\b(?:\\d{1,3}|x{1,3})(?:\\.(?:\\d{1,3}|x{1,3})){3}\\b", "<ip>"),
          rule("(?i)\\b(?=[0-9a-f]*\\d)[0-9a-f]{16,}\\b", "<id>"),
          rule("\"(?:[A-Za-z]:\\\\|/)[^\"]*\"", "\"<path>\""),
          rule("\\b[A-Za-z]:\\\\[^\\s\"':]*", "<path>"),
          rule("\\b\\d+(?:\\.\\d+)?(?:ms|µs|us|ns|s|m|h)(?:\\d+(?:\\.\\d+)?(?:ms|s|m))*\\b", "<duration>"),
          rule("\\(x\\d+ over ", "(x<n> over "),
          rule("\\b\\d+(?:\\.\\d+){1,2}(?:-gke\\.\\d+)?\\b", "<version>"),
          rule("\\b\\d+\\b", "<n>"));

  private Masker() {}

  private static Rule rule(String regex, String replacement) {
    return new Rule(Pattern.compile(regex), replacement);
  }

  /** The line with its variable parts replaced by placeholders. */
  public static String mask(String line) {
    String s = line;
    for (Rule r : RULES) {
      Matcher m = r.pattern.matcher(s);
      if (m.find()) {
        s = m.replaceAll(Matcher.quoteReplacement(r.replacement));
      }
    }
    return s;
  }
}

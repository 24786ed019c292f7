package dev.runtimedoctor.knowledge.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Turns whatever people paste into lines the matcher can compare with signatures: Slack markup
 * undone, timestamps and log prefixes (klog, RFC 3339, syslog, journald, logrus) dropped, table
 * borders and control characters removed, variable parts masked.
 */
public final class LogNormalizer {
  /** The most text read from one paste; the rest is ignored and the paste marked truncated. */
  public static final int MAX_CHARS = 4 * 1024 * 1024;

  /** The longest line kept whole; longer lines are cut (a 1 MB line is still read in full). */
  private static final int MAX_LINE_CHARS = 1024 * 1024;

  /**
   * A log prefix to drop, with a cheap test on the line's first characters that spares running its
   * regular expression on most lines.
   */
  private record LogPrefix(Pattern pattern, Predicate<String> mayStart) {}

  private static final List<LogPrefix> PREFIXES =
      List.of(
          // klog: E1127 12:00:00.123456   1234 file.go:12]
          new LogPrefix(
              Pattern.compile(
                  "^[IWEF]\\d{4} \\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?\\s+\\d+\\s+[\\w.-]+:\\d+\\]\\s*"),
              s -> "IWEF".indexOf(s.charAt(0)) >= 0 && Character.isDigit(s.charAt(1))),
          // RFC 3339 / ISO timestamps, with an optional zone.
          new LogPrefix(
              Pattern.compile(
                  "^\\[?\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(?:[.,]\\d+)?(?:Z|[+-]\\d{2}:?\\d{2}|\\s?UTC)?\\]?\\s*"),
              s -> Character.isDigit(s.charAt(0)) || s.charAt(0) == '['),
          // syslog / journald: Nov 27 12:00:00 host unit[123]:
          new LogPrefix(
              Pattern.compile(
                  "^(?:[A-Z][a-z]{2}\\s+)?[A-Z][a-z]{2}\\s+\\d{1,2}\\s+\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?\\s+[\\w.-]+\\s+[\\w@./-]+(?:\\[\\d+\\])?:\\s*"),
              s ->
                  s.charAt(0) >= 'A'
                      && s.charAt(0) <= 'Z'
                      && s.length() > 15
                      && Character.isLowerCase(s.charAt(1))),
          // systemd unit prefix left by journalctl -o cat or copied from a status view.
          new LogPrefix(
              Pattern.compile("^[\\w@.-]+\\.service:\\s*"),
              s -> s.indexOf(".service:") > 0 && s.indexOf(".service:") < 80),
          // logrus: time="…" level=error
          new LogPrefix(
              Pattern.compile("^time=\"[^\"]*\"\\s+level=\\w+\\s*"), s -> s.startsWith("time=\"")),
          // Level tags: INFO[0000], FATA[0037], level=error
          new LogPrefix(
              Pattern.compile("^(?:INFO|WARN|ERRO|FATA|DEBU)\\[\\d+\\]\\s*"),
              s -> s.charAt(4) == '['));

  /** Lines shorter than this carry no prefix worth testing for. */
  private static final int MIN_PREFIXED = 6;

  /** Terminal colours and cursor moves, as CI logs and `kubectl` with colour leave them. */
  private static final Pattern ANSI = Pattern.compile("\u001b\\[[0-9;?]*[A-Za-z]");

  private LogNormalizer() {}

  /** Normalizes a paste; never throws on any text. */
  public static NormalizedPaste normalize(String text) {
    boolean truncated = false;
    String s = text == null ? "" : text;
    if (s.length() > MAX_CHARS) {
      // Errors often sit at the end of a log: keep both ends.
      int half = MAX_CHARS / 2;
      s = s.substring(0, half) + "\n" + s.substring(s.length() - half);
      truncated = true;
    }
    s = unescapeJsonLines(SlackText.unescape(s));
    List<String> raw = s.lines().toList();
    List<PasteLine> lines = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      String original = raw.get(i);
      if (original.length() > MAX_LINE_CHARS) {
        original = original.substring(0, MAX_LINE_CHARS);
        truncated = true;
      }
      String cleaned = Denials.strip(clean(original));
      if (cleaned.isEmpty()) {
        continue;
      }
      lines.add(new PasteLine(i + 1, original, cleaned, Masker.mask(cleaned)));
    }
    return new NormalizedPaste(lines, truncated);
  }

  /**
   * A log exported as JSON (Cloud Logging, {@code kubectl get events -o json}) keeps its lines
   * inside strings as {@code \n}: with two or more of them the paste is read as the lines they
   * separate, with {@code \t} and {@code \"} undone too, so evidence is a log line, not a blob.
   */
  static String unescapeJsonLines(String s) {
    int first = s.indexOf("\\n");
    if (first < 0 || s.indexOf("\\n", first + 2) < 0) {
      return s;
    }
    return s.replace("\\r\\n", "\n").replace("\\n", "\n").replace("\\t", " ").replace("\\\"", "\"");
  }

  /** One line without decorations, control characters and log prefixes. */
  static String clean(String line) {
    String s = squeeze(line);
    boolean changed = true;
    while (changed && !s.isEmpty()) {
      changed = false;
      for (LogPrefix p : PREFIXES) {
        if (s.length() < MIN_PREFIXED || !p.mayStart().test(s)) {
          continue;
        }
        java.util.regex.Matcher m = p.pattern().matcher(s);
        if (m.lookingAt() && m.end() > 0) {
          s = s.substring(m.end()).strip();
          changed = true;
        }
      }
    }
    return s;
  }

  /**
   * {@code line} as a reader may be shown it, on any surface: terminal colour escapes removed and
   * other control characters as spaces, everything else as pasted.
   */
  public static String printable(String line) {
    String s = line.indexOf('\u001b') >= 0 ? ANSI.matcher(line).replaceAll("") : line;
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c < ' ' && c != '\t') || c == 0x7f) {
        if (sb == null) {
          sb = new StringBuilder(s);
        }
        sb.setCharAt(i, ' ');
      }
    }
    return sb == null ? s : sb.toString();
  }

  /**
   * Control characters, invisible format characters and box-drawing borders (k9s) become spaces;
   * runs of spaces become one; the ends are trimmed.
   */
  private static String squeeze(String line) {
    if (line.indexOf('\u001b') >= 0) {
      line = ANSI.matcher(line).replaceAll("");
    }
    int n = line.length();
    StringBuilder sb = new StringBuilder(n);
    boolean space = true;
    for (int i = 0; i < n; i++) {
      char c = line.charAt(i);
      if (c <= ' '
          || c == 0x7f
          || (c >= 0x2500 && c <= 0x259f)
          || (c > 0x7f && Character.getType(c) == Character.FORMAT)) {
        if (!space) {
          sb.append(' ');
          space = true;
        }
      } else {
        sb.append(c);
        space = false;
      }
    }
    int len = sb.length();
    if (len > 0 && sb.charAt(len - 1) == ' ') {
      sb.setLength(len - 1);
    }
    return sb.toString();
  }
}

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
  public static final int MAX_LINE_CHARS = 1024 * 1024;

  /**
   * How far back from a cut a space is looked for, so that a cut falls between words: a word cut in
   * two could be a secret too short left to be recognised and redacted.
   */
  private static final int WORD_BOUNDARY_REACH = 64 * 1024;

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

  /**
   * Normalizes a paste; never throws on any text. A paste over {@link #MAX_CHARS} is read as its
   * first and last half of that (errors often sit at the end of a log), each cut at a line break,
   * and a line over {@link #MAX_LINE_CHARS} to that length, cut between words; lines keep their
   * numbers in the paste either way.
   */
  public static NormalizedPaste normalize(String text) {
    String s = unescapeJsonLines(SlackText.unescape(text == null ? "" : text));
    boolean ends = s.length() > MAX_CHARS;
    boolean lineStarts = false;
    List<PasteLine> lines = new ArrayList<>();
    if (ends) {
      int half = MAX_CHARS / 2;
      int headEnd = lineStartAtOrBefore(s, half);
      if (headEnd == 0) {
        headEnd = half;
      }
      int tailStart = lineStartAtOrAfter(s, s.length() - half);
      if (tailStart == s.length()) {
        tailStart = wordStartAtOrAfter(s, s.length() - half);
      }
      lineStarts |= read(s.substring(0, headEnd), 1, lines);
      lineStarts |= read(s.substring(tailStart), 1 + lineBreaks(s, tailStart), lines);
    } else {
      lineStarts = read(s, 1, lines);
    }
    return new NormalizedPaste(lines, Truncation.of(ends, lineStarts));
  }

  /**
   * Adds the non-blank lines of {@code s} to {@code lines}, the first numbered {@code first};
   * returns whether a line was cut.
   */
  private static boolean read(String s, int first, List<PasteLine> lines) {
    boolean cut = false;
    List<String> raw = s.lines().toList();
    for (int i = 0; i < raw.size(); i++) {
      String original = raw.get(i);
      if (original.length() > MAX_LINE_CHARS) {
        original = original.substring(0, wordEndAtOrBefore(original, MAX_LINE_CHARS));
        cut = true;
      }
      String cleaned = Denials.strip(clean(original));
      if (cleaned.isEmpty()) {
        continue;
      }
      lines.add(new PasteLine(first + i, original, cleaned, Masker.mask(cleaned)));
    }
    return cut;
  }

  /** The line breaks before {@code end}, as {@link String#lines} counts them ("\r\n" is one). */
  static int lineBreaks(String s, int end) {
    int n = 0;
    for (int i = 0; i < end; i++) {
      char c = s.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= s.length() || s.charAt(i + 1) != '\n'))) {
        n++;
      }
    }
    return n;
  }

  /** Whether a line starts at {@code i}: the text's start, or just after a line break. */
  private static boolean lineStarts(String s, int i) {
    if (i == 0) {
      return true;
    }
    char before = s.charAt(i - 1);
    return before == '\n' || (before == '\r' && (i == s.length() || s.charAt(i) != '\n'));
  }

  /** The last line start at or before {@code i}; 0 when the first line reaches past it. */
  private static int lineStartAtOrBefore(String s, int i) {
    int at = i;
    while (at > 0 && !lineStarts(s, at)) {
      at--;
    }
    return at;
  }

  /** The first line start at or after {@code i}; the text's length when there is none. */
  private static int lineStartAtOrAfter(String s, int i) {
    int at = i;
    while (at < s.length() && !lineStarts(s, at)) {
      at++;
    }
    return at;
  }

  /**
   * The end of the last whole word at or before {@code i} within reach, else {@code i} (a blob with
   * no space in it is cut where it must be).
   */
  private static int wordEndAtOrBefore(String s, int i) {
    for (int at = i; at > 0 && at > i - WORD_BOUNDARY_REACH; at--) {
      if (Character.isWhitespace(s.charAt(at))) {
        return at;
      }
    }
    return i;
  }

  /** The start of the first whole word at or after {@code i} within reach, else {@code i}. */
  private static int wordStartAtOrAfter(String s, int i) {
    for (int at = i; at < s.length() && at < i + WORD_BOUNDARY_REACH; at++) {
      if (Character.isWhitespace(s.charAt(at - 1))) {
        return at;
      }
    }
    return i;
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

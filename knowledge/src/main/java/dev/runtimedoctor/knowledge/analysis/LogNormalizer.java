package dev.runtimedoctor.knowledge.analysis;

import java.util.ArrayList;
import java.util.List;
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

  private static final Pattern[] PREFIXES = {
    // klog: E1127 12:00:00.123456   1234 file.go:12]
    Pattern.compile("^[IWEF]\\d{4} \\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?\\s+\\d+\\s+[\\w.-]+:\\d+\\]\\s*"),
    // RFC 3339 / ISO timestamps, with an optional zone.
    Pattern.compile(
        "^\\[?\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(?:[.,]\\d+)?(?:Z|[+-]\\d{2}:?\\d{2}|\\s?UTC)?\\]?\\s*"),
    // syslog / journald: Nov 27 12:00:00 host unit[123]:
    Pattern.compile(
        "^(?:[A-Z][a-z]{2}\\s+)?[A-Z][a-z]{2}\\s+\\d{1,2}\\s+\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?\\s+[\\w.-]+\\s+[\\w@./-]+(?:\\[\\d+\\])?:\\s*"),
    // systemd unit prefix left by journalctl -o cat or copied from a status view.
    Pattern.compile("^[\\w@.-]+\\.service:\\s*"),
    // logrus: time="…" level=error
    Pattern.compile("^time=\"[^\"]*\"\\s+level=\\w+\\s*"),
    // Level tags: INFO[0000], FATA[0037], level=error
    Pattern.compile("^(?:INFO|WARN|ERRO|FATA|DEBU)\\[\\d+\\]\\s*"),
  };
  private static final Pattern DECORATION = Pattern.compile("[\\u2500-\\u257F\\u2580-\\u259F]+");
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t]]|[\\p{Cf}]");
  private static final Pattern SPACES = Pattern.compile("[\\t ]{2,}");

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
    s = SlackText.unescape(s);
    String[] raw = s.split("\r\n|\r|\n", -1);
    List<PasteLine> lines = new ArrayList<>();
    for (int i = 0; i < raw.length; i++) {
      String original = raw[i];
      if (original.length() > MAX_LINE_CHARS) {
        original = original.substring(0, MAX_LINE_CHARS);
        truncated = true;
      }
      String cleaned = clean(original);
      if (cleaned.isEmpty()) {
        continue;
      }
      lines.add(new PasteLine(i + 1, original, cleaned, Masker.mask(cleaned)));
    }
    return new NormalizedPaste(lines, truncated);
  }

  /** One line without decorations, control characters and log prefixes. */
  static String clean(String line) {
    String s = CONTROL.matcher(line).replaceAll(" ");
    s = DECORATION.matcher(s).replaceAll(" ").strip();
    boolean changed = true;
    while (changed && !s.isEmpty()) {
      changed = false;
      for (Pattern p : PREFIXES) {
        String t = p.matcher(s).replaceFirst("");
        if (t.length() != s.length()) {
          s = t.strip();
          changed = true;
        }
      }
    }
    return SPACES.matcher(s).replaceAll(" ");
  }
}

package dev.runtimedoctor.knowledge.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The words of masked log text, as {@link LogTokenizer} splits them, without Lucene's overhead. */
public final class LogTokens {
  private LogTokens() {}

  /** The lowercase words of {@code masked}. */
  public static List<String> of(String masked) {
    List<String> out = new ArrayList<>();
    int pos = 0;
    int[] span;
    while ((span = LogTokenizer.next(masked, pos)) != null) {
      out.add(masked.substring(span[0], span[1]).toLowerCase(Locale.ROOT));
      pos = span[1];
    }
    return out;
  }

  /**
   * The span {@code [start, end)} of the next word of {@code masked} at or after {@code from}, or
   * null: for callers that look words up without making strings of them.
   */
  public static int[] next(String masked, int from) {
    return LogTokenizer.next(masked, from);
  }
}

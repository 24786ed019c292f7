package dev.runtimedoctor.knowledge.match;

import dev.runtimedoctor.knowledge.analysis.Redactor;
import java.util.List;
import java.util.Locale;

/**
 * Cuts an evidence line to the part that gave the match away: the line is redacted first, so no cut
 * can leave part of a secret, then cut to a window of at most {@link #MAX_CHARS} characters around
 * the words that matched, each cut end marked with "…". A {@code kubectl describe} line whose
 * telling part sits past its first 300 characters keeps that part.
 */
final class EvidenceWindow {
  /** The longest evidence text, ellipses included. */
  static final int MAX_CHARS = 300;

  private static final String ELLIPSIS = "…";

  /**
   * What a window keeps after the last matched word when the match is longer than a window: the
   * value a signature leaves as a placeholder ("range set: 10.60.28.1-10.60.28.254").
   */
  private static final int TAIL = 48;

  private EvidenceWindow() {}

  /**
   * The window of {@code line} around {@code words} (lowercase, in the order they matched). When
   * the matched words span more than fits, the window keeps the end of the span and what follows it
   * for a few words: the cause of an error chain comes last, with its value.
   */
  static String of(String line, List<String> words) {
    String text = Redactor.redact(line.strip());
    if (text.length() <= MAX_CHARS) {
      return text;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    int first = -1;
    int last = 0;
    int from = 0;
    for (String w : words) {
      int at = indexOfWord(lower, w, from);
      if (at < 0) {
        continue;
      }
      if (first < 0) {
        first = at;
      }
      last = at + w.length();
      from = last;
    }
    if (first < 0) {
      first = 0;
      last = 0;
    }
    int room = MAX_CHARS - 2 * ELLIPSIS.length();
    int start;
    int end;
    if (last - first >= room - TAIL) {
      end = Math.min(text.length(), last + TAIL);
      start = end - room;
    } else {
      start = Math.max(0, first - (room - (last - first)) / 2);
      end = Math.min(text.length(), start + room);
      start = Math.max(0, end - room);
    }
    // Never split a UTF-16 pair: a cut emoji would show as garbage.
    if (start > 0 && Character.isLowSurrogate(text.charAt(start))) {
      start++;
    }
    if (end < text.length() && Character.isLowSurrogate(text.charAt(end))) {
      end--;
    }
    return (start > 0 ? ELLIPSIS : "")
        + text.substring(start, end)
        + (end < text.length() ? ELLIPSIS : "");
  }

  /** The first occurrence of {@code word} at or after {@code from} as a whole word, or -1. */
  private static int indexOfWord(String text, String word, int from) {
    int at = text.indexOf(word, from);
    while (at >= 0) {
      int end = at + word.length();
      boolean startsWord = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
      boolean endsWord = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
      if (startsWord && endsWord) {
        return at;
      }
      at = text.indexOf(word, at + 1);
    }
    return -1;
  }
}

package dev.runtimedoctor.knowledge.analysis;

import java.util.regex.Pattern;

/**
 * The names of errors a person denies ("it's not OOMKilled", "the pod isn't in CrashLoopBackOff",
 * "non è un problema di OOMKilled"), taken out of a line before it is read: a denied error is
 * neither a symptom the person describes nor a line a runtime printed.
 *
 * <p>Only names written as Kubernetes writes its reasons and statuses (two capitals or more in one
 * word: {@code OOMKilled}, {@code ImagePullBackOff}, {@code ErrImagePull}) are denied: a negation
 * before a state ("node not ready", "file not found") is the failure itself, not its denial.
 */
final class Denials {
  /**
   * A negation in English or Italian, up to four filler words ("in", "un problema di", "è"), then a
   * reason's name.
   */
  private static final Pattern DENIED =
      Pattern.compile(
          "(?iu)\\b(?:not|no|never|nor|isn't|aren't|wasn't|weren't|doesn't|don't|didn't|hasn't|non|né|nemmeno|neanche)"
              + "((?:\\s+(?:in|a|an|the|it|is|was|issue|problem|case|of|with|due|to|è|e'|era"
              + "|un|uno|una|il|lo|la|di|del|dello|della|problema|caso|per|stato|mai|go|goes|went|get|gets|got|into|va|vanno|finisce)){0,4})"
              + "\\s+(?-i:(?=[A-Za-z]*[a-z])(?=[a-z]*[A-Z][a-z]*[A-Z])[A-Za-z]{4,})\\b");

  private Denials() {}

  /** The negations that start with "n", as words; the others end in "n't". */
  private static final String[] N_WORDS = {
    "not", "no", "never", "nor", "non", "né", "nemmeno", "neanche"
  };

  /** {@code line} without the reason names its negations deny; the negations stay. */
  static String strip(String line) {
    if (line.isEmpty() || !negates(line)) {
      return line;
    }
    java.util.regex.Matcher m = DENIED.matcher(line);
    if (!m.find()) {
      return line;
    }
    StringBuilder sb = new StringBuilder(line.length());
    int last = 0;
    do {
      // The negation and its fillers stay; the name they deny goes.
      sb.append(line, last, m.end(1));
      last = m.end();
    } while (m.find());
    sb.append(line, last, line.length());
    return sb.toString();
  }

  /**
   * Whether {@code line} holds a negation at all: one pass of character tests, so the lines of a
   * log, which almost never deny anything, cost no regular expression.
   */
  private static boolean negates(String line) {
    int n = line.length();
    for (int i = 0; i < n; i++) {
      char c = line.charAt(i);
      if ((c == 'n' || c == 'N') && (i == 0 || !Character.isLetter(line.charAt(i - 1)))) {
        for (String w : N_WORDS) {
          int end = i + w.length();
          if (line.regionMatches(true, i, w, 0, w.length())
              && (end == n || !Character.isLetter(line.charAt(end)))) {
            return true;
          }
        }
      } else if ((c == '\'' || c == '\u2019')
          && i > 0
          && i + 1 < n
          && (line.charAt(i - 1) == 'n' || line.charAt(i - 1) == 'N')
          && (line.charAt(i + 1) == 't' || line.charAt(i + 1) == 'T')) {
        return true;
      }
    }
    return false;
  }
}

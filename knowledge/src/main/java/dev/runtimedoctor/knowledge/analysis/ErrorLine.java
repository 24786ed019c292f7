package dev.runtimedoctor.knowledge.analysis;

import java.util.regex.Pattern;

/**
 * Tells a line a program printed about a failure from a line a person wrote: the engine judges the
 * first by its signatures and the second by its words, and the evaluation splits its figures by
 * whether a paste carries such a line.
 *
 * <p>A line is an error line when, after its log prefix is dropped, it holds a failure word of the
 * kind runtimes print ({@code error}, {@code failed}, {@code denied}, {@code refused}, {@code not
 * found}, {@code no such file}, {@code uninitialized}, {@code timed out}, {@code exceeded}, {@code
 * x509}, …) near a {@code ": "} that chains it to its context or cause, or when it carries the
 * marks of a structured log ({@code rpc error}, {@code desc =}, {@code err=}, {@code level=error}).
 * "I get an error" is prose; "Error: failed to create containerd task: …" is not.
 */
public final class ErrorLine {
  private static final Pattern FAILURE =
      Pattern.compile(
          "(?i)\\b(?:error|errored|failed|failure|fatal|denied|refused|not found|no such file|"
              + "not a directory|not initialized|uninitialized|unintialized|timed out|exceeded|"
              + "x509|incorrect)\\b");

  private static final Pattern STRUCTURED =
      Pattern.compile(
          "(?i)rpc error|\\bdesc = |\\berr(?:or)?=|\\blevel=(?:error|fatal|warn)|^(?:ERRO|FATA)\\b");

  /**
   * Where the person takes the word back after quoting an error on the same line ("… connection
   * refused on [::1]:8080. Why does localhost resolve to ::1?"): a sentence ends and a capitalised
   * word starts the next, or a semicolon starts a clause of lowercase words (runtimes follow theirs
   * with a capital: "cni config uninitialized; Skipping pod").
   */
  private static final Pattern SENTENCE_END =
      Pattern.compile("[.?!][\"')]?\\s+(?=[A-Z][a-z])|;\\s+(?=[a-z]+\\s+[a-z])");

  /** The most words of an error a person quotes inside their own sentence. */
  private static final int QUOTED_WORDS = 8;

  /** How far after its failure word an error chains to its cause with ": ". */
  private static final int CHAIN_REACH = 120;

  /** How far after the ": " that introduces it a cause names its failure. */
  private static final int CAUSE_REACH = 40;

  private ErrorLine() {}

  /** Whether {@code cleaned} (a line without its log prefix) holds an error a program printed. */
  public static boolean is(String cleaned) {
    return chainStart(cleaned) >= 0;
  }

  /**
   * The words of {@code cleaned} a person wrote: what comes before the error chain starts ("il pull
   * fallisce con x509: certificate signed by unknown authority" keeps "il pull fallisce con") and
   * what follows the sentence that quotes it, the whole line when it holds no chain.
   */
  public static String prosePart(String cleaned) {
    int start = chainStart(cleaned);
    if (start < 0) {
      return cleaned;
    }
    String before = cleaned.substring(0, start).strip();
    java.util.regex.Matcher next = SENTENCE_END.matcher(cleaned);
    int end = next.find(start) ? next.start() + 1 : cleaned.length();
    String chain = cleaned.substring(start, end);
    // A fragment a person quotes ("stay NotReady: cni config uninitialized") is how they name
    // the symptom; a whole chain a runtime printed is not.
    if (!before.isEmpty() && chain.split("\\s+").length <= QUOTED_WORDS) {
      return cleaned;
    }
    return end < cleaned.length() ? (before + " " + cleaned.substring(next.end())).strip() : before;
  }

  /**
   * Where the error chain of a line starts, or -1 when it has none: its first structured-log mark,
   * or its first failure word chained by {@code ": "} — at the word before that {@code ": "} when
   * the failure is its cause ("cat: /etc/mtab: No such file", "con x509: certificate signed"), at
   * the failure word when a cause follows it ("failed to pull image …: …").
   */
  static int chainStart(String cleaned) {
    java.util.regex.Matcher s = STRUCTURED.matcher(cleaned);
    int structured = s.find() ? s.start() : -1;
    java.util.regex.Matcher m = FAILURE.matcher(cleaned);
    while (m.find() && (structured < 0 || m.start() < structured)) {
      int before = cleaned.lastIndexOf(": ", m.start());
      if (before >= 0 && m.start() - before <= CAUSE_REACH) {
        int word = before;
        while (word > 0 && !Character.isWhitespace(cleaned.charAt(word - 1))) {
          word--;
        }
        return word;
      }
      int after = cleaned.indexOf(": ", m.end());
      if (after >= 0 && after - m.end() <= CHAIN_REACH) {
        return m.start();
      }
    }
    return structured;
  }
}

package dev.runtimedoctor.knowledge.entry;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean …" for a misspelt key, id or command. */
public final class Suggestions {
  private Suggestions() {}

  /**
   * The closest candidate within a small edit distance, if any; a candidate the word starts with
   * (or that starts with the word) counts as one edit away. Ties go to the smaller true edit
   * distance, then to the alphabetically first, so the answer never depends on iteration order.
   */
  public static Optional<String> closest(String word, Collection<String> candidates) {
    String w = word.toLowerCase(Locale.ROOT);
    int allowed = Math.max(1, Math.min(3, w.length() / 3));
    String best = null;
    int bestEffective = Integer.MAX_VALUE;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : new java.util.TreeSet<>(candidates)) {
      String lc = c.toLowerCase(Locale.ROOT);
      int d = distance(w, lc);
      boolean prefix = lc.startsWith(w) || w.startsWith(lc);
      int effective = prefix ? Math.min(d, 1) : d;
      if ((effective <= allowed)
          && (effective < bestEffective || (effective == bestEffective && d < bestDistance))) {
        bestEffective = effective;
        bestDistance = d;
        best = c;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The sentence ", did you mean 'x'?" or an empty string. */
  public static String didYouMean(String word, Collection<String> candidates) {
    return closest(word, candidates).map(c -> ", did you mean '" + c + "'?").orElse("");
  }

  /** Optimal string alignment distance: edits and swaps of neighbours ("aks" → "ask") cost 1. */
  private static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}

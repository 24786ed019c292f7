package dev.runtimedoctor.knowledge.match;

import dev.runtimedoctor.knowledge.index.CompiledSignature;
import java.util.BitSet;

/**
 * Finds how much of a signature a paste contains in order: a weighted longest common subsequence
 * between the signature's words and a window of the paste around each occurrence of the signature's
 * rarest words. Gaps are allowed (logs insert ids, paths, quotes), crossing lines is allowed within
 * a few lines (terminals wrap), reordering is not.
 */
final class SignatureAligner {
  /**
   * The result: the weight matched, the paste lines the matched words came from, which words of the
   * signature were found, and where in the paste's words they were found.
   */
  record Alignment(double matched, BitSet lines, BitSet found, BitSet positions) {}

  private static final int MAX_ANCHOR_POSITIONS = 48;
  private static final int LINE_SPAN = 3;

  private SignatureAligner() {}

  static Alignment align(CompiledSignature sig, PasteTokens paste) {
    int m = sig.tokens().length;
    double best = 0;
    int bestStart = -1;
    int bestEnd = -1;
    // Far from any position, without overflowing "p - lastCenter" for p = 0.
    int lastCenter = -MAX_ANCHOR_POSITIONS;
    int tried = 0;
    for (int anchor : sig.anchors()) {
      int[] pos = paste.positionsOf(anchor);
      int step = Math.max(1, pos.length / MAX_ANCHOR_POSITIONS);
      for (int k = 0; k < pos.length && tried < 3 * MAX_ANCHOR_POSITIONS; k += step) {
        int p = pos[k];
        if (Math.abs(p - lastCenter) < 2) {
          continue;
        }
        lastCenter = p;
        tried++;
        int start = Math.max(0, p - m - 6);
        int end = Math.min(paste.size, p + m + 7);
        int line = paste.lines[p];
        while (paste.lines[start] < line - LINE_SPAN) {
          start++;
        }
        while (paste.lines[end - 1] > line + LINE_SPAN) {
          end--;
        }
        double score = lcs(sig, paste, start, end, false, null, null, null);
        if (score > best + 1e-9) {
          best = score;
          bestStart = start;
          bestEnd = end;
        }
      }
    }
    BitSet lines = new BitSet();
    BitSet found = new BitSet();
    BitSet positions = new BitSet();
    if (bestStart >= 0) {
      lcs(sig, paste, bestStart, bestEnd, false, lines, found, positions);
    }
    return new Alignment(best, lines, found, positions);
  }

  /**
   * How much of a signature the paste shows up to {@code cut}, a position where the person cut an
   * error short: the window is the words before it, and between alignments of equal weight the one
   * using the signature's earliest words ("failed to allocate for range 0" is the chain's start,
   * not a later "range"). Anchoring at the cut finds a chain whose rare words were all cut away.
   */
  static Alignment alignBefore(CompiledSignature sig, PasteTokens paste, int cut) {
    int m = sig.tokens().length;
    int start = Math.max(0, cut - m - 6);
    int line = paste.lines[cut];
    while (paste.lines[start] < line - LINE_SPAN) {
      start++;
    }
    BitSet lines = new BitSet();
    BitSet found = new BitSet();
    BitSet positions = new BitSet();
    double score = lcs(sig, paste, start, cut + 1, true, lines, found, positions);
    return new Alignment(score, lines, found, positions);
  }

  private static double lcs(
      CompiledSignature sig,
      PasteTokens paste,
      int start,
      int end,
      boolean earliest,
      BitSet linesOut,
      BitSet foundOut,
      BitSet positionsOut) {
    int[] s = sig.tokens();
    double[] w = sig.weights();
    int m = s.length;
    int n = end - start;
    double[][] dp = new double[m + 1][n + 1];
    for (int i = 1; i <= m; i++) {
      for (int j = 1; j <= n; j++) {
        double v = Math.max(dp[i - 1][j], dp[i][j - 1]);
        if (s[i - 1] == paste.ids[start + j - 1]) {
          v = Math.max(v, dp[i - 1][j - 1] + w[i - 1]);
        }
        dp[i][j] = v;
      }
    }
    if (linesOut != null) {
      int i = m;
      int j = n;
      while (i > 0 && j > 0) {
        if (earliest && Math.abs(dp[i][j] - dp[i - 1][j]) < 1e-9) {
          i--;
        } else if (s[i - 1] == paste.ids[start + j - 1]
            && Math.abs(dp[i][j] - (dp[i - 1][j - 1] + w[i - 1])) < 1e-9) {
          linesOut.set(paste.lines[start + j - 1]);
          foundOut.set(i - 1);
          positionsOut.set(start + j - 1);
          i--;
          j--;
        } else if (Math.abs(dp[i][j] - dp[i - 1][j]) < 1e-9) {
          i--;
        } else {
          j--;
        }
      }
    }
    return dp[m][n];
  }
}

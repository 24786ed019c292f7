package dev.runtimedoctor.knowledge.match;

import dev.runtimedoctor.knowledge.index.CompiledSignature;
import java.util.Arrays;
import java.util.BitSet;

/** How surely a paste contains a signature, from the signature's alignment with the paste. */
final class SignatureConfidence {
  /** A part of an error chain weighing less than this (": unknown") counts for less. */
  private static final double PART_WEIGHT = 2.0;

  /** A word of a signature weighing this or more says which error it is, not how it is printed. */
  private static final double CAUSE_WORD_WEIGHT = 1.0;

  /** The weight of words found at which a match is no longer "too little to tell". */
  private static final double STRONG_WEIGHT = 8.0;

  /**
   * What a wrapping part of the chain counts for, against the part that says where the error
   * happened, the cause and the cause's own context: runtime versions add and drop wrappers ("rpc
   * error: code = Unknown desc", "failed to pull and unpack image") around the same error.
   */
  private static final double WRAPPER = 0.35;

  /**
   * Kept of a confidence that rests on the part of a signature the person showed before cutting the
   * error short: what follows was likely there, but nobody saw it.
   */
  static final double UNSEEN_TAIL = 0.85;

  /** The fewest words in a row, up to the cut, that make an error recognisable cut short. */
  private static final int MIN_RUN = 4;

  /** The most words of a cause that ends a chain in words every error uses ("not found"). */
  private static final int SHORT_CAUSE = 5;

  /** A signature of this many words or fewer is recognised only whole. */
  private static final int SHORT = 4;

  private SignatureConfidence() {}

  /** The weight of each part of the chain ("a: b: c"), and of its words the paste showed. */
  private record Parts(double[] total, double[] found) {
    static Parts of(CompiledSignature sig, SignatureAligner.Alignment a) {
      int parts = sig.segmentCount();
      double[] total = new double[parts];
      double[] found = new double[parts];
      for (int i = 0; i < sig.tokens().length; i++) {
        total[sig.segments()[i]] += sig.weights()[i];
        if (a.found().get(i)) {
          found[sig.segments()[i]] += sig.weights()[i];
        }
      }
      return new Parts(total, found);
    }

    /** The first part weighing enough to tell (where the error happened), or -1. */
    int firstTelling() {
      for (int g = 0; g < total.length; g++) {
        if (total[g] >= PART_WEIGHT / 2) {
          return g;
        }
      }
      return -1;
    }

    /** The last part weighing enough to tell (what the error is), or -1. */
    int lastTelling() {
      for (int g = total.length - 1; g >= 0; g--) {
        if (total[g] >= PART_WEIGHT / 2) {
          return g;
        }
      }
      return -1;
    }
  }

  /**
   * How surely a paste contains a signature the person cut short ("Failed to create pod sandbox ...
   * failed to allocate for range 0", or a line that ends the paste): the confidence of the part
   * shown, times {@link #UNSEEN_TAIL}. It is 0 unless the last word found is where the paste was
   * cut, words of the signature follow it, and the words just before the cut read as the signature
   * reads: at least {@link #MIN_RUN} in a row, weighing half a strong match or more, one of them
   * telling (weighing half of {@code tellingWeight} or more), in an order that {@code specific}
   * accepts as this entry's alone — so that a generic start ("failed to pull image") or a lone word
   * at the end of an unrelated sentence ("… is not ready") names no issue.
   *
   * @param cut the paste positions where the person cut an error short
   * @param tellingWeight the weight of a word used by one entry's signatures only
   * @param specific whether a run of signature words (vocabulary ids, in order) is found in this
   *     entry's signatures and no other's
   */
  static double ofCutShort(
      CompiledSignature sig,
      SignatureAligner.Alignment a,
      BitSet cut,
      double tellingWeight,
      java.util.function.Predicate<int[]> specific) {
    int m = sig.tokens().length;
    int shown = a.found().previousSetBit(m - 1) + 1;
    if (shown <= 0 || shown == m || a.positions().isEmpty()) {
      return 0;
    }
    if (!cut.get(a.positions().length() - 1)) {
      return 0;
    }
    int i = shown - 1;
    int p = a.positions().length() - 1;
    int telling = 0;
    double runWeight = 0;
    while (i >= 0 && p >= 0 && a.found().get(i) && a.positions().get(p)) {
      if (sig.weights()[i] >= tellingWeight / 2) {
        telling++;
      }
      runWeight += sig.weights()[i];
      i--;
      p--;
    }
    int[] run = Arrays.copyOfRange(sig.tokens(), i + 1, shown);
    if (run.length < MIN_RUN
        || telling == 0
        || runWeight < STRONG_WEIGHT / 2
        || !specific.test(run)) {
      return 0;
    }
    double[] weights = Arrays.copyOf(sig.weights(), shown);
    CompiledSignature part =
        new CompiledSignature(
            sig.entry(),
            sig.text(),
            Arrays.copyOf(sig.tokens(), shown),
            weights,
            Arrays.stream(weights).sum(),
            sig.anchors(),
            Arrays.copyOf(sig.segments(), shown));
    return of(part, a) * UNSEEN_TAIL;
  }

  /**
   * Each part's role: 1 for the first telling part (where), the last (the cause) and the one just
   * before the cause (its context), {@link #WRAPPER} for the parts in between.
   */
  private static double[] roles(double[] total) {
    double[] role = new double[total.length];
    java.util.Arrays.fill(role, WRAPPER);
    int first = -1;
    int last = -1;
    int beforeLast = -1;
    for (int g = 0; g < total.length; g++) {
      if (total[g] >= PART_WEIGHT / 2) {
        if (first < 0) {
          first = g;
        }
        beforeLast = last;
        last = g;
      }
    }
    if (first < 0) {
      java.util.Arrays.fill(role, 1);
      return role;
    }
    for (int g : new int[] {first, last, beforeLast}) {
      if (g >= 0) {
        role[g] = 1;
      }
    }
    // Light parts after the cause ("not found", ": unknown") belong to it.
    for (int g = last + 1; g < total.length; g++) {
      role[g] = 1;
    }
    return role;
  }

  /**
   * How surely a paste contains a signature: the share of its weight found in order, times the
   * share of its error-chain parts found (each part judged on its own, squared, so a part that is
   * half there counts a quarter), discounted when the words found carry little information.
   */
  static double of(CompiledSignature sig, SignatureAligner.Alignment a) {
    if (sig.totalWeight() <= 0 || a.matched() <= 0) {
      return 0;
    }
    Parts p = Parts.of(sig, a);
    double[] total = p.total();
    double[] found = p.found();
    int parts = total.length;
    double[] role = roles(total);
    double sum = 0;
    double importance = 0;
    double weighed = 0;
    double weighedFound = 0;
    for (int g = 0; g < parts; g++) {
      if (total[g] <= 0) {
        continue;
      }
      double imp = Math.min(1, total[g] / PART_WEIGHT) * role[g];
      double share = found[g] / total[g];
      sum += imp * share * share;
      importance += imp;
      weighed += total[g] * role[g];
      weighedFound += found[g] * role[g];
    }
    double coverage = weighedFound / weighed;
    double partCoverage = importance > 0 ? sum / importance : 0;
    double strength = Math.min(1, a.matched() / STRONG_WEIGHT);
    double c = coverage * partCoverage * strength;
    // The first part says where the error happened, the last what it is: an error that shares
    // only the middle of a chain is another error.
    int first = p.firstTelling();
    int last = p.lastTelling();
    if (first >= 0 && (found[first] / total[first] < 0.5 || found[last] / total[last] < 0.5)) {
      c *= Matcher.ENDS_MISSING;
    } else if (tailUnseen(sig, a)) {
      c *= Matcher.ENDS_MISSING;
    }
    // Each error string has a word that makes it this error ("mtab", "mkparent"): without it,
    // the rest is a different error worded alike.
    double heaviest = 0;
    boolean keywordFound = false;
    for (int i = 0; i < sig.tokens().length; i++) {
      heaviest = Math.max(heaviest, sig.weights()[i]);
    }
    for (int i = 0; i < sig.tokens().length; i++) {
      if (sig.weights()[i] >= 0.9 * heaviest && a.found().get(i)) {
        keywordFound = true;
      }
    }
    if (!keywordFound) {
      c *= Matcher.ENDS_MISSING;
    }
    // A short error string is one phrase: with one of its few words missing, the words found are
    // another sentence that shares them ("Internal error occurred … certificate").
    if (sig.tokens().length <= SHORT && a.found().cardinality() < sig.tokens().length) {
      c *= Matcher.ENDS_MISSING;
    }
    return c;
  }

  /**
   * Whether the chain's last part is a cause of common words ("not found", "no such file or
   * directory") whose heaviest word the paste does not show: the words before it are the frame many
   * errors share ("failed to resolve reference"), and a cause that only shares a lighter word with
   * it ("is not yet valid") is another one. A one-word tail (": unknown") is how containerd ends
   * any error, so its absence says nothing; a long one is a message of its own, judged by the other
   * rules.
   */
  private static boolean tailUnseen(CompiledSignature sig, SignatureAligner.Alignment a) {
    int lastPart = sig.segmentCount() - 1;
    int words = 0;
    int heaviest = -1;
    for (int i = 0; i < sig.tokens().length; i++) {
      if (sig.segments()[i] == lastPart) {
        words++;
        if (heaviest < 0 || sig.weights()[i] > sig.weights()[heaviest]) {
          heaviest = i;
        }
      }
    }
    return words >= 2 && words <= SHORT_CAUSE && !a.found().get(heaviest);
  }

  /**
   * Whether the paste shows the signature's cause: its last telling part of the chain half found or
   * more, and the last word weighing {@link #CAUSE_WORD_WEIGHT} or more in it. "x509: certificate
   * signed by unknown authority" quoted in a question shows the registry issue's cause; the exec
   * probe's {@code "Probe failed" … output="command … timed out"} frame around an HTTP probe's
   * "context deadline exceeded" does not.
   */
  static boolean namesCause(CompiledSignature sig, SignatureAligner.Alignment a) {
    Parts p = Parts.of(sig, a);
    int lastWord = -1;
    for (int i = 0; i < sig.tokens().length; i++) {
      if (sig.weights()[i] >= CAUSE_WORD_WEIGHT) {
        lastWord = i;
      }
    }
    int last = p.lastTelling();
    return (last < 0 || p.found()[last] / p.total()[last] >= 0.5)
        && (lastWord < 0 || a.found().get(lastWord));
  }
}

package dev.runtimedoctor.knowledge.match;

import dev.runtimedoctor.knowledge.index.CompiledSignature;
import dev.runtimedoctor.knowledge.index.Vocabulary;
import java.util.BitSet;

/**
 * Whether a paste says the opposite, or something else, in the part of an error chain it shares
 * with a signature: "no IP addresses available in range set" and "requested IP address 10.4.2.17 is
 * not available in range set" share most words, but one is an empty range and the other a taken
 * address. A part whose negations differ between the signature and the paste's words where it was
 * found is another part, however many words it shares.
 */
final class Polarity {
  private static final String[] NEGATIONS = {"no", "not", "cannot", "never", "none", "nothing"};

  /** How many words before an error a negation still denies it: the one just before. */
  private static final int DENIAL_REACH = 1;

  private final BitSet negations = new BitSet();

  /** The negation words among {@code vocabulary}'s. */
  Polarity(Vocabulary vocabulary) {
    for (String word : NEGATIONS) {
      int id = vocabulary.id(word);
      if (id >= 0) {
        negations.set(id);
      }
    }
  }

  /**
   * {@code a} without the words of each chain part whose negations the paste does not repeat where
   * the part was found (between its first and last word found), or {@code a} itself when every part
   * agrees.
   */
  SignatureAligner.Alignment agreeing(
      CompiledSignature sig, SignatureAligner.Alignment a, PasteTokens paste) {
    if (negations.isEmpty() || a.found().isEmpty()) {
      return a;
    }
    int parts = sig.segmentCount();
    BitSet negationLost = new BitSet();
    int[] firstPosition = new int[parts];
    int[] lastPosition = new int[parts];
    java.util.Arrays.fill(firstPosition, -1);
    for (int i = 0; i < sig.tokens().length; i++) {
      if (negations.get(sig.tokens()[i]) && !a.found().get(i)) {
        negationLost.set(sig.segments()[i]);
      }
    }
    // The k-th word found is at the k-th position matched: both run in order.
    for (int i = a.found().nextSetBit(0), p = a.positions().nextSetBit(0);
        i >= 0 && p >= 0;
        i = a.found().nextSetBit(i + 1), p = a.positions().nextSetBit(p + 1)) {
      int g = sig.segments()[i];
      if (firstPosition[g] < 0) {
        firstPosition[g] = p;
      }
      lastPosition[g] = p;
    }
    BitSet agreeing = (BitSet) a.found().clone();
    boolean changed = false;
    // "it's not OOMKilled": a negation just before the chain's first word found, on its line,
    // denies the error rather than reports it. Only just before: "not in CrashLoopBackOff" reads
    // alike to "not ready … CrashLoopBackOff" of a table row.
    if (deniedBefore(a.positions().nextSetBit(0), paste)) {
      int g = sig.segments()[a.found().nextSetBit(0)];
      for (int i = 0; i < sig.tokens().length; i++) {
        if (sig.segments()[i] == g) {
          agreeing.clear(i);
        }
      }
      changed = true;
    }
    for (int g = 0; g < parts; g++) {
      if (firstPosition[g] < 0 || firstPosition[g] == lastPosition[g]) {
        continue;
      }
      boolean negationAdded = false;
      for (int p = firstPosition[g]; p <= lastPosition[g]; p++) {
        negationAdded |= paste.ids[p] >= 0 && negations.get(paste.ids[p]) && !a.positions().get(p);
      }
      if (negationLost.get(g) || negationAdded) {
        for (int i = 0; i < sig.tokens().length; i++) {
          if (sig.segments()[i] == g) {
            agreeing.clear(i);
          }
        }
        changed = true;
      }
    }
    return changed
        ? new SignatureAligner.Alignment(a.matched(), a.lines(), agreeing, a.positions())
        : a;
  }

  /**
   * Whether a negation stands at most {@link #DENIAL_REACH} words before {@code first}, on its
   * line.
   */
  private boolean deniedBefore(int first, PasteTokens paste) {
    for (int p = first - 1; p >= Math.max(0, first - DENIAL_REACH); p--) {
      if (paste.lines[p] != paste.lines[first]) {
        return false;
      }
      if (paste.ids[p] >= 0 && negations.get(paste.ids[p])) {
        return true;
      }
    }
    return false;
  }
}

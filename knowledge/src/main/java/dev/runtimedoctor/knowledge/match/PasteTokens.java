package dev.runtimedoctor.knowledge.match;

import dev.runtimedoctor.knowledge.analysis.LogTokens;
import dev.runtimedoctor.knowledge.analysis.NormalizedPaste;
import dev.runtimedoctor.knowledge.entry.Placeholder;
import dev.runtimedoctor.knowledge.index.Vocabulary;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The words of a paste that some signature uses, in order, with the line each came from; words no
 * signature knows are dropped, so noise between the words of an error does not break it apart. A
 * word wrapped across two lines ("CreateComp" / "uteSystem") is joined back when only the joined
 * form is known.
 */
final class PasteTokens {
  /** Bounds the signature query however many distinct word pairs a huge log has. */
  private static final int MAX_QUERY_TERMS = 50_000;

  final int[] ids;
  final int[] lines;
  final int size;

  /**
   * The positions where the person cut an error short: the word is the last one of the paste, or an
   * ellipsis ("...", "…") follows it. What a signature has after such a word was not shown, which
   * is not the same as shown and different.
   */
  final BitSet cut = new BitSet();

  /** Words and word pairs for the Lucene signature query; empty unless asked for. */
  final Set<String> queryTerms = new LinkedHashSet<>();

  private Map<Integer, int[]> positions;

  PasteTokens(NormalizedPaste paste, Vocabulary vocabulary, boolean collectQueryTerms) {
    int[] ids = new int[256];
    int[] lines = new int[256];
    int n = 0;
    // The last word of the previous line, for joining words wrapped across lines.
    String lastText = null;
    int lastStart = 0;
    int lastEnd = 0;
    int lastId = -1;
    int lastLine = -2;
    // The last known word, unless a word no signature knows came after it.
    int cutCandidate = -1;
    for (int li = 0; li < paste.lines().size(); li++) {
      if (paste.lines().get(li).isCommand()) {
        continue;
      }
      String text = paste.lines().get(li).masked();
      int pos = 0;
      int[] span;
      boolean first = true;
      String prevWord = null;
      while ((span = LogTokens.next(text, pos)) != null) {
        if (cutCandidate >= 0 && lines[cutCandidate] == li && elided(text, pos, span[0])) {
          cut.set(cutCandidate);
        }
        pos = span[1];
        int id = vocabulary.id(text, span[0], span[1]);
        if (id < 0) {
          id = vocabulary.typoId(text, span[0], span[1]);
        }
        if (first && lastText != null && lastLine == li - 1 && (id < 0 || lastId < 0)) {
          String joined = lastText.substring(lastStart, lastEnd) + text.substring(span[0], span[1]);
          int joinedId = vocabulary.id(joined);
          if (joinedId >= 0) {
            if (lastId >= 0) {
              ids[n - 1] = joinedId;
            } else {
              ids = grow(ids, n);
              lines = grow(lines, n);
              ids[n] = joinedId;
              lines[n] = li;
              n++;
            }
            first = false;
            lastId = joinedId;
            lastText = joined;
            lastStart = 0;
            lastEnd = joined.length();
            lastLine = li;
            continue;
          }
        }
        first = false;
        // A placeholder after the last word ("range 0", "for <id>") is a value, not more words.
        if (id >= 0) {
          cutCandidate = n;
        } else if (text.charAt(span[0]) != '<') {
          cutCandidate = -1;
        }
        if (id >= 0) {
          ids = grow(ids, n);
          lines = grow(lines, n);
          ids[n] = id;
          lines[n] = li;
          n++;
        }
        if (collectQueryTerms && queryTerms.size() < MAX_QUERY_TERMS) {
          boolean placeholder = Placeholder.startsAt(text, span[0]);
          if (id >= 0 || placeholder) {
            String word = text.substring(span[0], span[1]).toLowerCase(Locale.ROOT);
            if (id >= 0) {
              queryTerms.add(word);
            }
            if (prevWord != null) {
              queryTerms.add(prevWord + " " + word);
            }
            prevWord = word;
          } else {
            prevWord = null;
          }
        }
        lastText = text;
        lastStart = span[0];
        lastEnd = span[1];
        lastId = id;
        lastLine = li;
      }
    }
    if (cutCandidate >= 0) {
      cut.set(cutCandidate);
    }
    this.ids = ids;
    this.lines = lines;
    this.size = n;
  }

  private static boolean elided(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c == '\u2026' || (c == '.' && i + 2 < to && text.startsWith("..", i + 1))) {
        return true;
      }
    }
    return false;
  }

  private static int[] grow(int[] a, int n) {
    return n < a.length ? a : Arrays.copyOf(a, a.length * 2);
  }

  /** Where each word occurs, computed once per paste. */
  int[] positionsOf(int wordId) {
    if (positions == null) {
      Map<Integer, Integer> counts = new HashMap<>();
      for (int i = 0; i < size; i++) {
        counts.merge(ids[i], 1, Integer::sum);
      }
      Map<Integer, int[]> out = new HashMap<>();
      counts.forEach((k, v) -> out.put(k, new int[v]));
      Map<Integer, Integer> fill = new HashMap<>();
      for (int i = 0; i < size; i++) {
        int at = fill.merge(ids[i], 1, Integer::sum) - 1;
        out.get(ids[i])[at] = i;
      }
      positions = out;
    }
    return positions.getOrDefault(wordId, new int[0]);
  }
}

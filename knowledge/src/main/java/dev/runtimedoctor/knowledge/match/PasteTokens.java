package dev.runtimedoctor.knowledge.match;

import dev.runtimedoctor.knowledge.analysis.LogTokens;
import dev.runtimedoctor.knowledge.analysis.NormalizedPaste;
import dev.runtimedoctor.knowledge.analysis.PasteLine;
import dev.runtimedoctor.knowledge.index.KnowledgeIndex;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
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
  final Set<String> queryTerms = new LinkedHashSet<>();
  private Map<Integer, int[]> positions;

  PasteTokens(NormalizedPaste paste, KnowledgeIndex index) {
    int[] ids = new int[256];
    int[] lines = new int[256];
    int n = 0;
    String lastWord = null;
    int lastLine = -2;
    for (int li = 0; li < paste.lines().size(); li++) {
      PasteLine line = paste.lines().get(li);
      String prev = null;
      boolean first = true;
      for (String word : LogTokens.of(line.masked())) {
        int id = index.wordId(word);
        if (first && lastWord != null && lastLine == li - 1) {
          int joined = index.wordId(lastWord + word);
          boolean lastKnown = n > 0 && lines[n - 1] == li - 1 && index.wordId(lastWord) >= 0;
          if (joined >= 0 && (id < 0 || !lastKnown)) {
            if (lastKnown) {
              ids[n - 1] = joined;
            } else {
              ids = grow(ids, n);
              lines = grow(lines, n);
              ids[n] = joined;
              lines[n] = li;
              n++;
            }
            lastWord = lastWord + word;
            first = false;
            prev = lastWord;
            continue;
          }
        }
        first = false;
        if (id >= 0) {
          ids = grow(ids, n);
          lines = grow(lines, n);
          ids[n] = id;
          lines[n] = li;
          n++;
          if (queryTerms.size() < MAX_QUERY_TERMS) {
            queryTerms.add(word);
          }
        }
        if (prev != null
            && queryTerms.size() < MAX_QUERY_TERMS
            && (id >= 0 || LogTokens.isPlaceholder(word))
            && (index.wordId(prev) >= 0 || LogTokens.isPlaceholder(prev))) {
          queryTerms.add(prev + " " + word);
        }
        prev = word;
        lastWord = word;
        lastLine = li;
      }
    }
    this.ids = ids;
    this.lines = lines;
    this.size = n;
  }

  private static int[] grow(int[] a, int n) {
    return n < a.length ? a : Arrays.copyOf(a, a.length * 2);
  }

  /** Where each word occurs, computed once per paste. */
  int[] positionsOf(int wordId) {
    if (positions == null) {
      Map<Integer, int[]> counts = new HashMap<>();
      Map<Integer, Integer> fill = new HashMap<>();
      for (int i = 0; i < size; i++) {
        fill.merge(ids[i], 1, Integer::sum);
      }
      fill.forEach((k, v) -> counts.put(k, new int[v]));
      fill.replaceAll((k, v) -> 0);
      for (int i = 0; i < size; i++) {
        int k = ids[i];
        int at = fill.get(k);
        counts.get(k)[at] = i;
        fill.put(k, at + 1);
      }
      positions = counts;
    }
    return positions.getOrDefault(wordId, new int[0]);
  }
}

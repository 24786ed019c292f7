package dev.runtimedoctor.knowledge.index;

import java.util.List;

/**
 * The signature words and their ids, looked up straight from a slice of text without allocating: a
 * 1 MB log has a hundred thousand words, and most are not in any signature.
 */
public final class Vocabulary {
  private final char[][] keys;
  private final int[] ids;
  private final int mask;

  /** A vocabulary of lowercase {@code words}; a word's id is its position in the list. */
  public Vocabulary(List<String> words) {
    int capacity = Integer.highestOneBit(Math.max(16, words.size() * 3)) << 1;
    keys = new char[capacity][];
    ids = new int[capacity];
    mask = capacity - 1;
    for (int i = 0; i < words.size(); i++) {
      char[] w = words.get(i).toCharArray();
      int slot = hash(w, 0, w.length) & mask;
      while (keys[slot] != null) {
        slot = (slot + 1) & mask;
      }
      keys[slot] = w;
      ids[slot] = i;
    }
  }

  /** The id of the word {@code text[start, end)}, compared ignoring case, or -1. */
  public int id(CharSequence text, int start, int end) {
    int h = 0;
    for (int i = start; i < end; i++) {
      h = 31 * h + Character.toLowerCase(text.charAt(i));
    }
    int slot = mix(h) & mask;
    int len = end - start;
    char[] k;
    while ((k = keys[slot]) != null) {
      if (k.length == len && equalsIgnoringCase(k, text, start)) {
        return ids[slot];
      }
      slot = (slot + 1) & mask;
    }
    return -1;
  }

  /** The id of {@code word}, or -1. */
  public int id(String word) {
    return id(word, 0, word.length());
  }

  private static boolean equalsIgnoringCase(char[] k, CharSequence text, int start) {
    for (int i = 0; i < k.length; i++) {
      if (k[i] != Character.toLowerCase(text.charAt(start + i))) {
        return false;
      }
    }
    return true;
  }

  private static int hash(char[] w, int start, int end) {
    int h = 0;
    for (int i = start; i < end; i++) {
      h = 31 * h + w[i];
    }
    return mix(h);
  }

  private static int mix(int h) {
    return h ^ (h >>> 16) ^ (h >>> 7);
  }
}

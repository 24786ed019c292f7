package dev.runtimedoctor.knowledge.index;

import java.util.List;

/**
 * The signature words and their ids, looked up straight from a slice of text without allocating: a
 * 1 MB log has a hundred thousand words, and most are not in any signature.
 */
public final class Vocabulary {
  /** Words this long or longer also match when printed with one letter missing. */
  static final int TYPO_MIN_LENGTH = 9;

  private final List<String> words;
  private final char[][] keys;
  private final int[] ids;
  private final int mask;
  private final char[][] typoKeys;
  private final int[] typoIds;
  private final int typoMask;

  /** A vocabulary of lowercase {@code words}; a word's id is its position in the list. */
  public Vocabulary(List<String> words) {
    this.words = List.copyOf(words);
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
    // Runtimes ship typos ("cni config unintialized" in kubelet 1.5/1.6): long words are also
    // known by each form with one letter dropped. A form two words share tells neither apart.
    java.util.Set<String> known = new java.util.HashSet<>(words);
    java.util.Map<String, Integer> typos = new java.util.HashMap<>();
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      if (w.length() < TYPO_MIN_LENGTH || !w.chars().allMatch(Character::isLetter)) {
        continue;
      }
      for (int d = 0; d < w.length(); d++) {
        String form = w.substring(0, d) + w.substring(d + 1);
        if (!known.contains(form)) {
          typos.merge(form, i, (a, b) -> a.equals(b) ? a : -1);
        }
      }
    }
    typos.values().removeIf(v -> v < 0);
    int typoCapacity = Integer.highestOneBit(Math.max(16, typos.size() * 3)) << 1;
    typoKeys = new char[typoCapacity][];
    typoIds = new int[typoCapacity];
    typoMask = typoCapacity - 1;
    typos.forEach(
        (form, id) -> {
          char[] w = form.toCharArray();
          int slot = hash(w, 0, w.length) & typoMask;
          while (typoKeys[slot] != null) {
            slot = (slot + 1) & typoMask;
          }
          typoKeys[slot] = w;
          typoIds[slot] = id;
        });
  }

  /**
   * The id of the long word that {@code text[start, end)} is with one letter missing, compared
   * ignoring case, or -1: for the words a runtime misspelt.
   */
  public int typoId(CharSequence text, int start, int end) {
    if (end - start < TYPO_MIN_LENGTH - 1) {
      return -1;
    }
    return lookup(typoKeys, typoIds, typoMask, text, start, end);
  }

  /** The id of the word {@code text[start, end)}, compared ignoring case, or -1. */
  public int id(CharSequence text, int start, int end) {
    return lookup(keys, ids, mask, text, start, end);
  }

  private static int lookup(
      char[][] keys, int[] ids, int mask, CharSequence text, int start, int end) {
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

  /** The word with id {@code id}, lowercase. */
  public String word(int id) {
    return words.get(id);
  }

  /** The words, each at its id. */
  List<String> words() {
    return words;
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

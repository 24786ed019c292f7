package dev.runtimedoctor.knowledge.index;

import static dev.runtimedoctor.knowledge.entry.SnapshotData.count;
import static dev.runtimedoctor.knowledge.entry.SnapshotData.readDoubles;
import static dev.runtimedoctor.knowledge.entry.SnapshotData.readInts;
import static dev.runtimedoctor.knowledge.entry.SnapshotData.readMap;
import static dev.runtimedoctor.knowledge.entry.SnapshotData.readStrings;
import static dev.runtimedoctor.knowledge.entry.SnapshotData.writeDoubles;
import static dev.runtimedoctor.knowledge.entry.SnapshotData.writeInts;
import static dev.runtimedoctor.knowledge.entry.SnapshotData.writeMap;
import static dev.runtimedoctor.knowledge.entry.SnapshotData.writeStrings;

import dev.runtimedoctor.knowledge.analysis.TextAnalyzers;
import dev.runtimedoctor.knowledge.entry.Entry;
import dev.runtimedoctor.knowledge.entry.Language;
import dev.runtimedoctor.knowledge.entry.SnapshotData;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every entry's symptom phrases as weighted stemmed terms, with an inverted list from term to the
 * phrases that use it: a paste's few hundred terms find the phrases they touch without every phrase
 * of every entry being walked.
 */
public final class SymptomPhrases {
  /** A phrase word below this weight ("pod", "node", "containerd") tells little on its own. */
  public static final double TELLING_WEIGHT = 1.0;

  /**
   * One phrase.
   *
   * @param heaviest the weight of its most telling word
   * @param telling how many of its words weigh at least {@link #TELLING_WEIGHT}
   */
  public record Phrase(
      int entry, String[] terms, double[] weights, double total, double heaviest, int telling) {}

  private static final int TERM_BITS = 8;
  private static final long[] NONE = new long[0];

  private final List<Phrase> phrases;
  private final int[] firstOfEntry;
  private final Map<Language, Map<String, long[]>> postings;

  private SymptomPhrases(
      List<Phrase> phrases, int[] firstOfEntry, Map<Language, Map<String, long[]>> postings) {
    this.phrases = phrases;
    this.firstOfEntry = firstOfEntry;
    this.postings = postings;
  }

  /**
   * The phrases of {@code entries}, weighted by how many of {@code entryCount} entries use a term.
   */
  static SymptomPhrases build(
      List<Entry> entries, TextAnalyzers analyzers, Map<String, Integer> textDf, int entryCount) {
    List<Phrase> phrases = new ArrayList<>();
    int[] first = new int[entries.size() + 1];
    Map<Language, Map<String, List<Long>>> lists = new EnumMap<>(Language.class);
    for (int e = 0; e < entries.size(); e++) {
      first[e] = phrases.size();
      for (Language l : Language.values()) {
        for (String text : entries.get(e).symptoms(l)) {
          Set<String> terms = analyzers.terms(l, text, 1 << TERM_BITS);
          if (terms.isEmpty()) {
            continue;
          }
          Phrase p = phrase(e, terms, textDf, entryCount);
          int id = phrases.size();
          phrases.add(p);
          for (int i = 0; i < p.terms().length; i++) {
            lists
                .computeIfAbsent(l, k -> new HashMap<>())
                .computeIfAbsent(p.terms()[i], k -> new ArrayList<>())
                .add(((long) id << TERM_BITS) | i);
          }
        }
      }
    }
    first[entries.size()] = phrases.size();
    Map<Language, Map<String, long[]>> postings = new EnumMap<>(Language.class);
    for (Language l : Language.values()) {
      Map<String, long[]> m = new HashMap<>();
      lists
          .getOrDefault(l, Map.of())
          .forEach((t, ids) -> m.put(t, ids.stream().mapToLong(Long::longValue).toArray()));
      postings.put(l, m);
    }
    return new SymptomPhrases(List.copyOf(phrases), first, postings);
  }

  private static Phrase phrase(
      int entry, Set<String> terms, Map<String, Integer> textDf, int entries) {
    String[] t = terms.toArray(new String[0]);
    double[] w = new double[t.length];
    double total = 0;
    double heaviest = 0;
    int telling = 0;
    for (int i = 0; i < t.length; i++) {
      // A floor keeps a phrase's common words from vanishing from its total.
      w[i] = Math.max(0.2, Math.log(1.0 + (double) entries / textDf.getOrDefault(t[i], 1)));
      total += w[i];
      heaviest = Math.max(heaviest, w[i]);
      if (w[i] >= TELLING_WEIGHT) {
        telling++;
      }
    }
    return new Phrase(entry, t, w, total, heaviest, telling);
  }

  /** Writes these phrases for {@link #read}: each phrase, each entry's first, the postings. */
  void write(DataOutput out) throws IOException {
    out.writeInt(phrases.size());
    for (Phrase p : phrases) {
      out.writeInt(p.entry());
      writeStrings(out, List.of(p.terms()));
      writeDoubles(out, p.weights());
      out.writeDouble(p.total());
      out.writeDouble(p.heaviest());
      out.writeInt(p.telling());
    }
    writeInts(out, firstOfEntry);
    for (Language l : Language.values()) {
      writeMap(out, postings.get(l), SnapshotData::writeLongs);
    }
  }

  /**
   * Reads phrases {@link #write} wrote, equal to those written.
   *
   * @throws IOException when the bytes end early or hold a negative count
   */
  static SymptomPhrases read(DataInput in) throws IOException {
    int n = count(in);
    List<Phrase> phrases = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      phrases.add(
          new Phrase(
              in.readInt(),
              readStrings(in).toArray(new String[0]),
              readDoubles(in),
              in.readDouble(),
              in.readDouble(),
              in.readInt()));
    }
    int[] first = readInts(in);
    Map<Language, Map<String, long[]>> postings = new EnumMap<>(Language.class);
    for (Language l : Language.values()) {
      postings.put(l, readMap(in, SnapshotData::readLongs));
    }
    return new SymptomPhrases(List.copyOf(phrases), first, postings);
  }

  /** How many phrases there are; ids run from 0. */
  public int size() {
    return phrases.size();
  }

  public Phrase get(int id) {
    return phrases.get(id);
  }

  /** The first phrase id of the entry at {@code entry}. */
  public int first(int entry) {
    return firstOfEntry[entry];
  }

  /** One past the last phrase id of the entry at {@code entry}. */
  public int end(int entry) {
    return firstOfEntry[entry + 1];
  }

  /** The phrases using {@code term} in {@code language}, as (phrase id, term index) pairs. */
  public long[] postings(Language language, String term) {
    return postings.get(language).getOrDefault(term, NONE);
  }

  /** The phrase id of a posting. */
  public static int phraseOf(long posting) {
    return (int) (posting >>> TERM_BITS);
  }

  /** The term index of a posting within its phrase. */
  public static int termOf(long posting) {
    return (int) (posting & ((1 << TERM_BITS) - 1));
  }
}

package dev.runtimedoctor.knowledge.index;

import static dev.runtimedoctor.knowledge.entry.SnapshotData.readMap;
import static dev.runtimedoctor.knowledge.entry.SnapshotData.writeMap;

import dev.runtimedoctor.knowledge.analysis.TextAnalyzers;
import dev.runtimedoctor.knowledge.entry.Entry;
import dev.runtimedoctor.knowledge.entry.Language;
import dev.runtimedoctor.knowledge.entry.SnapshotData;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.BitSet;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The entries' prose (titles, symptoms, bodies) as stemmed terms: which entries use a term, how
 * much a term tells across entries, and every entry's symptom phrases, with the analyzers that turn
 * a paste's words into the same terms.
 */
public final class ProseIndex {
  private static final int[] NONE = new int[0];

  private final TextAnalyzers analyzers;
  private final Map<Language, Map<String, int[]>> postings;
  private final Map<String, Double> weights;
  private final SymptomPhrases symptomPhrases;

  private ProseIndex(
      TextAnalyzers analyzers,
      Map<Language, Map<String, int[]>> postings,
      Map<String, Double> weights,
      SymptomPhrases symptomPhrases) {
    this.analyzers = analyzers;
    this.postings = postings;
    this.weights = weights;
    this.symptomPhrases = symptomPhrases;
  }

  /**
   * The prose of {@code entries}, read from {@code lucene} (built from the same entries with the
   * same {@code analyzers}, now or earlier): its terms are already analyzed there, and analyzing
   * every body a second time would double the build of a large knowledge base.
   *
   * @throws UncheckedIOException when the Lucene index cannot be read
   */
  public static ProseIndex build(List<Entry> entries, LuceneIndex lucene, TextAnalyzers analyzers) {
    Map<Language, Map<String, int[]>> postings = new EnumMap<>(Language.class);
    try {
      for (Language l : Language.values()) {
        Map<String, BitSet> docs = new HashMap<>();
        for (String field : List.of(Fields.title(l), Fields.symptoms(l), Fields.body(l))) {
          lucene.collectEntries(field, docs);
        }
        Map<String, int[]> arrays = new HashMap<>();
        docs.forEach((t, bits) -> arrays.put(t, bits.stream().toArray()));
        postings.put(l, arrays);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the prose of the index", e);
    }
    Map<String, BitSet> any = new HashMap<>();
    for (Map<String, int[]> perLang : postings.values()) {
      perLang.forEach(
          (t, ids) -> {
            BitSet b = any.computeIfAbsent(t, k -> new BitSet());
            for (int e : ids) {
              b.set(e);
            }
          });
    }
    int n = Math.max(1, entries.size());
    Map<String, Double> weights = new HashMap<>();
    Map<String, Integer> df = new HashMap<>();
    any.forEach(
        (t, b) -> {
          df.put(t, b.cardinality());
          weights.put(t, Math.log(1.0 + (double) n / b.cardinality()));
        });
    return new ProseIndex(
        analyzers,
        postings,
        Collections.unmodifiableMap(weights),
        SymptomPhrases.build(entries, analyzers, df, n));
  }

  /** Writes this index for {@link #read}: the postings by language, the weights, the phrases. */
  void write(DataOutput out) throws IOException {
    for (Language l : Language.values()) {
      writeMap(out, postings.get(l), SnapshotData::writeInts);
    }
    writeMap(out, weights, DataOutput::writeDouble);
    symptomPhrases.write(out);
  }

  /**
   * Reads an index {@link #write} wrote, equal to the one written, with {@code analyzers} for the
   * pastes.
   *
   * @throws IOException when the bytes end early or hold a negative count
   */
  static ProseIndex read(DataInput in, TextAnalyzers analyzers) throws IOException {
    Map<Language, Map<String, int[]>> postings = new EnumMap<>(Language.class);
    for (Language l : Language.values()) {
      postings.put(l, readMap(in, SnapshotData::readInts));
    }
    Map<String, Double> weights = readMap(in, DataInput::readDouble);
    return new ProseIndex(
        analyzers, postings, Collections.unmodifiableMap(weights), SymptomPhrases.read(in));
  }

  /** The analyzers that turn a paste's words into the terms of this index. */
  public TextAnalyzers analyzers() {
    return analyzers;
  }

  /** The positions of the entries whose prose in {@code language} uses {@code term}, ascending. */
  public int[] entriesUsing(Language language, String term) {
    return postings.get(language).getOrDefault(term, NONE);
  }

  /** How much a prose term tells across entries (0 for terms no entry uses). */
  public double weight(String term) {
    return weights.getOrDefault(term, 0.0);
  }

  /** Every entry's symptom phrases, with the terms that lead to them. */
  public SymptomPhrases symptomPhrases() {
    return symptomPhrases;
  }
}

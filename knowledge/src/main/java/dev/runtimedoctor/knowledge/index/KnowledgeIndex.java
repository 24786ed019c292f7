package dev.runtimedoctor.knowledge.index;

import dev.runtimedoctor.knowledge.analysis.LogAnalyzer;
import dev.runtimedoctor.knowledge.analysis.LogTokens;
import dev.runtimedoctor.knowledge.analysis.Masker;
import dev.runtimedoctor.knowledge.analysis.TextAnalyzers;
import dev.runtimedoctor.knowledge.entry.Entry;
import dev.runtimedoctor.knowledge.entry.KnowledgeBase;
import dev.runtimedoctor.knowledge.entry.Language;
import dev.runtimedoctor.knowledge.entry.Placeholder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The knowledge base made searchable, built in memory at start: a Lucene index for retrieval and
 * the signatures compiled for alignment, with word weights that say how much each word tells.
 */
public final class KnowledgeIndex {
  /** Words most error logs contain, whatever the issue: kept for order, weighted down. */
  private static final Set<String> COMMON = loadCommonWords();

  private static final double COMMON_FACTOR = 0.35;

  private static final int MAX_ANCHORS = 3;

  /**
   * Analyzed text without positions: queries are bags of terms (order is judged by the alignment,
   * not by Lucene), and positions would double the indexing work.
   */
  private static final org.apache.lucene.document.FieldType TERMS_AND_FREQS = termsAndFreqs();

  private static org.apache.lucene.document.FieldType termsAndFreqs() {
    var t = new org.apache.lucene.document.FieldType();
    t.setTokenized(true);
    t.setIndexOptions(org.apache.lucene.index.IndexOptions.DOCS_AND_FREQS);
    t.freeze();
    return t;
  }

  /**
   * Go errors wrap causes as "context: cause: root cause"; each part must be present for the
   * signature to be, so coverage is judged per part.
   */
  private static final java.util.regex.Pattern SEGMENT = java.util.regex.Pattern.compile(":\\s+");

  private final List<Entry> entries;
  private final Map<String, Integer> entryIndex;
  private final IndexSearcher searcher;
  private final TextAnalyzers textAnalyzers;
  private final Vocabulary vocabulary;
  private final double[] weights;
  private final List<CompiledSignature> signatures;
  private final List<List<CompiledSignature>> signaturesByEntry;
  private final SymptomPhrases symptomPhrases;
  private final Map<Language, Map<String, int[]>> prosePostings;
  private final Map<String, Double> textWeights;
  private final int[] docToEntry;
  private final Map<String, Integer> signatureTerms;

  private KnowledgeIndex(List<Entry> entries) throws IOException {
    this.entries = List.copyOf(entries);
    this.textAnalyzers = new TextAnalyzers();
    Map<String, Integer> idx = new HashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      idx.put(entries.get(i).id(), i);
    }
    this.entryIndex = Collections.unmodifiableMap(idx);

    // Signature vocabulary, and in how many entries each word appears: a word every variant of
    // one entry repeats is still specific to that entry.
    List<List<String>> sigTokens = new ArrayList<>();
    List<int[]> sigSegments = new ArrayList<>();
    List<Integer> sigEntry = new ArrayList<>();
    List<String> sigText = new ArrayList<>();
    Map<String, Integer> df = new HashMap<>();
    List<List<TokenizedSignature>> tokenized =
        entries.parallelStream().map(KnowledgeIndex::tokenize).toList();
    for (int e = 0; e < entries.size(); e++) {
      Set<String> entryWords = new HashSet<>();
      for (TokenizedSignature t : tokenized.get(e)) {
        sigTokens.add(t.tokens());
        sigSegments.add(t.segments());
        sigEntry.add(e);
        sigText.add(t.text());
        entryWords.addAll(t.tokens());
      }
      for (String t : entryWords) {
        df.merge(t, 1, Integer::sum);
      }
    }
    Map<String, Integer> vocab = new HashMap<>();
    List<String> words = new ArrayList<>(df.keySet());
    Collections.sort(words);
    double[] w = new double[words.size()];
    int n = Math.max(2, entries.size());
    for (int i = 0; i < words.size(); i++) {
      String t = words.get(i);
      vocab.put(t, i);
      double idf = Math.log(1.0 + (double) n / df.get(t));
      w[i] = COMMON.contains(t) || t.length() == 1 ? idf * COMMON_FACTOR : idf;
    }
    this.vocabulary = new Vocabulary(words);
    this.weights = w;

    List<CompiledSignature> compiled = new ArrayList<>();
    List<List<CompiledSignature>> byEntry = new ArrayList<>();
    for (int e = 0; e < entries.size(); e++) {
      byEntry.add(new ArrayList<>());
    }
    for (int s = 0; s < sigTokens.size(); s++) {
      List<String> toks = sigTokens.get(s);
      int[] ids = new int[toks.size()];
      double[] ws = new double[toks.size()];
      double total = 0;
      for (int i = 0; i < ids.length; i++) {
        ids[i] = vocab.get(toks.get(i));
        ws[i] = w[ids[i]];
        total += ws[i];
      }
      int[] anchors = heaviest(ids, ws, MAX_ANCHORS);
      CompiledSignature cs =
          new CompiledSignature(
              sigEntry.get(s), sigText.get(s), ids, ws, total, anchors, sigSegments.get(s));
      compiled.add(cs);
      byEntry.get(sigEntry.get(s)).add(cs);
    }
    this.signatures = List.copyOf(compiled);
    List<List<CompiledSignature>> frozen = new ArrayList<>();
    for (List<CompiledSignature> l : byEntry) {
      frozen.add(List.copyOf(l));
    }
    this.signaturesByEntry = List.copyOf(frozen);

    this.searcher = new IndexSearcher(DirectoryReader.open(buildLucene()));
    this.docToEntry = new int[searcher.getIndexReader().maxDoc()];
    var stored = searcher.storedFields();
    for (var leaf : searcher.getIndexReader().leaves()) {
      for (int d = 0; d < leaf.reader().maxDoc(); d++) {
        docToEntry[leaf.docBase + d] =
            entryIndex.get(stored.document(leaf.docBase + d).get(Fields.ID));
      }
    }
    this.signatureTerms = Collections.unmodifiableMap(signatureTerms());

    // The prose statistics come from the index Lucene just built: analyzing every body a second
    // time would double the build of a large knowledge base.
    Map<Language, Map<String, int[]>> postings = new java.util.EnumMap<>(Language.class);
    for (Language l : Language.values()) {
      Map<String, java.util.BitSet> docs = new HashMap<>();
      for (String field : List.of(Fields.title(l), Fields.symptoms(l), Fields.body(l))) {
        collectPostings(field, docs);
      }
      Map<String, int[]> arrays = new HashMap<>();
      docs.forEach((t, bits) -> arrays.put(t, bits.stream().toArray()));
      postings.put(l, arrays);
    }
    Map<String, java.util.BitSet> any = new HashMap<>();
    for (Map<String, int[]> perLang : postings.values()) {
      perLang.forEach(
          (t, ids) -> {
            java.util.BitSet b = any.computeIfAbsent(t, k -> new java.util.BitSet());
            for (int e : ids) {
              b.set(e);
            }
          });
    }
    this.prosePostings = postings;
    int ne = Math.max(1, entries.size());
    Map<String, Double> tw = new HashMap<>();
    Map<String, Integer> textDf = new HashMap<>();
    any.forEach(
        (t, b) -> {
          textDf.put(t, b.cardinality());
          tw.put(t, Math.log(1.0 + (double) ne / b.cardinality()));
        });
    this.textWeights = Collections.unmodifiableMap(tw);

    this.symptomPhrases = SymptomPhrases.build(entries, textAnalyzers, textDf, ne);
  }

  /** Adds, for every term of {@code field}, the entries whose document has it. */
  private void collectPostings(String field, Map<String, java.util.BitSet> docs)
      throws IOException {
    for (var leaf : searcher.getIndexReader().leaves()) {
      var terms = leaf.reader().terms(field);
      if (terms == null) {
        continue;
      }
      var te = terms.iterator();
      org.apache.lucene.index.PostingsEnum pe = null;
      for (var t = te.next(); t != null; t = te.next()) {
        java.util.BitSet b = docs.computeIfAbsent(t.utf8ToString(), k -> new java.util.BitSet());
        pe = te.postings(pe, org.apache.lucene.index.PostingsEnum.NONE);
        for (int d = pe.nextDoc();
            d != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS;
            d = pe.nextDoc()) {
          b.set(docToEntry[leaf.docBase + d]);
        }
      }
    }
  }

  private Map<String, Integer> signatureTerms() throws IOException {
    Map<String, Integer> sigTerms = new HashMap<>();
    for (var leaf : searcher.getIndexReader().leaves()) {
      var terms = leaf.reader().terms(Fields.SIGNATURE);
      if (terms != null) {
        var te = terms.iterator();
        for (var t = te.next(); t != null; t = te.next()) {
          sigTerms.merge(t.utf8ToString(), te.docFreq(), Integer::sum);
        }
      }
    }
    return sigTerms;
  }

  /**
   * Builds the index of {@code kb}.
   *
   * @throws UncheckedIOException never in practice: the index lives in memory
   */
  public static KnowledgeIndex build(KnowledgeBase kb) {
    try {
      return new KnowledgeIndex(kb.entries());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build the in-memory index", e);
    }
  }

  private ByteBuffersDirectory buildLucene() throws IOException {
    Map<String, Analyzer> perField = new HashMap<>();
    perField.put(Fields.SIGNATURE, new LogAnalyzer());
    for (Language l : Language.values()) {
      perField.put(Fields.title(l), textAnalyzers.of(l));
      perField.put(Fields.symptoms(l), textAnalyzers.of(l));
      perField.put(Fields.body(l), textAnalyzers.of(l));
    }
    Analyzer analyzer = new PerFieldAnalyzerWrapper(new LogAnalyzer(), perField);
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    // Built once, searched in memory: segments are not worth merging.
    IndexWriterConfig config =
        new IndexWriterConfig(analyzer)
            .setRAMBufferSizeMB(128)
            .setMergePolicy(org.apache.lucene.index.NoMergePolicy.INSTANCE);
    try (IndexWriter writer = new IndexWriter(dir, config)) {
      entries.parallelStream().forEach(e -> addDocument(writer, e));
    }
    return dir;
  }

  private static void addDocument(IndexWriter writer, Entry e) {
    Document doc = new Document();
    doc.add(new StringField(Fields.ID, e.id(), Field.Store.YES));
    for (String sig : e.signatures()) {
      doc.add(new Field(Fields.SIGNATURE, Masker.mask(sig), TERMS_AND_FREQS));
    }
    for (Language l : Language.values()) {
      doc.add(new Field(Fields.title(l), e.title().get(l), TERMS_AND_FREQS));
      doc.add(new Field(Fields.symptoms(l), String.join("\n", e.symptoms(l)), TERMS_AND_FREQS));
      doc.add(new Field(Fields.body(l), e.body(l).text(), TERMS_AND_FREQS));
    }
    try {
      writer.addDocument(doc);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  private record TokenizedSignature(String text, List<String> tokens, int[] segments) {}

  /** An entry's signatures as words (placeholders dropped), each with its error-chain part. */
  private static List<TokenizedSignature> tokenize(Entry entry) {
    List<TokenizedSignature> out = new ArrayList<>();
    for (String sig : entry.signatures()) {
      List<String> toks = new ArrayList<>();
      List<Integer> segs = new ArrayList<>();
      String[] segments = SEGMENT.split(Masker.mask(sig));
      for (int g = 0; g < segments.length; g++) {
        for (String t : LogTokens.of(segments[g])) {
          if (!Placeholder.startsAt(t, 0)) {
            toks.add(t);
            segs.add(g);
          }
        }
      }
      if (!toks.isEmpty()) {
        out.add(
            new TokenizedSignature(sig, toks, segs.stream().mapToInt(Integer::intValue).toArray()));
      }
    }
    return out;
  }

  /** The ids of the {@code k} heaviest distinct words, heaviest first. */
  private static int[] heaviest(int[] ids, double[] ws, int k) {
    int[] out = new int[Math.min(k, ids.length)];
    int n = 0;
    boolean[] used = new boolean[ids.length];
    while (n < out.length) {
      int best = -1;
      for (int i = 0; i < ids.length; i++) {
        if (!used[i] && (best < 0 || ws[i] > ws[best])) {
          best = i;
        }
      }
      if (best < 0) {
        break;
      }
      used[best] = true;
      boolean seen = false;
      for (int j = 0; j < n; j++) {
        seen |= out[j] == ids[best];
      }
      if (!seen) {
        out[n++] = ids[best];
      }
      boolean anyLeft = false;
      for (boolean u : used) {
        anyLeft |= !u;
      }
      if (!anyLeft) {
        break;
      }
    }
    return Arrays.copyOf(out, n);
  }

  private static Set<String> loadCommonWords() {
    try (var in = KnowledgeIndex.class.getResourceAsStream("common-log-words.txt")) {
      if (in == null) {
        throw new IllegalStateException("common-log-words.txt missing from the class path");
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .collect(java.util.stream.Collectors.toUnmodifiableSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public List<Entry> entries() {
    return entries;
  }

  /** The position of an entry in {@link #entries()}, or -1. */
  public int indexOf(String id) {
    return entryIndex.getOrDefault(id, -1);
  }

  public IndexSearcher searcher() {
    return searcher;
  }

  public TextAnalyzers textAnalyzers() {
    return textAnalyzers;
  }

  /** The entry a Lucene document holds. */
  public int entryOfDoc(int doc) {
    return docToEntry[doc];
  }

  /**
   * How many entries' signatures contain a term of the signature field (a word or a word pair), or
   * 0: lets a query keep only terms that can match, without seeking the terms dictionary.
   */
  public int signatureDocFreq(String term) {
    return signatureTerms.getOrDefault(term, 0);
  }

  /** The signature words, for lookups from slices of text. */
  public Vocabulary vocabulary() {
    return vocabulary;
  }

  /** The id of a signature word, or -1 when no signature has it. */
  public int wordId(String word) {
    return vocabulary.id(word);
  }

  /** How much a signature word tells: rare words weigh more, glue words little. */
  public double weight(int wordId) {
    return weights[wordId];
  }

  public List<CompiledSignature> signatures() {
    return signatures;
  }

  /** The compiled signatures of the entry at {@code entry}. */
  public List<CompiledSignature> signaturesOf(int entry) {
    return signaturesByEntry.get(entry);
  }

  /** Every entry's symptom phrases, with the terms that lead to them. */
  public SymptomPhrases symptomPhrases() {
    return symptomPhrases;
  }

  /** The entries whose prose in {@code language} uses {@code term}, ascending. */
  public int[] entriesUsing(Language language, String term) {
    return prosePostings.get(language).getOrDefault(term, EMPTY);
  }

  private static final int[] EMPTY = new int[0];

  /** How much a prose term tells across entries (0 for terms no entry uses). */
  public double textWeight(String term) {
    return textWeights.getOrDefault(term, 0.0);
  }
}

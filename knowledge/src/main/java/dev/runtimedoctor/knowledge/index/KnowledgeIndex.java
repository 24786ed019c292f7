package dev.runtimedoctor.knowledge.index;

import dev.runtimedoctor.knowledge.analysis.LogAnalyzer;
import dev.runtimedoctor.knowledge.analysis.LogTokens;
import dev.runtimedoctor.knowledge.analysis.Masker;
import dev.runtimedoctor.knowledge.analysis.TextAnalyzers;
import dev.runtimedoctor.knowledge.entry.Entry;
import dev.runtimedoctor.knowledge.entry.KnowledgeBase;
import dev.runtimedoctor.knowledge.entry.Language;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
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
import org.apache.lucene.document.TextField;
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
  private final List<Map<Language, List<Phrase>>> symptomPhrases;
  private final List<Map<Language, Set<String>>> proseTerms;
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
    for (int e = 0; e < entries.size(); e++) {
      Set<String> entryWords = new HashSet<>();
      for (String sig : entries.get(e).signatures()) {
        List<String> toks = new ArrayList<>();
        List<Integer> segs = new ArrayList<>();
        String[] segments = SEGMENT.split(Masker.mask(sig));
        for (int g = 0; g < segments.length; g++) {
          for (String t : LogTokens.of(segments[g])) {
            if (!LogTokens.isPlaceholder(t)) {
              toks.add(t);
              segs.add(g);
            }
          }
        }
        if (toks.isEmpty()) {
          continue;
        }
        sigTokens.add(toks);
        sigSegments.add(segs.stream().mapToInt(Integer::intValue).toArray());
        sigEntry.add(e);
        sigText.add(sig);
        entryWords.addAll(toks);
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
      Integer[] order = new Integer[ids.length];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -ws[i]));
      int[] anchors =
          Arrays.stream(order).mapToInt(i -> ids[i]).distinct().limit(MAX_ANCHORS).toArray();
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

    // Symptom phrases as stemmed term sets, and term weights over the entries' prose.
    Map<String, Integer> textDf = new HashMap<>();
    List<Map<Language, List<Set<String>>>> sym = new ArrayList<>();
    List<Map<Language, Set<String>>> prose = new ArrayList<>();
    // Analysis dominates the build of a large knowledge base: spread it over the cores.
    List<EntryTerms> analyzed =
        entries.parallelStream().map(this::analyze).toList();
    for (EntryTerms t : analyzed) {
      sym.add(t.phrases());
      prose.add(t.prose());
      Set<String> entryTerms = new HashSet<>();
      t.prose().values().forEach(entryTerms::addAll);
      for (String term : entryTerms) {
        textDf.merge(term, 1, Integer::sum);
      }
    }
    int ne = Math.max(1, entries.size());
    List<Map<Language, List<Phrase>>> phrases = new ArrayList<>();
    for (Map<Language, List<Set<String>>> perLang : sym) {
      Map<Language, List<Phrase>> m = new HashMap<>();
      perLang.forEach(
          (l, list) -> m.put(l, list.stream().map(terms -> phrase(terms, textDf, ne)).toList()));
      phrases.add(Map.copyOf(m));
    }
    this.symptomPhrases = List.copyOf(phrases);
    this.proseTerms = List.copyOf(prose);
    Map<Language, Map<String, int[]>> postings = new java.util.EnumMap<>(Language.class);
    for (Language l : Language.values()) {
      Map<String, List<Integer>> lists = new HashMap<>();
      for (int e = 0; e < prose.size(); e++) {
        for (String t : prose.get(e).get(l)) {
          lists.computeIfAbsent(t, k -> new ArrayList<>()).add(e);
        }
      }
      Map<String, int[]> arrays = new HashMap<>();
      lists.forEach((t, list) -> arrays.put(t, list.stream().mapToInt(Integer::intValue).toArray()));
      postings.put(l, arrays);
    }
    this.prosePostings = postings;
    Map<String, Double> tw = new HashMap<>();
    textDf.forEach((t, d) -> tw.put(t, Math.log(1.0 + (double) ne / d)));
    this.textWeights = Collections.unmodifiableMap(tw);

    this.searcher = new IndexSearcher(DirectoryReader.open(buildLucene()));
    this.docToEntry = new int[searcher.getIndexReader().maxDoc()];
    Map<String, Integer> sigTerms = new HashMap<>();
    var stored = searcher.storedFields();
    for (var leaf : searcher.getIndexReader().leaves()) {
      for (int d = 0; d < leaf.reader().maxDoc(); d++) {
        docToEntry[leaf.docBase + d] = entryIndex.get(stored.document(leaf.docBase + d).get(Fields.ID));
      }
      var terms = leaf.reader().terms(Fields.SIGNATURE);
      if (terms != null) {
        var te = terms.iterator();
        for (var t = te.next(); t != null; t = te.next()) {
          sigTerms.merge(t.utf8ToString(), te.docFreq(), Integer::sum);
        }
      }
    }
    this.signatureTerms = Collections.unmodifiableMap(sigTerms);
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

  private record EntryTerms(
      Map<Language, List<Set<String>>> phrases, Map<Language, Set<String>> prose) {}

  private EntryTerms analyze(Entry entry) {
    Map<Language, List<Set<String>>> perLang = new HashMap<>();
    Map<Language, Set<String>> prosePerLang = new HashMap<>();
    for (Language l : Language.values()) {
      List<Set<String>> phrases = new ArrayList<>();
      for (String p : entry.symptoms(l)) {
        Set<String> terms = textAnalyzers.terms(l, p, 64);
        if (!terms.isEmpty()) {
          phrases.add(Set.copyOf(terms));
        }
      }
      perLang.put(l, List.copyOf(phrases));
      prosePerLang.put(l, Set.copyOf(textAnalyzers.terms(l, proseOf(entry, l), 100_000)));
    }
    return new EntryTerms(Map.copyOf(perLang), Map.copyOf(prosePerLang));
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
    IndexWriterConfig config = new IndexWriterConfig(analyzer).setRAMBufferSizeMB(64);
    try (IndexWriter writer = new IndexWriter(dir, config)) {
      entries.parallelStream().forEach(e -> addDocument(writer, e));
    }
    return dir;
  }

  private static void addDocument(IndexWriter writer, Entry e) {
    Document doc = new Document();
    doc.add(new StringField(Fields.ID, e.id(), Field.Store.YES));
    for (String sig : e.signatures()) {
      doc.add(new TextField(Fields.SIGNATURE, Masker.mask(sig), Field.Store.NO));
    }
    for (Language l : Language.values()) {
      doc.add(new TextField(Fields.title(l), e.title().get(l), Field.Store.NO));
      doc.add(new TextField(Fields.symptoms(l), String.join("\n", e.symptoms(l)), Field.Store.NO));
      doc.add(new TextField(Fields.body(l), e.body(l).text(), Field.Store.NO));
    }
    try {
      writer.addDocument(doc);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
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

  private static String proseOf(Entry e, Language l) {
    return e.title().get(l) + "\n" + String.join("\n", e.symptoms(l)) + "\n" + e.body(l).text();
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
   * How many entries' signatures contain a term of the signature field (a word or a word pair),
   * or 0: lets a query keep only terms that can match, without seeking the terms dictionary.
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

  /** A symptom phrase as stemmed terms, each with its weight, and their total. */
  public record Phrase(String[] terms, double[] weights, double total) {}

  private static Phrase phrase(Set<String> terms, Map<String, Integer> textDf, int entries) {
    String[] t = terms.toArray(new String[0]);
    double[] w = new double[t.length];
    double total = 0;
    for (int i = 0; i < t.length; i++) {
      // A floor keeps a phrase's common words from vanishing from its total.
      w[i] = Math.max(0.2, Math.log(1.0 + (double) entries / textDf.getOrDefault(t[i], 1)));
      total += w[i];
    }
    return new Phrase(t, w, total);
  }

  /** The symptom phrases of the entry at {@code entry}. */
  public List<Phrase> symptomPhrases(int entry, Language language) {
    return symptomPhrases.get(entry).get(language);
  }

  /** The stemmed terms of the entry's title, symptoms and body in {@code language}. */
  public Set<String> proseTerms(int entry, Language language) {
    return proseTerms.get(entry).get(language);
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

package dev.runtimedoctor.knowledge.index;

import dev.runtimedoctor.knowledge.analysis.LogAnalyzer;
import dev.runtimedoctor.knowledge.analysis.Masker;
import dev.runtimedoctor.knowledge.analysis.TextAnalyzers;
import dev.runtimedoctor.knowledge.entry.Entry;
import dev.runtimedoctor.knowledge.entry.Language;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

/**
 * The Lucene index of the entries, one document per entry with the fields of {@link Fields}: what
 * candidate retrieval searches when the knowledge base is too large to score whole.
 */
public final class LuceneIndex {
  /**
   * Analyzed text without positions: queries are bags of terms (order is judged by the alignment,
   * not by Lucene), and positions would double the indexing work.
   */
  private static final FieldType TERMS_AND_FREQS = termsAndFreqs();

  private final Directory directory;
  private final List<Entry> entries;
  private volatile Opened opened;

  /** The index once read: its searcher, each document's entry, the signature terms' counts. */
  private record Opened(
      IndexSearcher searcher, int[] docToEntry, Map<String, Integer> signatureDocFreqs) {}

  private LuceneIndex(Directory directory, List<Entry> entries) {
    this.directory = directory;
    this.entries = List.copyOf(entries);
  }

  /**
   * The index in {@code directory}, whose documents hold the ids of {@code entries}, read now.
   *
   * @throws IOException when the directory cannot be read
   * @throws IllegalArgumentException when a document holds an id that {@code entries} lacks, or the
   *     index holds another number of documents
   */
  public static LuceneIndex open(Directory directory, List<Entry> entries) throws IOException {
    LuceneIndex index = new LuceneIndex(directory, entries);
    index.opened = index.read();
    return index;
  }

  /**
   * As {@link #open}, but read at first use: a knowledge base small enough to be scored whole never
   * searches Lucene, and reading the index costs a cold start a tenth of a second. Failures to read
   * surface at first use, as {@link UncheckedIOException} or {@link IllegalArgumentException}.
   */
  static LuceneIndex openOnUse(Directory directory, List<Entry> entries) {
    return new LuceneIndex(directory, entries);
  }

  private Opened opened() {
    Opened o = opened;
    if (o == null) {
      synchronized (this) {
        o = opened;
        if (o == null) {
          try {
            o = read();
          } catch (IOException e) {
            throw new UncheckedIOException("cannot read the knowledge's Lucene index", e);
          }
          opened = o;
        }
      }
    }
    return o;
  }

  private Opened read() throws IOException {
    Map<String, Integer> positions = new HashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      positions.put(entries.get(i).id(), i);
    }
    IndexSearcher searcher = new IndexSearcher(DirectoryReader.open(directory));
    int[] docToEntry = new int[searcher.getIndexReader().maxDoc()];
    if (docToEntry.length != entries.size()) {
      throw new IllegalArgumentException(
          "the index holds " + docToEntry.length + " documents for " + entries.size() + " entries");
    }
    var stored = searcher.storedFields();
    for (var leaf : searcher.getIndexReader().leaves()) {
      for (int d = 0; d < leaf.reader().maxDoc(); d++) {
        String id = stored.document(leaf.docBase + d).get(Fields.ID);
        Integer entry = positions.get(id);
        if (entry == null) {
          throw new IllegalArgumentException(
              "the index holds '" + id + "', not one of the entries");
        }
        docToEntry[leaf.docBase + d] = entry;
      }
    }
    return new Opened(
        searcher, docToEntry, Collections.unmodifiableMap(signatureDocFreqs(searcher)));
  }

  /**
   * Indexes {@code entries} in memory, the prose fields with {@code analyzers}.
   *
   * @throws UncheckedIOException never in practice: the index lives in memory
   */
  public static LuceneIndex build(List<Entry> entries, TextAnalyzers analyzers) {
    Map<String, Analyzer> perField = new HashMap<>();
    perField.put(Fields.SIGNATURE, new LogAnalyzer());
    for (Language l : Language.values()) {
      perField.put(Fields.title(l), analyzers.of(l));
      perField.put(Fields.symptoms(l), analyzers.of(l));
      perField.put(Fields.body(l), analyzers.of(l));
    }
    Analyzer analyzer = new PerFieldAnalyzerWrapper(new LogAnalyzer(), perField);
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    // Built once, searched in memory: segments are not worth merging.
    IndexWriterConfig config =
        new IndexWriterConfig(analyzer)
            .setRAMBufferSizeMB(128)
            .setMergePolicy(NoMergePolicy.INSTANCE);
    try {
      try (IndexWriter writer = new IndexWriter(dir, config)) {
        entries.parallelStream().forEach(e -> addDocument(writer, e));
      }
      return open(dir, entries);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build the in-memory index", e);
    }
  }

  /**
   * The searcher over the entries' documents.
   *
   * @throws UncheckedIOException when an index read at first use cannot be read
   */
  public IndexSearcher searcher() {
    return opened().searcher();
  }

  /** The directory the index's files are in. */
  Directory directory() {
    return directory;
  }

  /** How many entries the index covers, one document each. */
  public int entryCount() {
    return entries.size();
  }

  /** The position of the entry a Lucene document holds. */
  public int entryOfDoc(int doc) {
    return opened().docToEntry()[doc];
  }

  /**
   * How many entries' signatures contain a term of the signature field (a word or a word pair), or
   * 0: lets a query keep only terms that can match, without seeking the terms dictionary.
   */
  public int signatureDocFreq(String term) {
    return opened().signatureDocFreqs().getOrDefault(term, 0);
  }

  /** Adds, for every term of {@code field}, the positions of the entries whose document has it. */
  void collectEntries(String field, Map<String, BitSet> entriesByTerm) throws IOException {
    Opened o = opened();
    for (var leaf : o.searcher().getIndexReader().leaves()) {
      Terms terms = leaf.reader().terms(field);
      if (terms == null) {
        continue;
      }
      TermsEnum te = terms.iterator();
      PostingsEnum pe = null;
      for (var t = te.next(); t != null; t = te.next()) {
        BitSet b = entriesByTerm.computeIfAbsent(t.utf8ToString(), k -> new BitSet());
        pe = te.postings(pe, PostingsEnum.NONE);
        for (int d = pe.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = pe.nextDoc()) {
          b.set(o.docToEntry()[leaf.docBase + d]);
        }
      }
    }
  }

  private static Map<String, Integer> signatureDocFreqs(IndexSearcher searcher) throws IOException {
    Map<String, Integer> sigTerms = new HashMap<>();
    for (var leaf : searcher.getIndexReader().leaves()) {
      Terms terms = leaf.reader().terms(Fields.SIGNATURE);
      if (terms != null) {
        TermsEnum te = terms.iterator();
        for (var t = te.next(); t != null; t = te.next()) {
          sigTerms.merge(t.utf8ToString(), te.docFreq(), Integer::sum);
        }
      }
    }
    return sigTerms;
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

  private static FieldType termsAndFreqs() {
    FieldType t = new FieldType();
    t.setTokenized(true);
    t.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
    t.freeze();
    return t;
  }
}

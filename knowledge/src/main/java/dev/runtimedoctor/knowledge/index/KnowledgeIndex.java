package dev.runtimedoctor.knowledge.index;

import dev.runtimedoctor.knowledge.analysis.TextAnalyzers;
import dev.runtimedoctor.knowledge.entry.Entry;
import dev.runtimedoctor.knowledge.entry.KnowledgeBase;
import java.util.List;
import java.util.Objects;

/**
 * The knowledge base made searchable: its entries, their signatures compiled for alignment, their
 * prose as weighted terms, and the Lucene index that retrieves candidates. Every part refers to an
 * entry by its position in {@link #entries()}.
 */
public record KnowledgeIndex(
    List<Entry> entries, SignatureIndex signatures, ProseIndex prose, LuceneIndex lucene) {

  /**
   * An index of {@code entries} made of parts built from them.
   *
   * @throws IllegalArgumentException when the signature or Lucene index covers another number of
   *     entries
   */
  public KnowledgeIndex {
    entries = List.copyOf(entries);
    Objects.requireNonNull(signatures, "signatures");
    Objects.requireNonNull(prose, "prose");
    Objects.requireNonNull(lucene, "lucene");
    if (signatures.entryCount() != entries.size() || lucene.entryCount() != entries.size()) {
      throw new IllegalArgumentException(
          "parts of the index cover "
              + signatures.entryCount()
              + " and "
              + lucene.entryCount()
              + " entries, not "
              + entries.size());
    }
  }

  /**
   * Builds the index of {@code kb} in memory.
   *
   * @throws java.io.UncheckedIOException never in practice: the index lives in memory
   */
  public static KnowledgeIndex build(KnowledgeBase kb) {
    List<Entry> entries = kb.entries();
    TextAnalyzers analyzers = new TextAnalyzers();
    SignatureIndex signatures = SignatureIndex.build(entries);
    LuceneIndex lucene = LuceneIndex.build(entries, analyzers);
    ProseIndex prose = ProseIndex.build(entries, lucene, analyzers);
    return new KnowledgeIndex(entries, signatures, prose, lucene);
  }
}

package dev.runtimedoctor.knowledge.match;

import dev.runtimedoctor.knowledge.index.Fields;
import dev.runtimedoctor.knowledge.index.KnowledgeIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

/**
 * The entries worth scoring for a paste, from the Lucene index: those whose signatures share the
 * paste's rarest words and word pairs, and those whose prose shares its terms.
 */
final class CandidateRetrieval {
  /** How many entries each query contributes; also the size below which nothing is pruned. */
  static final int CANDIDATES = 64;

  private static final int MAX_CLAUSES = 128;

  private final KnowledgeIndex index;

  CandidateRetrieval(KnowledgeIndex index) {
    this.index = index;
  }

  /** Whether retrieval can prune anything: small knowledge bases are scored whole. */
  boolean prunes() {
    return index.entries().size() > CANDIDATES;
  }

  /** The candidate entries, by their position in the index. */
  Set<Integer> candidates(PasteTokens tokens, ProseEvidence prose) {
    Set<Integer> out = new LinkedHashSet<>();
    if (!prunes()) {
      for (int e = 0; e < index.entries().size(); e++) {
        out.add(e);
      }
      return out;
    }
    search(signatureQuery(tokens), out);
    search(prose.query(), out);
    return out;
  }

  private Query signatureQuery(PasteTokens tokens) {
    List<String> terms = new ArrayList<>();
    for (String q : tokens.queryTerms) {
      if (index.lucene().signatureDocFreq(q) > 0) {
        terms.add(q);
      }
    }
    if (terms.isEmpty()) {
      return null;
    }
    // The rarest terms discriminate best; a huge log must not build a huge query.
    terms.sort(Comparator.comparingInt(index.lucene()::signatureDocFreq));
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (int i = 0; i < Math.min(MAX_CLAUSES, terms.size()); i++) {
      b.add(new TermQuery(new Term(Fields.SIGNATURE, terms.get(i))), BooleanClause.Occur.SHOULD);
    }
    return b.build();
  }

  private void search(Query q, Set<Integer> out) {
    if (q == null) {
      return;
    }
    try {
      for (ScoreDoc sd : index.lucene().searcher().search(q, CANDIDATES).scoreDocs) {
        out.add(index.lucene().entryOfDoc(sd.doc));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

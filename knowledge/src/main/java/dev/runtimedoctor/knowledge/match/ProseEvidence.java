package dev.runtimedoctor.knowledge.match;

import dev.runtimedoctor.knowledge.analysis.NormalizedPaste;
import dev.runtimedoctor.knowledge.analysis.PasteLine;
import dev.runtimedoctor.knowledge.entry.Language;
import dev.runtimedoctor.knowledge.entry.Platform;
import dev.runtimedoctor.knowledge.index.Fields;
import dev.runtimedoctor.knowledge.index.KnowledgeIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * What the prose of a paste says, in stemmed Italian and English terms: how it compares with each
 * entry's symptom phrases and vocabulary, and the Lucene query that finds entries by it.
 */
final class ProseEvidence {
  /** People write their question first; the prose read from a paste stops here. */
  private static final int MAX_PROSE_CHARS = 2_000;

  private static final int MAX_TERMS = 300;
  private static final int MAX_QUERY_TERMS = 24;

  /** A phrase word below this weight ("pod", "node", "containerd") tells little on its own. */
  private static final double TELLING_WEIGHT = 1.0;

  /** Words only a Windows node's logs and users use. */
  private static final List<String> WINDOWS_WORDS =
      List.of("windows", "hcs", "hcsshim", "servercore", "nanoserver", "ltsc2019", "ltsc2022");

  /** Words that place a paste on Linux nodes. */
  private static final List<String> LINUX_WORDS = List.of("linux", "ubuntu", "cos", "optimized");

  private final KnowledgeIndex index;
  private final String text;
  private final Map<Language, Set<String>> terms = new EnumMap<>(Language.class);
  private final boolean windows;
  private final boolean linux;

  ProseEvidence(NormalizedPaste paste, KnowledgeIndex index) {
    this.index = index;
    this.text = prose(paste);
    for (Language l : Language.values()) {
      terms.put(l, index.textAnalyzers().terms(l, text, MAX_TERMS));
    }
    Set<String> english = terms.get(Language.EN);
    this.windows = mentions(english, WINDOWS_WORDS, index);
    this.linux = mentions(english, LINUX_WORDS, index);
  }

  /**
   * Whether the paste can be about an issue of {@code platform}: a Windows-only issue needs the
   * paste to speak of Windows (or of what only Windows has: hcs, servercore, C:\ paths), and a
   * Linux-only one is unlikely when the paste speaks of Windows and never of Linux.
   */
  boolean fitsPlatform(Platform platform) {
    return switch (platform) {
      case WINDOWS -> windows;
      case LINUX -> !windows || linux;
      case ANY -> true;
    };
  }

  private static boolean mentions(Set<String> terms, List<String> words, KnowledgeIndex index) {
    for (String w : words) {
      if (terms.contains(index.textAnalyzers().stem(Language.EN, w))) {
        return true;
      }
    }
    return false;
  }

  /** The prose read from the paste. */
  String text() {
    return text;
  }

  /** The paste's prose terms in one language with their weights, computed once per paste. */
  private record WeightedTerms(String[] terms, double[] weights, double total) {}

  private Map<Language, WeightedTerms> weigh() {
    Map<Language, WeightedTerms> out = new EnumMap<>(Language.class);
    for (Language l : Language.values()) {
      List<String> known = new ArrayList<>();
      List<Double> knownWeights = new ArrayList<>();
      double total = 0;
      for (String t : terms.get(l)) {
        double w = index.textWeight(t);
        total += w > 0 ? w : 1.0;
        if (w > 0) {
          known.add(t);
          knownWeights.add(w);
        }
      }
      out.put(
          l,
          new WeightedTerms(
              known.toArray(new String[0]),
              knownWeights.stream().mapToDouble(Double::doubleValue).toArray(),
              total));
    }
    return out;
  }

  /**
   * How much of what the paste talks about each entry talks about too: the weight of the paste's
   * prose terms the entry uses over the weight of all of them (terms no entry knows weigh 1), the
   * better of the two languages. Absolute, unlike a BM25 score: "thanks!" covers nothing, whatever
   * ranks first.
   */
  double[] coverage() {
    Map<Language, WeightedTerms> weighted = weigh();
    int n = index.entries().size();
    double[] best = new double[n];
    for (Language l : Language.values()) {
      WeightedTerms q = weighted.get(l);
      if (q.total() <= 0) {
        continue;
      }
      double[] hit = new double[n];
      for (int i = 0; i < q.terms().length; i++) {
        for (int e : index.entriesUsing(l, q.terms()[i])) {
          hit[e] += q.weights()[i];
        }
      }
      for (int e = 0; e < n; e++) {
        best[e] = Math.max(best[e], hit[e] / q.total());
      }
    }
    return best;
  }

  /**
   * How closely the paste says what one of the entry's symptom phrases says: the weighted share of
   * the phrase's terms present, squared, at most 0.8.
   */
  double symptomConfidence(int e) {
    double best = 0;
    for (Language l : Language.values()) {
      Set<String> q = terms.get(l);
      for (KnowledgeIndex.Phrase phrase : index.symptomPhrases(e, l)) {
        String[] terms = phrase.terms();
        if (terms.length < 2) {
          continue;
        }
        double hit = 0;
        int hits = 0;
        int meaningful = 0;
        int meaningfulHits = 0;
        double heaviest = 0;
        boolean keyword = false;
        for (int i = 0; i < terms.length; i++) {
          heaviest = Math.max(heaviest, phrase.weights()[i]);
        }
        for (int i = 0; i < terms.length; i++) {
          boolean telling = phrase.weights()[i] >= TELLING_WEIGHT;
          if (telling) {
            meaningful++;
          }
          if (q.contains(terms[i])) {
            hit += phrase.weights()[i];
            hits++;
            if (telling) {
              meaningfulHits++;
            }
            keyword |= phrase.weights()[i] >= 0.9 * heaviest;
          }
        }
        if (hits < 2) {
          continue;
        }
        double c = hit / phrase.total();
        double conf = 0.8 * c * c;
        // A symptom phrase is short and specific: a few of its words scattered through an
        // unrelated error are a lead, not a diagnosis.
        if (terms.length - hits > Math.max(1, terms.length / 4)
            || meaningful - meaningfulHits > meaningful / 4) {
          conf *= Matcher.ENDS_MISSING;
        }
        // As for signatures: the phrase's most telling word ("Windows", "GPU", "shim") must be
        // there, or the phrase describes another issue in the same words.
        if (!keyword) {
          conf *= Matcher.ENDS_MISSING;
        }
        best = Math.max(best, conf);
      }
    }
    return best;
  }

  /** Entries by their words: the paste's rarest known terms, in titles, symptoms and bodies. */
  Query query() {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    int clauses = 0;
    for (Language l : Language.values()) {
      List<String> known = new ArrayList<>();
      for (String t : terms.get(l)) {
        if (index.textWeight(t) > 0) {
          known.add(t);
        }
      }
      known.sort(Comparator.comparingDouble(t -> -index.textWeight(t)));
      for (String t : known.subList(0, Math.min(MAX_QUERY_TERMS, known.size()))) {
        b.add(boosted(Fields.title(l), t, 2f), BooleanClause.Occur.SHOULD);
        b.add(boosted(Fields.symptoms(l), t, 3f), BooleanClause.Occur.SHOULD);
        b.add(boosted(Fields.body(l), t, 1f), BooleanClause.Occur.SHOULD);
        clauses += 3;
      }
    }
    return clauses == 0 ? null : b.build();
  }

  private static Query boosted(String field, String term, float boost) {
    return new BoostQuery(new TermQuery(new Term(field, term)), boost);
  }

  private static String prose(NormalizedPaste paste) {
    StringBuilder sb = new StringBuilder();
    for (PasteLine l : paste.lines()) {
      if (sb.length() >= MAX_PROSE_CHARS) {
        break;
      }
      sb.append(l.cleaned(), 0, Math.min(l.cleaned().length(), MAX_PROSE_CHARS)).append('\n');
    }
    return sb.toString();
  }
}

package dev.runtimedoctor.knowledge.match;

import dev.runtimedoctor.knowledge.analysis.ErrorLine;
import dev.runtimedoctor.knowledge.analysis.NormalizedPaste;
import dev.runtimedoctor.knowledge.analysis.PasteLine;
import dev.runtimedoctor.knowledge.entry.Language;
import dev.runtimedoctor.knowledge.entry.Platform;
import dev.runtimedoctor.knowledge.index.Fields;
import dev.runtimedoctor.knowledge.index.KnowledgeIndex;
import dev.runtimedoctor.knowledge.index.SymptomPhrases;
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

  /** How much of a paste is read for prose: a 1 MB log of error lines holds none past it. */
  private static final int MAX_READ_CHARS = 8 * MAX_PROSE_CHARS;

  private static final int MAX_TERMS = 300;
  private static final int MAX_QUERY_TERMS = 24;

  /** Words only a Windows node's logs and users use. */
  private static final List<String> WINDOWS_WORDS =
      List.of("windows", "hcs", "hcsshim", "servercore", "nanoserver", "ltsc2019", "ltsc2022");

  /** Words that place a paste on Linux nodes. */
  private static final List<String> LINUX_WORDS = List.of("linux", "ubuntu", "cos", "optimized");

  private final KnowledgeIndex index;
  private final Map<Language, Set<String>> terms = new EnumMap<>(Language.class);
  private final boolean windows;
  // Per phrase id, filled on the first symptomConfidence call: the matcher runs on one thread
  // per paste, so this needs no lock.
  private int[] phraseHits;
  private int[] tellingHits;
  private double[] phraseWeight;
  private boolean[] keywordHit;
  private final boolean linux;

  ProseEvidence(NormalizedPaste paste, KnowledgeIndex index) {
    this.index = index;
    String text = prose(paste);
    for (Language l : Language.values()) {
      terms.put(l, index.prose().analyzers().terms(l, text, MAX_TERMS));
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
      if (terms.contains(index.prose().analyzers().stem(Language.EN, w))) {
        return true;
      }
    }
    return false;
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
        double w = index.prose().weight(t);
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
        for (int e : index.prose().entriesUsing(l, q.terms()[i])) {
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
    SymptomPhrases phrases = index.prose().symptomPhrases();
    if (phraseHits == null) {
      countPhraseHits(phrases);
    }
    double best = 0;
    for (int id = phrases.first(e); id < phrases.end(e); id++) {
      SymptomPhrases.Phrase phrase = phrases.get(id);
      int n = phrase.terms().length;
      if (n < 2 || phraseHits[id] < 2) {
        continue;
      }
      double c = phraseWeight[id] / phrase.total();
      double conf = 0.8 * c * c;
      // A symptom phrase is short and specific: a few of its words scattered through an
      // unrelated error, or its words without the ones that weigh, are a lead, not a diagnosis.
      if (n - phraseHits[id] > Math.max(1, n / 4)
          || phrase.telling() - tellingHits[id] > phrase.telling() / 4) {
        conf *= Matcher.ENDS_MISSING;
      }
      // As for signatures: the phrase's most telling word ("Windows", "GPU", "shim") must be
      // there, or the phrase describes another issue in the same words.
      if (!keywordHit[id]) {
        conf *= Matcher.ENDS_MISSING;
      }
      best = Math.max(best, conf);
    }
    return best;
  }

  /** Walks the paste's terms once, through the phrase lists, instead of every phrase. */
  private void countPhraseHits(SymptomPhrases phrases) {
    int size = phrases.size();
    phraseHits = new int[size];
    tellingHits = new int[size];
    phraseWeight = new double[size];
    keywordHit = new boolean[size];
    for (Language l : Language.values()) {
      for (String t : terms.get(l)) {
        for (long posting : phrases.postings(l, t)) {
          int id = SymptomPhrases.phraseOf(posting);
          SymptomPhrases.Phrase phrase = phrases.get(id);
          double w = phrase.weights()[SymptomPhrases.termOf(posting)];
          phraseHits[id]++;
          phraseWeight[id] += w;
          if (w >= SymptomPhrases.TELLING_WEIGHT) {
            tellingHits[id]++;
          }
          if (w >= 0.9 * phrase.heaviest()) {
            keywordHit[id] = true;
          }
        }
      }
    }
  }

  /** Entries by their words: the paste's rarest known terms, in titles, symptoms and bodies. */
  Query query() {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    int clauses = 0;
    for (Language l : Language.values()) {
      List<String> known = new ArrayList<>();
      for (String t : terms.get(l)) {
        if (index.prose().weight(t) > 0) {
          known.add(t);
        }
      }
      known.sort(Comparator.comparingDouble(t -> -index.prose().weight(t)));
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
    int read = 0;
    for (PasteLine l : paste.lines()) {
      if (sb.length() >= MAX_PROSE_CHARS || read >= MAX_READ_CHARS) {
        break;
      }
      read += l.cleaned().length();
      // Error lines are judged by the signatures: a symptom's word inside a runtime's error
      // ("shim" in "failed to create shim task") is not the person describing that symptom.
      String words = ErrorLine.prosePart(l.cleaned());
      if (!words.isEmpty()) {
        sb.append(words, 0, Math.min(words.length(), MAX_PROSE_CHARS)).append('\n');
      }
    }
    return sb.toString();
  }
}

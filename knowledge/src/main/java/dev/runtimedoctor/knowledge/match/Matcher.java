package dev.runtimedoctor.knowledge.match;

import dev.runtimedoctor.knowledge.analysis.LanguageGuess;
import dev.runtimedoctor.knowledge.analysis.LogNormalizer;
import dev.runtimedoctor.knowledge.analysis.NormalizedPaste;
import dev.runtimedoctor.knowledge.analysis.PasteLine;
import dev.runtimedoctor.knowledge.entry.Entry;
import dev.runtimedoctor.knowledge.entry.Language;
import dev.runtimedoctor.knowledge.index.CompiledSignature;
import dev.runtimedoctor.knowledge.index.Fields;
import dev.runtimedoctor.knowledge.index.KnowledgeIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * Recognises known issues in a paste: Lucene retrieves candidate entries, then each candidate's
 * signatures are aligned with the paste and its symptom phrases compared with the paste's words,
 * giving a confidence that means the same for every entry.
 */
public final class Matcher {
  /** At or above this confidence the bot answers without being asked. */
  public static final double REPLY_THRESHOLD = 0.6;

  /** Matches below this are not worth showing even as leads. */
  static final double MIN_CONFIDENCE = 0.08;

  private static final int MAX_MATCHES = 5;
  /** The confidence left to a match another one explains: a lead, below the reply threshold. */
  private static final double EXPLAINED = REPLY_THRESHOLD - 0.1;
  /** The most a paste's vocabulary alone adds to a confidence: never enough to answer unasked. */
  private static final double RELATED_SHARE = 0.4;
  /** Kept of a signature's confidence when the paste lacks its first or last part. */
  private static final double ENDS_MISSING = 0.6;
  /** A part of an error chain weighing less than this (": unknown") counts for less. */
  private static final double PART_WEIGHT = 2.0;
  /** The weight of words found at which a match is no longer "too little to tell". */
  private static final double STRONG_WEIGHT = 8.0;
  private static final int CANDIDATES = 32;
  private static final int MAX_CLAUSES = 128;
  /** People write their question first; the prose read from a paste stops here. */
  private static final int MAX_PROSE_CHARS = 2_000;
  private static final int MAX_PROSE_TERMS = 24;
  private static final int MAX_EVIDENCE = 3;
  private static final int MAX_EVIDENCE_CHARS = 300;

  private final KnowledgeIndex index;

  public Matcher(KnowledgeIndex index) {
    this.index = index;
  }

  public KnowledgeIndex index() {
    return index;
  }

  /** Diagnoses {@code text}; never throws on any input. */
  public Diagnosis diagnose(String text) {
    long t0 = System.nanoTime();
    NormalizedPaste paste = LogNormalizer.normalize(text);
    if (paste.isEmpty()) {
      return new Diagnosis(List.of(), false, Optional.empty(), false, micros(t0));
    }
    boolean retrieve = index.entries().size() > CANDIDATES;
    PasteTokens tokens = new PasteTokens(paste, index.vocabulary(), retrieve);
    String prose = prose(paste);
    Optional<Language> language = LanguageGuess.of(prose);
    Map<Language, Set<String>> proseTerms = new HashMap<>();
    for (Language l : Language.values()) {
      proseTerms.put(l, index.textAnalyzers().terms(l, prose, 300));
    }

    double[] coverage = queryCoverage(weigh(proseTerms));
    List<Scored> scored = new ArrayList<>();
    java.util.Set<Integer> candidates = new java.util.LinkedHashSet<>();
    if (!retrieve) {
      // Retrieval prunes nothing when the whole knowledge base fits in the candidate pool:
      // score every entry exactly and spare the index lookups.
      for (int e = 0; e < index.entries().size(); e++) {
        candidates.add(e);
      }
    } else {
      candidates.addAll(search(signatureQuery(tokens)).keySet());
      candidates.addAll(search(textQuery(proseTerms)).keySet());
    }
    for (int e : candidates) {
      scored.add(score(e, tokens, proseTerms, coverage));
    }
    scored.sort(ORDER);
    scored = explainAway(scored);
    List<Match> matches = new ArrayList<>();
    for (Scored s : scored) {
      if (matches.size() == MAX_MATCHES || s.confidence < MIN_CONFIDENCE) {
        break;
      }
      matches.add(
          new Match(index.entries().get(s.entry), round(s.confidence), s.basis, evidence(paste, s.lines)));
    }
    boolean reply = !matches.isEmpty() && matches.get(0).confidence() >= REPLY_THRESHOLD;
    return new Diagnosis(matches, reply, language, paste.truncated(), micros(t0));
  }

  private record Scored(int entry, double confidence, Basis basis, BitSet lines) {
    Scored withConfidence(double c) {
      return new Scored(entry, c, basis, lines);
    }

    int firstLine() {
      int l = lines.nextSetBit(0);
      return l < 0 ? Integer.MAX_VALUE : l;
    }
  }

  /** Best first; between equals, the error that appears first in the paste. */
  private static final Comparator<Scored> ORDER =
      Comparator.comparingDouble((Scored s) -> -s.confidence)
          .thenComparingInt(Scored::firstLine)
          .thenComparingInt(Scored::entry);

  /**
   * A line of the paste is one error: once a better match has claimed it with a signature, another
   * entry whose signature matched only lines already claimed, or that rests only on words, is the
   * same error worded alike, not a second issue. It stays as a lead but loses the right to an
   * unasked answer. Two errors on different lines both keep theirs.
   */
  private static List<Scored> explainAway(List<Scored> sorted) {
    List<Scored> out = new ArrayList<>(sorted.size());
    BitSet claimed = new BitSet();
    boolean signatureAbove = false;
    for (Scored s : sorted) {
      Scored kept = s;
      if (!out.isEmpty() && s.confidence >= REPLY_THRESHOLD) {
        boolean sameLines = s.basis == Basis.SIGNATURE && !s.lines.isEmpty() && isSubset(s.lines, claimed);
        boolean wordsOnly = s.basis != Basis.SIGNATURE && signatureAbove;
        if (sameLines || wordsOnly) {
          kept = s.withConfidence(EXPLAINED);
        }
      }
      if (kept.basis == Basis.SIGNATURE && kept.confidence >= REPLY_THRESHOLD) {
        claimed.or(kept.lines);
        signatureAbove = true;
      }
      out.add(kept);
    }
    out.sort(ORDER);
    return out;
  }

  private static boolean isSubset(BitSet a, BitSet b) {
    BitSet x = (BitSet) a.clone();
    x.andNot(b);
    return x.isEmpty();
  }

  private Scored score(
      int e,
      PasteTokens tokens,
      Map<Language, Set<String>> proseTerms,
      double[] coverage) {
    double sig = 0;
    BitSet lines = new BitSet();
    for (CompiledSignature cs : index.signaturesOf(e)) {
      SignatureAligner.Alignment a = SignatureAligner.align(cs, tokens);
      double c = signatureConfidence(cs, a);
      if (c > sig) {
        sig = c;
        lines = a.lines();
      }
    }
    double symptom = symptomConfidence(e, proseTerms);
    double related = coverage[e];
    double base = Math.max(sig, symptom);
    if (Math.min(sig, symptom) > 0.2) {
      base = Math.min(1, base + 0.1 * Math.min(sig, symptom));
    }
    double confidence = base + (1 - base) * RELATED_SHARE * related;
    Basis basis =
        sig >= symptom && sig >= 0.3 ? Basis.SIGNATURE : symptom >= 0.3 ? Basis.SYMPTOM : Basis.RELATED;
    return new Scored(e, Math.min(1, confidence), basis, basis == Basis.SIGNATURE ? lines : new BitSet());
  }

  /**
   * How surely a paste contains a signature: the share of its weight found in order, times the
   * share of its error-chain parts found (each part judged on its own, squared, so a part that is
   * half there counts a quarter), discounted when the words found carry little information.
   */
  static double signatureConfidence(CompiledSignature sig, SignatureAligner.Alignment a) {
    if (sig.totalWeight() <= 0 || a.matched() <= 0) {
      return 0;
    }
    double coverage = a.matched() / sig.totalWeight();
    int parts = sig.segmentCount();
    double[] total = new double[parts];
    double[] found = new double[parts];
    for (int i = 0; i < sig.tokens().length; i++) {
      total[sig.segments()[i]] += sig.weights()[i];
      if (a.found().get(i)) {
        found[sig.segments()[i]] += sig.weights()[i];
      }
    }
    double sum = 0;
    double importance = 0;
    for (int g = 0; g < parts; g++) {
      if (total[g] <= 0) {
        continue;
      }
      double imp = Math.min(1, total[g] / PART_WEIGHT);
      double share = found[g] / total[g];
      sum += imp * share * share;
      importance += imp;
    }
    double partCoverage = importance > 0 ? sum / importance : 0;
    double strength = Math.min(1, a.matched() / STRONG_WEIGHT);
    double c = coverage * partCoverage * strength;
    // The first part says where the error happened, the last what it is: an error that shares
    // only the middle of a chain is another error.
    int first = -1;
    int last = -1;
    for (int g = 0; g < parts; g++) {
      if (total[g] >= PART_WEIGHT / 2) {
        if (first < 0) {
          first = g;
        }
        last = g;
      }
    }
    if (first >= 0 && (found[first] / total[first] < 0.5 || found[last] / total[last] < 0.5)) {
      c *= ENDS_MISSING;
    }
    // Each error string has a word that makes it this error ("mtab", "mkparent"): without it,
    // the rest is a different error worded alike.
    double heaviest = 0;
    boolean keywordFound = false;
    for (int i = 0; i < sig.tokens().length; i++) {
      heaviest = Math.max(heaviest, sig.weights()[i]);
    }
    for (int i = 0; i < sig.tokens().length; i++) {
      if (sig.weights()[i] >= 0.9 * heaviest && a.found().get(i)) {
        keywordFound = true;
      }
    }
    if (!keywordFound) {
      c *= ENDS_MISSING;
    }
    return c;
  }

  /** The paste's prose terms in one language with their weights, computed once per paste. */
  private record WeightedTerms(String[] terms, double[] weights, double total) {}

  private Map<Language, WeightedTerms> weigh(Map<Language, Set<String>> proseTerms) {
    Map<Language, WeightedTerms> out = new java.util.EnumMap<>(Language.class);
    for (Language l : Language.values()) {
      List<String> known = new ArrayList<>();
      List<Double> knownWeights = new ArrayList<>();
      double total = 0;
      for (String t : proseTerms.get(l)) {
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
  private double[] queryCoverage(Map<Language, WeightedTerms> weighted) {
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

  private double symptomConfidence(int e, Map<Language, Set<String>> proseTerms) {
    double best = 0;
    for (Language l : Language.values()) {
      Set<String> q = proseTerms.get(l);
      for (KnowledgeIndex.Phrase phrase : index.symptomPhrases(e, l)) {
        String[] terms = phrase.terms();
        if (terms.length < 2) {
          continue;
        }
        double hit = 0;
        int hits = 0;
        for (int i = 0; i < terms.length; i++) {
          if (q.contains(terms[i])) {
            hit += phrase.weights()[i];
            hits++;
          }
        }
        if (hits < 2) {
          continue;
        }
        double c = hit / phrase.total();
        double conf = 0.8 * c * c;
        // A symptom phrase is short and specific: a few of its words scattered through an
        // unrelated error are a lead, not a diagnosis.
        if (terms.length - hits > Math.max(1, terms.length / 4)) {
          conf *= ENDS_MISSING;
        }
        best = Math.max(best, conf);
      }
    }
    return best;
  }

  private Query signatureQuery(PasteTokens tokens) {
    List<String> terms = new ArrayList<>();
    for (String q : tokens.queryTerms) {
      if (index.signatureDocFreq(q) > 0) {
        terms.add(q);
      }
    }
    if (terms.isEmpty()) {
      return null;
    }
    // The rarest terms discriminate best; a huge log must not build a huge query.
    terms.sort(Comparator.comparingInt(index::signatureDocFreq));
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (int i = 0; i < Math.min(MAX_CLAUSES, terms.size()); i++) {
      b.add(new TermQuery(new Term(Fields.SIGNATURE, terms.get(i))), BooleanClause.Occur.SHOULD);
    }
    return b.build();
  }

  private Query textQuery(Map<Language, Set<String>> proseTerms) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    int clauses = 0;
    for (Language l : Language.values()) {
      List<String> known = new ArrayList<>();
      for (String t : proseTerms.get(l)) {
        if (index.textWeight(t) > 0) {
          known.add(t);
        }
      }
      known.sort(Comparator.comparingDouble(t -> -index.textWeight(t)));
      for (String t : known.subList(0, Math.min(MAX_PROSE_TERMS, known.size()))) {
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

  private Map<Integer, Double> search(Query q) {
    Map<Integer, Double> out = new HashMap<>();
    if (q == null) {
      return out;
    }
    try {
      TopDocs top = index.searcher().search(q, CANDIDATES);
      for (ScoreDoc sd : top.scoreDocs) {
        out.put(index.entryOfDoc(sd.doc), (double) sd.score);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The prose part of a paste: its first characters, where people write their question. */
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

  private static List<Evidence> evidence(NormalizedPaste paste, BitSet lines) {
    List<Evidence> out = new ArrayList<>();
    for (int i = lines.nextSetBit(0); i >= 0 && out.size() < MAX_EVIDENCE; i = lines.nextSetBit(i + 1)) {
      PasteLine l = paste.lines().get(i);
      String t = l.original().strip();
      if (t.length() > MAX_EVIDENCE_CHARS) {
        t = t.substring(0, MAX_EVIDENCE_CHARS - 1) + "…";
      }
      out.add(new Evidence(l.number(), t));
    }
    return out;
  }

  private static double round(double d) {
    return Math.round(d * 1000) / 1000.0;
  }

  private static long micros(long t0) {
    return (System.nanoTime() - t0) / 1000;
  }
}

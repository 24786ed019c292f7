package dev.runtimedoctor.knowledge.match;

import dev.runtimedoctor.knowledge.analysis.LanguageGuess;
import dev.runtimedoctor.knowledge.analysis.LogNormalizer;
import dev.runtimedoctor.knowledge.analysis.NormalizedPaste;
import dev.runtimedoctor.knowledge.analysis.PasteLine;
import dev.runtimedoctor.knowledge.entry.Entry;
import dev.runtimedoctor.knowledge.entry.Language;
import dev.runtimedoctor.knowledge.index.CompiledSignature;
import dev.runtimedoctor.knowledge.index.KnowledgeIndex;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises known issues in a paste: candidate entries are retrieved, each candidate's signatures
 * are aligned with the paste and its symptom phrases compared with the paste's words, giving a
 * confidence that means the same for every entry; a match that only re-explains lines a better one
 * claimed loses its right to an answer.
 */
public final class Matcher {
  /** At or above this confidence the bot answers without being asked. */
  public static final double REPLY_THRESHOLD = 0.6;

  /** Matches below this are not worth showing even as leads. */
  static final double MIN_CONFIDENCE = 0.08;

  private static final int MAX_MATCHES = 5;

  /** The confidence left to a match another one explains: a lead, below the reply threshold. */
  static final double EXPLAINED = REPLY_THRESHOLD - 0.1;

  /** The most a paste's vocabulary alone adds to a confidence: never enough to answer unasked. */
  private static final double RELATED_SHARE = 0.4;

  /** The least a signature or symptom must show to count as a witness of its own. */
  private static final double INDEPENDENT = 0.2;

  /** Kept of a confidence when the paste lacks what makes the evidence specific. */
  static final double ENDS_MISSING = 0.6;

  private static final int MAX_EVIDENCE = 3;

  private final KnowledgeIndex index;
  private final CandidateRetrieval retrieval;
  private final Polarity polarity;

  /** The weight of a word that only one entry's signatures use: the heaviest there is. */
  private final double specificWeight;

  /**
   * Whether {@code run} (vocabulary ids) occurs, word after word, in a signature of entry {@code e}
   * and of no other entry.
   */
  private boolean onlyIn(int e, int[] run) {
    for (int other = 0; other < index.entries().size(); other++) {
      if (other == e) {
        continue;
      }
      for (CompiledSignature cs : index.signatures().of(other)) {
        if (contains(cs.tokens(), run)) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean uses(CompiledSignature cs, int word) {
    for (int t : cs.tokens()) {
      if (t == word) {
        return true;
      }
    }
    return false;
  }

  private static boolean contains(int[] tokens, int[] run) {
    outer:
    for (int s = 0; s + run.length <= tokens.length; s++) {
      for (int k = 0; k < run.length; k++) {
        if (tokens[s + k] != run[k]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  public Matcher(KnowledgeIndex index) {
    this.index = index;
    this.retrieval = new CandidateRetrieval(index);
    this.polarity = new Polarity(index.signatures().vocabulary());
    double heaviest = 0;
    for (int e = 0; e < index.entries().size(); e++) {
      for (CompiledSignature cs : index.signatures().of(e)) {
        for (double w : cs.weights()) {
          heaviest = Math.max(heaviest, w);
        }
      }
    }
    this.specificWeight = heaviest - 1e-9;
  }

  public KnowledgeIndex index() {
    return index;
  }

  /** Diagnoses {@code text}; never throws on any input. */
  public Diagnosis diagnose(String text) {
    long t0 = System.nanoTime();
    NormalizedPaste paste = LogNormalizer.normalize(text);
    if (paste.isEmpty()) {
      return new Diagnosis(List.of(), false, Optional.empty(), false, micros(t0), paste);
    }
    PasteTokens tokens =
        new PasteTokens(paste, index.signatures().vocabulary(), retrieval.prunes());
    ProseEvidence prose = new ProseEvidence(paste, index);
    Optional<Language> language = LanguageGuess.of(paste);
    double[] coverage = prose.coverage();
    List<Scored> scored = new ArrayList<>();
    for (int e : retrieval.candidates(tokens, prose)) {
      scored.add(score(e, tokens, prose, coverage));
    }
    scored.sort(ORDER);
    scored = explainAway(scored);
    List<Match> matches = new ArrayList<>();
    Set<Entry> causeNamed = new HashSet<>();
    for (Scored s : scored) {
      if (matches.size() == MAX_MATCHES || s.confidence < MIN_CONFIDENCE) {
        break;
      }
      matches.add(
          new Match(
              index.entries().get(s.entry),
              shown(s.confidence),
              s.basis,
              evidence(paste, tokens, s.positions)));
      if (s.causeNamed) {
        causeNamed.add(index.entries().get(s.entry));
      }
    }
    matches =
        CausesFirst.apply(KnownIssuesFirst.apply(matches, m -> causeNamed.contains(m.entry())));
    boolean reply = !matches.isEmpty() && matches.get(0).confidence() >= REPLY_THRESHOLD;
    return new Diagnosis(matches, reply, language, paste.truncated(), micros(t0), paste);
  }

  /**
   * A candidate's score: {@code lines} are the paste lines its signature matched, {@code positions}
   * the paste words it matched there.
   */
  private record Scored(
      int entry,
      double confidence,
      Basis basis,
      boolean causeNamed,
      BitSet lines,
      BitSet positions) {
    Scored withConfidence(double c) {
      return new Scored(entry, c, basis, causeNamed, lines, positions);
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
        boolean sameLines =
            s.basis == Basis.SIGNATURE && !s.lines.isEmpty() && isSubset(s.lines, claimed);
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

  private Scored score(int e, PasteTokens tokens, ProseEvidence prose, double[] coverage) {
    double sig = 0;
    boolean causeNamed = false;
    BitSet lines = new BitSet();
    BitSet positions = new BitSet();
    for (CompiledSignature cs : index.signatures().of(e)) {
      SignatureAligner.Alignment a = SignatureAligner.align(cs, tokens);
      SignatureAligner.Alignment agreeing = polarity.agreeing(cs, a, tokens);
      double c = SignatureConfidence.of(cs, agreeing);
      boolean cause = SignatureConfidence.namesCause(cs, agreeing);
      // Cut short: read the words before each place the person cut an error as the start of
      // the chain, and judge what was shown.
      for (int cut = tokens.cut.nextSetBit(0);
          cut >= 0 && c < REPLY_THRESHOLD;
          cut = tokens.cut.nextSetBit(cut + 1)) {
        if (!uses(cs, tokens.ids[cut])) {
          continue;
        }
        SignatureAligner.Alignment shown = SignatureAligner.alignBefore(cs, tokens, cut);
        double cutShort =
            SignatureConfidence.ofCutShort(
                cs, shown, tokens.cut, specificWeight, run -> onlyIn(e, run));
        if (cutShort > c) {
          c = cutShort;
          a = shown;
          // What was shown before the cut is this entry's alone (ofCutShort): its cause, as far
          // as the person showed it.
          cause = true;
        }
      }
      if (c > sig) {
        sig = c;
        lines = a.lines();
        positions = a.positions();
        causeNamed = cause;
      }
    }
    double symptom = prose.symptomConfidence(e);
    if (!prose.fitsPlatform(index.entries().get(e).affected().platform())) {
      symptom *= ENDS_MISSING;
    }
    double related = coverage[e];
    // The signatures read the error lines and the symptoms read the person's words: two
    // independent witnesses, so their doubts multiply. Below INDEPENDENT a witness is noise.
    double base = Math.max(sig, symptom);
    if (Math.min(sig, symptom) > INDEPENDENT) {
      base = 1 - (1 - sig) * (1 - symptom);
    }
    double confidence = base + (1 - base) * RELATED_SHARE * related;
    Basis basis =
        sig >= symptom && sig >= 0.3
            ? Basis.SIGNATURE
            : symptom >= 0.3 ? Basis.SYMPTOM : Basis.RELATED;
    boolean signature = basis == Basis.SIGNATURE;
    return new Scored(
        e,
        Math.min(1, confidence),
        basis,
        signature && causeNamed,
        signature ? lines : new BitSet(),
        // A cause the paste quotes is the line that gave it away, even when the person's words
        // weigh more than the fragment: show it.
        signature || (causeNamed && sig > INDEPENDENT) ? positions : new BitSet());
  }

  /**
   * The paste lines a signature matched, each redacted and then cut to a window around the words
   * that matched on it.
   */
  private List<Evidence> evidence(NormalizedPaste paste, PasteTokens tokens, BitSet positions) {
    List<Evidence> out = new ArrayList<>();
    int p = positions.nextSetBit(0);
    while (p >= 0 && out.size() < MAX_EVIDENCE) {
      int line = tokens.lines[p];
      List<String> words = new ArrayList<>();
      for (; p >= 0 && tokens.lines[p] == line; p = positions.nextSetBit(p + 1)) {
        words.add(index.signatures().vocabulary().word(tokens.ids[p]));
      }
      PasteLine l = paste.lines().get(line);
      out.add(
          new Evidence(
              l.number(), EvidenceWindow.of(LogNormalizer.printable(l.original()), words)));
    }
    return out;
  }

  /**
   * A confidence as every surface shows it, two decimals, rounded down: what is shown is what
   * decided, so 0.596 reads 0.59 and is no answer, never a "0.60" left unanswered.
   */
  static double shown(double confidence) {
    return Math.floor(confidence * 100 + 1e-9) / 100;
  }

  private static long micros(long t0) {
    return (System.nanoTime() - t0) / 1000;
  }
}

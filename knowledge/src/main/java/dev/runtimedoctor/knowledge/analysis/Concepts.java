package dev.runtimedoctor.knowledge.analysis;

import dev.runtimedoctor.knowledge.entry.Language;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The few ways people say the same thing about a failure — that something is missing, stuck or
 * leaking — folded into one term per language, so that "dove sono finite le metriche GPU?" meets
 * the entry's "metriche GPU mancanti" and "shim processes remain" meets "shims leaking". Only words
 * that describe a failure's state are folded: names of things (pods, metrics, nodes) keep telling
 * entries apart.
 */
final class Concepts {
  /** Per language, groups of words; the first word of a group names the concept. */
  private static final Map<Language, List<List<String>>> GROUPS =
      Map.of(
          Language.EN,
          List.of(
              List.of(
                  "missing",
                  "gone",
                  "disappeared",
                  "disappear",
                  "vanished",
                  "lost",
                  "absent",
                  "empty",
                  "blank"),
              List.of("pressure", "heavy", "load", "busy", "saturated", "contention"),
              List.of(
                  "conflict",
                  "overlap",
                  "overlapping",
                  "clash",
                  "collide",
                  "collision",
                  "interfere"),
              List.of("stuck", "hang", "hangs", "hung", "hanging", "frozen", "freezes", "blocked"),
              List.of(
                  "leak",
                  "leaking",
                  "leaked",
                  "leaks",
                  "leftover",
                  "orphaned",
                  "stale",
                  "zombie",
                  "remain",
                  "remaining",
                  "piling")),
          Language.IT,
          List.of(
              List.of(
                  "mancanti",
                  "mancante",
                  "mancano",
                  "manca",
                  "sparite",
                  "sparito",
                  "spariti",
                  "sparita",
                  "scomparse",
                  "scomparsi",
                  "assenti",
                  "assente",
                  "perse",
                  "persi",
                  "vuota",
                  "vuoto",
                  "vuote",
                  "finite",
                  "finiti"),
              List.of("pressione", "carico", "sovraccarico", "saturo", "intenso"),
              List.of(
                  "conflitto",
                  "conflitti",
                  "sovrappone",
                  "sovrappongono",
                  "sovrapposizione",
                  "collide",
                  "interferisce"),
              List.of(
                  "bloccato",
                  "bloccati",
                  "bloccata",
                  "bloccate",
                  "blocca",
                  "fermo",
                  "fermi",
                  "piantato",
                  "congelato",
                  "appeso"),
              List.of(
                  "fuga",
                  "fughe",
                  "leak",
                  "orfani",
                  "orfano",
                  "residui",
                  "rimasti",
                  "rimangono",
                  "accumulano")));

  /**
   * Per language, what people write in several words or with punctuation for one word of the groups
   * above, replaced before the words are split ("no data" is "missing", "I/O" is "IO").
   */
  private static final Map<Language, Map<String, String>> PHRASES =
      Map.of(
          Language.EN,
          Map.of("no data", "missing", "No data", "missing", "I/O", "IO", "i/o", "io"),
          Language.IT,
          Map.of("nessun dato", "mancanti", "Nessun dato", "mancanti", "I/O", "IO", "i/o", "io"));

  /**
   * A Windows drive letter on its own ("mountPath: D:", "montato su E:"), not the start of a path
   * ({@code C:\\ProgramData}): what people write for the entries' "drive letter".
   */
  static final java.util.regex.Pattern DRIVE_LETTER =
      java.util.regex.Pattern.compile("(?<![\\w/\\\\.:-])[A-Z]:(?=$|[\\s'\"`,;)])");

  /** Per language, the words {@link #DRIVE_LETTER} stands for. */
  private static final Map<Language, String> DRIVE_LETTER_WORDS =
      Map.of(Language.EN, " drive letter ", Language.IT, " lettera di unità ");

  private Concepts() {}

  /** The words a lone drive letter stands for in {@code language}, spaces around. */
  static String driveLetter(Language language) {
    return DRIVE_LETTER_WORDS.get(language);
  }

  /** What {@link #PHRASES} replaces in {@code language}, phrase to word. */
  static Map<String, String> phrases(Language language) {
    return PHRASES.get(language);
  }

  /**
   * The concept each of the language's words stems to, keyed by the stem {@code analyzer} (the
   * language's own analyzer) gives, so that the fold sits after stemming and both the entries and
   * the pastes pass through it.
   */
  static Map<String, String> stems(Language language, Analyzer analyzer) {
    Map<String, String> out = new HashMap<>();
    for (List<String> group : GROUPS.get(language)) {
      String concept = null;
      for (String word : group) {
        String stem = stem(analyzer, word);
        if (stem == null) {
          continue;
        }
        if (concept == null) {
          concept = stem;
        }
        out.put(stem, concept);
      }
    }
    return out;
  }

  private static String stem(Analyzer analyzer, String word) {
    try (TokenStream ts = analyzer.tokenStream("t", word)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      String out = ts.incrementToken() ? term.toString() : null;
      ts.end();
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Replaces each stem of {@code concepts} by its concept. */
  static TokenStream fold(TokenStream in, Map<String, String> concepts) {
    return new TokenFilter(in) {
      private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

      @Override
      public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
          return false;
        }
        String concept = concepts.get(term.toString());
        if (concept != null) {
          term.setEmpty().append(concept);
        }
        return true;
      }
    };
  }
}

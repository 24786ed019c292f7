package dev.runtimedoctor.knowledge.analysis;

import dev.runtimedoctor.knowledge.entry.Language;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The analyzers of the prose fields (titles, symptoms, bodies): Lucene's Italian and English
 * analyzers, with stop words and stemming, so "metriche GPU mancanti" meets "metrica GPU manca",
 * and snake_case identifiers split into words.
 */
public final class TextAnalyzers {
  private final Analyzer italian = splittingIdentifiers(new ItalianVerbsAnalyzer(), Language.IT);
  private final Analyzer english = splittingIdentifiers(new EnglishAnalyzer(), Language.EN);
  private final java.util.Map<String, String> stems =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Lucene's Italian analysis with Snowball's Italian stemmer in place of the light one: people ask
   * with verbs ("non scaricano il certificato") where the entries describe ("certificato non
   * scaricato"), and only the full stemmer brings the conjugations to one stem.
   */
  private static final class ItalianVerbsAnalyzer extends Analyzer {
    private static final org.apache.lucene.analysis.CharArraySet ELISION_ARTICLES =
        new org.apache.lucene.analysis.CharArraySet(
            java.util.List.of(
                "c", "l", "all", "dall", "dell", "nell", "sull", "coll", "pell", "gl", "agl",
                "dagl", "degl", "negl", "sugl", "un", "m", "t", "s", "v", "d"),
            true);

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      var source = new org.apache.lucene.analysis.standard.StandardTokenizer();
      TokenStream result =
          new org.apache.lucene.analysis.util.ElisionFilter(source, ELISION_ARTICLES);
      result = new org.apache.lucene.analysis.LowerCaseFilter(result);
      result =
          new org.apache.lucene.analysis.StopFilter(result, ItalianAnalyzer.getDefaultStopSet());
      result =
          new org.apache.lucene.analysis.snowball.SnowballFilter(
              result, new org.tartarus.snowball.ext.ItalianStemmer());
      return new TokenStreamComponents(source, result);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new org.apache.lucene.analysis.LowerCaseFilter(
          new org.apache.lucene.analysis.util.ElisionFilter(in, ELISION_ARTICLES));
    }
  }

  /**
   * Splits snake_case identifiers before the analyzer sees them: people name metrics and flags
   * ("container_fs_writes_bytes_total") that the entry only names by family ("container_fs"). After
   * stemming, the words of a failure's state fold into one term ({@link Concepts}).
   */
  private static Analyzer splittingIdentifiers(Analyzer analyzer, Language language) {
    java.util.Map<String, String> concepts = Concepts.stems(language, analyzer);
    NormalizeCharMap.Builder map = new NormalizeCharMap.Builder();
    map.add("_", " ");
    Concepts.phrases(language).forEach(map::add);
    NormalizeCharMap underscores = map.build();
    return new AnalyzerWrapper(analyzer.getReuseStrategy()) {
      @Override
      protected Analyzer getWrappedAnalyzer(String fieldName) {
        return analyzer;
      }

      @Override
      protected Reader wrapReader(String fieldName, Reader reader) {
        return new MappingCharFilter(
            underscores,
            new PatternReplaceCharFilter(
                Concepts.DRIVE_LETTER, Concepts.driveLetter(language), reader));
      }

      @Override
      protected TokenStreamComponents wrapComponents(
          String fieldName, TokenStreamComponents components) {
        return new TokenStreamComponents(
            components.getSource(), Concepts.fold(components.getTokenStream(), concepts));
      }
    };
  }

  /** The analyzer for {@code language}. */
  public Analyzer of(Language language) {
    return language == Language.IT ? italian : english;
  }

  /** The term one word gives in {@code language}, cached: a stop word gives the word itself. */
  public String stem(Language language, String word) {
    return stems.computeIfAbsent(
        language.code() + ":" + word,
        k -> terms(language, word, 1).stream().findFirst().orElse(word));
  }

  /** The distinct terms {@code text} gives in {@code language}, at most {@code max}. */
  public Set<String> terms(Language language, String text, int max) {
    Set<String> out = new LinkedHashSet<>();
    try (TokenStream ts = of(language).tokenStream("t", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken() && out.size() < max) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}

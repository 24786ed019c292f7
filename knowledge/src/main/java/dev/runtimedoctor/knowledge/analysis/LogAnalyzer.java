package dev.runtimedoctor.knowledge.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.shingle.ShingleFilter;

/**
 * The analyzer of the signature field: log words in pairs (word bigrams, with the single words too)
 * so that the order of words counts when a paste is looked up.
 */
public final class LogAnalyzer extends Analyzer {
  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    LogTokenizer source = new LogTokenizer();
    ShingleFilter shingles = new ShingleFilter(source, 2, 2);
    shingles.setOutputUnigrams(true);
    return new TokenStreamComponents(source, shingles);
  }
}

package dev.runtimedoctor.knowledge.index;

import dev.runtimedoctor.knowledge.entry.Language;

/** The Lucene fields of the knowledge index, declared once. */
public final class Fields {
  /** The entry id, stored, not analyzed: how a hit is mapped back to its entry. */
  public static final String ID = "id";

  /**
   * Masked signatures through {@link dev.runtimedoctor.knowledge.analysis.LogAnalyzer}: log words
   * and word bigrams, so a paste that has the words in the signature's order scores higher.
   */
  public static final String SIGNATURE = "sig";

  private Fields() {}

  /** Titles, analyzed with the language's stemmer: short, so boosted. */
  public static String title(Language l) {
    return "title_" + l.code();
  }

  /** Symptom phrases: how people describe the issue without an error string. */
  public static String symptoms(Language l) {
    return "symptoms_" + l.code();
  }

  /** The body's prose: the weakest signal, but it knows the vocabulary of the issue. */
  public static String body(Language l) {
    return "body_" + l.code();
  }
}

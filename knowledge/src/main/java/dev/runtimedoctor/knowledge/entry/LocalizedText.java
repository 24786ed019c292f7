package dev.runtimedoctor.knowledge.entry;

import java.util.Objects;

/** A text given in Italian and in English. */
public record LocalizedText(String it, String en) {
  public LocalizedText {
    Objects.requireNonNull(it, "it");
    Objects.requireNonNull(en, "en");
  }

  /** The text in {@code language}. */
  public String get(Language language) {
    return language == Language.IT ? it : en;
  }
}

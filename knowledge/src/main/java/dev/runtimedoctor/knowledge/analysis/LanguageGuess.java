package dev.runtimedoctor.knowledge.analysis;

import dev.runtimedoctor.knowledge.entry.Language;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Guesses whether a paste is written in Italian or English from its common words. */
public final class LanguageGuess {
  private static final Set<String> ITALIAN =
      Set.of(
          "il",
          "lo",
          "la",
          "gli",
          "le",
          "di",
          "che",
          "non",
          "per",
          "una",
          "sono",
          "con",
          "del",
          "della",
          "dei",
          "nel",
          "nella",
          "perché",
          "perche",
          "come",
          "quando",
          "dove",
          "cosa",
          "più",
          "anche",
          "ho",
          "abbiamo",
          "nodo",
          "nodi",
          "errore",
          "si",
          "questo",
          "sul",
          "sulla",
          "ma",
          "mi",
          "ci",
          "è",
          "al",
          "alla",
          "da",
          "dopo",
          "ancora",
          "bloccato",
          "partono");
  private static final Set<String> ENGLISH =
      Set.of(
          "the", "is", "are", "and", "of", "to", "in", "that", "it", "with", "for", "on", "not",
          "why", "how", "when", "where", "what", "does", "do", "my", "our", "we", "i", "after",
          "can", "cannot", "can't", "this", "from", "be", "was", "has", "have", "any", "every");

  private LanguageGuess() {}

  private static boolean isWordChar(char c) {
    return Character.isLetter(c) || c == '\'';
  }

  /** The language most of the prose words belong to, if the paste has enough of them. */
  public static Optional<Language> of(String text) {
    int it = 0;
    int en = 0;
    int seen = 0;
    int n = text.length();
    int i = 0;
    while (i < n && seen < 2_000) {
      while (i < n && !isWordChar(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && isWordChar(text.charAt(i))) {
        i++;
      }
      if (i > start && i - start <= 8) {
        seen++;
        String w = text.substring(start, i).toLowerCase(Locale.ROOT);
        if (ITALIAN.contains(w)) {
          it++;
        }
        if (ENGLISH.contains(w)) {
          en++;
        }
      }
    }
    if (it >= 2 && it > en) {
      return Optional.of(Language.IT);
    }
    if (en >= 2 && en > it) {
      return Optional.of(Language.EN);
    }
    return Optional.empty();
  }
}

package dev.runtimedoctor.knowledge.entry;

import java.util.Locale;
import java.util.Optional;

/** The parts of an entry body, with their headings in each language. */
public enum Section {
  SYMPTOM("Sintomo", "Symptom", true),
  CAUSE("Causa", "Cause", true),
  RESOLUTION("Risoluzione", "Resolution", true),
  WORKAROUND("Soluzione alternativa", "Workaround", false);

  private final String it;
  private final String en;
  private final boolean required;

  Section(String it, String en, boolean required) {
    this.it = it;
    this.en = en;
    this.required = required;
  }

  /** The level-2 heading of this section in {@code language}. */
  public String heading(Language language) {
    return language == Language.IT ? it : en;
  }

  /** Whether every entry must have this section in both languages. */
  public boolean required() {
    return required;
  }

  /** The section a heading names in {@code language}, ignoring case. */
  public static Optional<Section> fromHeading(String heading, Language language) {
    String h = heading.trim().toLowerCase(Locale.ROOT);
    for (Section s : values()) {
      if (s.heading(language).toLowerCase(Locale.ROOT).equals(h)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}

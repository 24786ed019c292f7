package dev.runtimedoctor.knowledge.entry;

import java.util.Locale;
import java.util.Optional;

/** The two languages every entry is written in. */
public enum Language {
  IT("it", "Italiano"),
  EN("en", "English");

  private final String code;
  private final String heading;

  Language(String code, String heading) {
    this.code = code;
    this.heading = heading;
  }

  /** The ISO 639-1 code used in front matter, flags and Slack locales. */
  public String code() {
    return code;
  }

  /** The level-1 heading that opens this language's part of an entry body. */
  public String heading() {
    return heading;
  }

  /** The language of an ISO code or a Slack locale such as {@code it-IT}; empty when neither. */
  public static Optional<Language> fromCode(String code) {
    if (code == null) {
      return Optional.empty();
    }
    String c = code.trim().toLowerCase(Locale.ROOT);
    for (Language l : values()) {
      if (c.equals(l.code) || c.startsWith(l.code + "-") || c.startsWith(l.code + "_")) {
        return Optional.of(l);
      }
    }
    return Optional.empty();
  }
}

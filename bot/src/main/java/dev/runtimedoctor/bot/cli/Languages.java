package dev.runtimedoctor.bot.cli;

import dev.runtimedoctor.knowledge.entry.Language;
import java.util.Optional;

/**
 * Picks the answer language: the flag, else the paste's, else the configured one ({@code
 * BOT_LANGUAGE}), else Italian.
 */
final class Languages {
  private Languages() {}

  static Language choose(String flag, Optional<Language> paste, Optional<Language> configured) {
    return choose(flag, paste, configured, Language.IT);
  }

  /** As {@link #choose(String, Optional, Optional)}, with {@code otherwise} when nothing says. */
  static Language choose(
      String flag, Optional<Language> paste, Optional<Language> configured, Language otherwise) {
    if (flag != null) {
      return Language.fromCode(flag)
          .orElseThrow(() -> new UserException("--lang must be it or en, not '" + flag + "'"));
    }
    return paste.or(() -> configured).orElse(otherwise);
  }
}

package dev.runtimedoctor.bot.cli;

import dev.runtimedoctor.bot.config.Environment;
import dev.runtimedoctor.knowledge.entry.Language;
import java.util.Optional;

/**
 * Picks the answer language: the flag, else the paste's, else the configured one ({@code
 * BOT_LANGUAGE}), else Italian.
 */
final class Languages {
  private Languages() {}

  /**
   * The language to answer in.
   *
   * @throws UserException when {@code flag} names no language, or when {@code BOT_LANGUAGE} is
   *     needed (no flag, a paste of no prose) and names none
   */
  static Language choose(String flag, Optional<Language> paste, Environment env) {
    return choose(flag, paste, env, Language.IT);
  }

  /**
   * As {@link #choose(String, Optional, Environment)}, with {@code otherwise} when nothing says.
   */
  static Language choose(
      String flag, Optional<Language> paste, Environment env, Language otherwise) {
    if (flag != null) {
      return Language.fromCode(flag)
          .orElseThrow(() -> new UserException("--lang must be it or en, not '" + flag + "'"));
    }
    if (paste.isPresent()) {
      return paste.get();
    }
    try {
      return env.language().orElse(otherwise);
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage());
    }
  }
}

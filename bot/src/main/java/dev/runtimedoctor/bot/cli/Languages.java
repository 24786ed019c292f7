package dev.runtimedoctor.bot.cli;

import dev.runtimedoctor.knowledge.entry.Language;
import java.util.Map;
import java.util.Optional;

/**
 * Picks the answer language: the flag, else the paste's, else {@code BOT_LANGUAGE}, else Italian.
 */
final class Languages {
  private Languages() {}

  static Language choose(String flag, Optional<Language> paste, Map<String, String> env) {
    return choose(flag, paste, env, Language.IT);
  }

  /** As {@link #choose(String, Optional, Map)}, with {@code otherwise} when nothing says. */
  static Language choose(
      String flag, Optional<Language> paste, Map<String, String> env, Language otherwise) {
    if (flag != null) {
      return Language.fromCode(flag)
          .orElseThrow(() -> new UserException("--lang must be it or en, not '" + flag + "'"));
    }
    return paste.or(() -> Language.fromCode(env.get("BOT_LANGUAGE"))).orElse(otherwise);
  }
}

package dev.runtimedoctor.bot.slack;

import dev.runtimedoctor.knowledge.entry.Language;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the language of an answer (DESIGN §5): the one the user chose with {@code lang}, else the
 * user's Slack locale ({@code users.info}, cached), else the paste's, else {@code BOT_LANGUAGE}.
 */
public final class AnswerLanguage {
  private static final Logger log = LoggerFactory.getLogger(AnswerLanguage.class);

  private final LanguagePreferences preferences;
  private final SlackGateway gateway;
  private final TtlCache<Optional<Language>> locales;
  private final Language fallback;

  public AnswerLanguage(
      LanguagePreferences preferences,
      SlackGateway gateway,
      TtlCache<Optional<Language>> locales,
      Language fallback) {
    this.preferences = preferences;
    this.gateway = gateway;
    this.locales = locales;
    this.fallback = fallback;
  }

  /** The language for {@code userId} answering a paste written in {@code paste}, if known. */
  public Language choose(String userId, Optional<Language> paste) {
    return preferences.get(userId).or(() -> locale(userId)).or(() -> paste).orElse(fallback);
  }

  private Optional<Language> locale(String userId) {
    if (userId == null || userId.isEmpty()) {
      return Optional.empty();
    }
    Optional<Optional<Language>> cached = locales.get(userId);
    if (cached.isPresent()) {
      return cached.get();
    }
    try {
      Optional<Language> l = gateway.userLocale(userId).flatMap(Language::fromCode);
      locales.put(userId, l);
      return l;
    } catch (SlackCallException e) {
      // Not cached: the next answer asks again. A missing locale only changes the language.
      log.info("user locale unavailable error={}", e.error());
      return Optional.empty();
    }
  }
}

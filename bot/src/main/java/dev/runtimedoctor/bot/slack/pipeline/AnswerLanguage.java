package dev.runtimedoctor.bot.slack.pipeline;

import com.github.benmanes.caffeine.cache.Cache;
import dev.runtimedoctor.bot.slack.api.SlackCallException;
import dev.runtimedoctor.bot.slack.api.SlackGateway;
import dev.runtimedoctor.bot.slack.state.LanguagePreferences;
import dev.runtimedoctor.knowledge.entry.Language;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the language of an answer: the one the user chose with {@code lang}, else the language of
 * the user's own words in the paste, else the user's Slack locale ({@code users.info}, cached),
 * else {@code BOT_LANGUAGE}. The words come before the locale because they are what the reader just
 * wrote: many people keep Slack in English and ask in Italian, and the other way round.
 */
public final class AnswerLanguage {
  private static final Logger log = LoggerFactory.getLogger(AnswerLanguage.class);

  private final LanguagePreferences preferences;
  private final SlackGateway gateway;
  private final Cache<String, Optional<Language>> locales;
  private final Language fallback;

  public AnswerLanguage(
      LanguagePreferences preferences,
      SlackGateway gateway,
      Cache<String, Optional<Language>> locales,
      Language fallback) {
    this.preferences = preferences;
    this.gateway = gateway;
    this.locales = locales;
    this.fallback = fallback;
  }

  /**
   * The language for {@code userId} answering a paste whose prose is in {@code paste}, empty when
   * the paste holds only log lines; the locale is looked up only when the paste does not decide.
   */
  public Language choose(String userId, Optional<Language> paste) {
    return preferences.get(userId).or(() -> paste).or(() -> locale(userId)).orElse(fallback);
  }

  private Optional<Language> locale(String userId) {
    if (userId == null || userId.isEmpty()) {
      return Optional.empty();
    }
    Optional<Optional<Language>> cached = Optional.ofNullable(locales.getIfPresent(userId));
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

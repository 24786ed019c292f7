package dev.runtimedoctor.bot.slack.state;

import com.github.benmanes.caffeine.cache.Cache;
import dev.runtimedoctor.knowledge.entry.Language;
import java.util.Optional;

/**
 * The language each user chose with {@code /troubleshoot lang}, in memory: a restart forgets it,
 * and the user's Slack locale answers in the meantime.
 */
public final class LanguagePreferences {
  private static final int MAX_USERS = 50_000;

  private final Cache<String, Language> byUser = Caches.bounded(MAX_USERS);

  public void set(String userId, Language language) {
    byUser.put(userId, language);
  }

  public Optional<Language> get(String userId) {
    return Optional.ofNullable(byUser.getIfPresent(userId));
  }
}

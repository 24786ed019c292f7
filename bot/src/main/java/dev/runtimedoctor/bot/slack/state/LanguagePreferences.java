package dev.runtimedoctor.bot.slack.state;

import dev.runtimedoctor.knowledge.entry.Language;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The language each user chose with {@code /troubleshoot lang}, in memory: a restart forgets it,
 * and the user's Slack locale answers in the meantime.
 */
public final class LanguagePreferences {
  private static final int MAX_USERS = 50_000;

  private final Map<String, Language> byUser =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Language> eldest) {
          return size() > MAX_USERS;
        }
      };

  public synchronized void set(String userId, Language language) {
    byUser.put(userId, language);
  }

  public synchronized Optional<Language> get(String userId) {
    return Optional.ofNullable(byUser.get(userId));
  }
}

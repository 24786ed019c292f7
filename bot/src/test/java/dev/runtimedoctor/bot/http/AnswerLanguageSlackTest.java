package dev.runtimedoctor.bot.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The language of a Slack answer, through the real Bolt app: the user's {@code lang}, else their
 * words, else their Slack locale, else {@code BOT_LANGUAGE}.
 */
class AnswerLanguageSlackTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private SlackHarness h;

  @BeforeEach
  void start() throws Exception {
    h = SlackHarness.start(Map.of("BOT_LANGUAGE", "it"));
  }

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  @DisplayName("an English question from a user whose Slack is in Italian is answered in English")
  void wordsBeforeLocale() throws Exception {
    h.fake.locale("UBRUNO001", "it-IT");
    h.command(
        "why do our pods get this?\n" + SlackHarness.X509_PASTE, "UBRUNO001", "english-words");
    assertThat(h.fake.await("/respond/english-words", 1, WAIT).get(0).body())
        .contains("Resolution")
        .doesNotContain("Risoluzione");
  }

  @Test
  @DisplayName("an Italian question from a user whose Slack is in English is answered in Italian")
  void italianWordsBeforeEnglishLocale() throws Exception {
    h.fake.locale("UALICE001", "en-US");
    h.command(
        "il pull dal nostro registry fallisce così:\n" + SlackHarness.X509_PASTE,
        "UALICE001",
        "italian-words");
    assertThat(h.fake.await("/respond/italian-words", 1, WAIT).get(0).body())
        .contains("Risoluzione");
  }

  @Test
  @DisplayName("a paste of log lines only is answered in the Slack locale, else in BOT_LANGUAGE")
  void logOnlyFallsBack() throws Exception {
    h.fake.locale("UALICE001", "en-US");
    h.command(SlackHarness.X509_PASTE, "UALICE001", "log-locale");
    assertThat(h.fake.await("/respond/log-locale", 1, WAIT).get(0).body()).contains("Resolution");
    h.fake.locale("UFRANCOIS", "fr-FR");
    h.command(SlackHarness.X509_PASTE, "UFRANCOIS", "log-fallback");
    assertThat(h.fake.await("/respond/log-fallback", 1, WAIT).get(0).body())
        .contains("Risoluzione");
  }

  @Test
  @DisplayName("the language chosen with lang wins over the words of the paste")
  void choiceWins() throws Exception {
    h.command("lang it", "UCARLA001", "lang");
    h.fake.await("/respond/lang", 1, WAIT);
    h.command("anyone seen this?\n" + SlackHarness.X509_PASTE, "UCARLA001", "chosen");
    assertThat(h.fake.await("/respond/chosen", 1, WAIT).get(0).body()).contains("Risoluzione");
  }
}

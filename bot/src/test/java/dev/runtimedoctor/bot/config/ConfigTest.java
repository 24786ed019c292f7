package dev.runtimedoctor.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtimedoctor.knowledge.entry.Language;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConfigTest {
  @Test
  @DisplayName("HTTP mode with only the required variables gets the documented defaults")
  void defaults() throws ConfigException {
    Config c = Config.fromEnv(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "abc"));
    assertThat(c.socketMode()).isFalse();
    assertThat(c.port()).isEqualTo(3000);
    assertThat(c.apiUrl()).isEqualTo("https://slack.com/api/");
    assertThat(c.language()).isEqualTo(Language.IT);
    assertThat(c.incidentChannelPattern()).isEmpty();
    assertThat(c.checksAllowedChannels()).isEmpty();
    assertThat(c.knowledgeDir()).isEmpty();
    assertThat(c.knowledgePacks()).containsExactly("gke-runtime", "everyday");
    assertThat(c.feedbackLog()).isEqualTo(java.nio.file.Path.of("feedback.jsonl"));
  }

  @Test
  @DisplayName("SLACK_APP_TOKEN selects Socket Mode, which needs no signing secret")
  void socketMode() throws ConfigException {
    Config c = Config.fromEnv(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1"));
    assertThat(c.socketMode()).isTrue();
    assertThat(c.signingSecret()).isEmpty();
  }

  @Test
  @DisplayName("every variable is parsed, SLACK_API_URL gets its trailing slash")
  void everything() throws ConfigException {
    Config c =
        Config.fromEnv(
            Map.of(
                "SLACK_BOT_TOKEN", "xoxb-1",
                "SLACK_SIGNING_SECRET", "abc",
                "SLACK_API_URL", "http://127.0.0.1:9999/api",
                "PORT", "8080",
                "BOT_LANGUAGE", "en",
                "INCIDENT_CHANNEL_PATTERN", "^inc-",
                "CHECKS_ALLOWED_CHANNELS", "C0123, G0456",
                "CHECKS_ALLOWED_USERS", "U0001,W0002",
                "KNOWLEDGE_DIR", System.getProperty("java.io.tmpdir"),
                "FEEDBACK_LOG", System.getProperty("java.io.tmpdir") + "/rd-feedback.jsonl"));
    assertThat(c.apiUrl()).isEqualTo("http://127.0.0.1:9999/api/");
    assertThat(c.port()).isEqualTo(8080);
    assertThat(c.language()).isEqualTo(Language.EN);
    assertThat(c.incidentChannelPattern().orElseThrow().matcher("inc-1234").find()).isTrue();
    assertThat(c.checksAllowedChannels()).containsExactlyInAnyOrder("C0123", "G0456");
    assertThat(c.checksAllowedUsers()).containsExactlyInAnyOrder("U0001", "W0002");
    assertThat(c.knowledgeDir()).isPresent();
    assertThat(c.feedbackLog().getFileName().toString()).isEqualTo("rd-feedback.jsonl");
  }

  @Test
  @DisplayName("every missing or malformed variable is reported at once")
  void allProblemsAtOnce() {
    Map<String, String> env =
        Map.of(
            "SLACK_API_URL", "ftp://example.com",
            "PORT", "http",
            "BOT_LANGUAGE", "fr",
            "INCIDENT_CHANNEL_PATTERN", "(inc",
            "CHECKS_ALLOWED_CHANNELS", "#general",
            "CHECKS_ALLOWED_USERS", "alice",
            "KNOWLEDGE_DIR", "/does/not/exist",
            "FEEDBACK_LOG", "/does/not/exist/feedback.jsonl",
            "LOG_LEVEL", "LOUD");
    assertThatThrownBy(() -> Config.fromEnv(env))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .hasSize(11)
                    .anySatisfy(p -> assertThat(p).startsWith("SLACK_BOT_TOKEN is missing"))
                    .anySatisfy(p -> assertThat(p).startsWith("SLACK_SIGNING_SECRET is missing"))
                    .anySatisfy(p -> assertThat(p).startsWith("SLACK_API_URL"))
                    .anySatisfy(p -> assertThat(p).startsWith("PORT"))
                    .anySatisfy(p -> assertThat(p).startsWith("BOT_LANGUAGE"))
                    .anySatisfy(p -> assertThat(p).startsWith("INCIDENT_CHANNEL_PATTERN"))
                    .anySatisfy(p -> assertThat(p).startsWith("CHECKS_ALLOWED_CHANNELS"))
                    .anySatisfy(p -> assertThat(p).startsWith("CHECKS_ALLOWED_USERS"))
                    .anySatisfy(p -> assertThat(p).startsWith("KNOWLEDGE_DIR"))
                    .anySatisfy(p -> assertThat(p).startsWith("FEEDBACK_LOG"))
                    .anySatisfy(
                        p ->
                            assertThat(p)
                                .isEqualTo(
                                    "LOG_LEVEL must be one of TRACE, DEBUG, INFO, WARN, ERROR,"
                                        + " OFF, not 'LOUD'")));
  }

  @Test
  @DisplayName("a token of the wrong kind is named without being printed")
  void wrongTokenKind() {
    assertThatThrownBy(
            () ->
                Config.fromEnv(
                    Map.of("SLACK_BOT_TOKEN", "xapp-secret-value", "SLACK_SIGNING_SECRET", "s")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("SLACK_BOT_TOKEN must start with xoxb-")
        .hasMessageNotContaining("secret-value");
  }

  @Test
  @DisplayName("toString never prints a token or the signing secret")
  void toStringHidesSecrets() throws ConfigException {
    Config c =
        Config.fromEnv(
            Map.of(
                "SLACK_BOT_TOKEN", "xoxb-very-secret",
                "SLACK_SIGNING_SECRET", "signing-very-secret",
                "SLACK_APP_TOKEN", "xapp-very-secret"));
    assertThat(c.toString()).doesNotContain("very-secret").contains("****");
  }

  @Test
  @DisplayName("KNOWLEDGE_PACKS turns bundled packs on by name, blanks and repeats ignored")
  void knowledgePacks() throws ConfigException {
    Config c =
        Config.fromEnv(
            Map.of(
                "SLACK_BOT_TOKEN", "xoxb-1",
                "SLACK_SIGNING_SECRET", "abc",
                "KNOWLEDGE_PACKS", " gke-runtime, ,gke-runtime "));
    assertThat(c.knowledgePacks()).containsExactly("gke-runtime");
  }

  @Test
  @DisplayName("an unknown pack in KNOWLEDGE_PACKS is reported with the closest name and the list")
  void unknownKnowledgePack() {
    assertThatThrownBy(
            () ->
                Config.fromEnv(
                    Map.of(
                        "SLACK_BOT_TOKEN", "xoxb-1",
                        "SLACK_SIGNING_SECRET", "abc",
                        "KNOWLEDGE_PACKS", "gke-runtime,everday")))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        "KNOWLEDGE_PACKS: unknown pack 'everday', did you mean 'everyday'?"
                            + " (bundled packs: gke-runtime, everyday)"));
  }
}

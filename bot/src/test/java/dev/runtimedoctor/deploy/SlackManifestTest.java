package dev.runtimedoctor.deploy;

import static dev.runtimedoctor.deploy.Yamls.get;
import static dev.runtimedoctor.deploy.Yamls.list;
import static dev.runtimedoctor.deploy.Yamls.map;
import static dev.runtimedoctor.deploy.Yamls.maps;
import static dev.runtimedoctor.deploy.Yamls.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtimedoctor.bot.slack.SlackAppManifest;
import dev.runtimedoctor.bot.slack.SlackSurface;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code deploy/slack/manifest.yml} against the code (DESIGN §7) and Slack's manifest schema. */
class SlackManifestTest {
  private static final String FILE = "deploy/slack/manifest.yml";

  /**
   * The scope Slack requires for each bot event (Slack's Events API reference). An event missing
   * here fails the test on purpose: add it with its scope, and the scope to SlackSurface.
   */
  private static final Map<String, Optional<String>> EVENT_SCOPES =
      Map.ofEntries(
          Map.entry("app_mention", Optional.of("app_mentions:read")),
          Map.entry("message.channels", Optional.of("channels:history")),
          Map.entry("message.groups", Optional.of("groups:history")),
          Map.entry("message.im", Optional.of("im:history")),
          Map.entry("message.mpim", Optional.of("mpim:history")),
          Map.entry("app_home_opened", Optional.empty()),
          Map.entry("app_uninstalled", Optional.empty()),
          Map.entry("tokens_revoked", Optional.empty()),
          Map.entry("channel_created", Optional.of("channels:read")),
          Map.entry("channel_rename", Optional.of("channels:read")),
          Map.entry("channel_archive", Optional.of("channels:read")),
          Map.entry("member_joined_channel", Optional.of("channels:read")),
          Map.entry("member_left_channel", Optional.of("channels:read")),
          Map.entry("reaction_added", Optional.of("reactions:read")),
          Map.entry("file_shared", Optional.of("files:read")));

  private static Map<String, Object> checkedIn() {
    return RepoFiles.yaml(RepoFiles.read(FILE));
  }

  @Test
  @DisplayName("the checked-in manifest is exactly what slack-manifest prints from SlackSurface")
  void checkedInIsGenerated() {
    assertThat(RepoFiles.read(FILE))
        .withFailMessage(
            "%s is out of date with SlackSurface.java: regenerate it with%n"
                + "  mvn -B -DskipTests package && java -jar bot/target/runtime-doctor.jar"
                + " slack-manifest > %s",
            FILE, FILE)
        .isEqualTo(SlackAppManifest.yaml(Optional.empty()));
  }

  @Test
  @DisplayName("command, shortcut, events and scopes are exactly those SlackSurface registers")
  void declaresWhatTheCodeHandles() {
    Map<String, Object> m = checkedIn();
    List<Map<String, Object>> commands = maps(m, "features", "slash_commands");
    assertThat(commands).hasSize(1);
    assertThat(commands.get(0))
        .containsEntry("command", SlackSurface.COMMAND)
        .containsEntry("usage_hint", SlackSurface.COMMAND_USAGE_HINT);
    List<Map<String, Object>> shortcuts = maps(m, "features", "shortcuts");
    assertThat(shortcuts).hasSize(1);
    assertThat(shortcuts.get(0))
        .containsEntry("type", "message")
        .containsEntry("callback_id", SlackSurface.SHORTCUT_CALLBACK_ID)
        .containsEntry("name", SlackSurface.SHORTCUT_NAME);
    assertThat(list(m, "settings", "event_subscriptions", "bot_events"))
        .containsExactlyElementsOf(SlackSurface.BOT_EVENTS);
    assertThat(list(m, "oauth_config", "scopes", "bot"))
        .containsExactlyElementsOf(SlackSurface.BOT_SCOPES);
    assertThat(get(m, "oauth_config", "scopes", "user")).as("no user scopes").isNull();
    // Buttons and the shortcut arrive as interactivity payloads; Socket Mode as checked in.
    assertThat(get(m, "settings", "interactivity", "is_enabled")).isEqualTo(true);
    assertThat(get(m, "settings", "socket_mode_enabled")).isEqualTo(true);
    assertThat(get(m, "features", "app_home", "messages_tab_enabled"))
        .isEqualTo(SlackSurface.BOT_EVENTS.contains("message.im"));
    assertThat(get(m, "features", "app_home", "home_tab_enabled"))
        .isEqualTo(SlackSurface.BOT_EVENTS.contains("app_home_opened"));
    assertThat(get(m, "features", "app_home", "messages_tab_read_only_enabled")).isEqualTo(false);
  }

  @Test
  @DisplayName("every bot event has the scope Slack requires for it, and commands need 'commands'")
  void eventsHaveTheirScopes() {
    Map<String, Object> m = checkedIn();
    List<Object> scopes = list(m, "oauth_config", "scopes", "bot");
    for (Object event : list(m, "settings", "event_subscriptions", "bot_events")) {
      assertThat(EVENT_SCOPES)
          .withFailMessage(
              "bot event '%s' is not in this test's table: add it with the scope Slack requires",
              event)
          .containsKey((String) event);
      EVENT_SCOPES
          .get(event)
          .ifPresent(
              scope ->
                  assertThat(scopes)
                      .withFailMessage("event %s needs scope %s in SlackSurface", event, scope)
                      .contains(scope));
    }
    // Slash commands and shortcuts both need it.
    assertThat(scopes).contains("commands");
  }

  @Test
  @DisplayName("the manifest stays within Slack's manifest schema: known keys, lengths, formats")
  void withinSlackSchema() {
    assertWithinSchema(checkedIn());
    assertWithinSchema(
        RepoFiles.yaml(SlackAppManifest.yaml(Optional.of(URI.create("https://d.example.com")))));
  }

  @Test
  @DisplayName("HTTP mode points the command, events and interactivity at /slack/events")
  void httpMode() {
    Map<String, Object> m =
        RepoFiles.yaml(
            SlackAppManifest.yaml(Optional.of(URI.create("https://doctor.example.com/bot/"))));
    String url = "https://doctor.example.com/bot" + SlackSurface.EVENTS_PATH;
    assertThat(get(m, "settings", "socket_mode_enabled")).isEqualTo(false);
    assertThat(get(m, "features", "slash_commands", "0", "url")).isEqualTo(url);
    assertThat(get(m, "settings", "event_subscriptions", "request_url")).isEqualTo(url);
    assertThat(get(m, "settings", "interactivity", "request_url")).isEqualTo(url);
    assertThatThrownBy(() -> SlackAppManifest.requestUrl(URI.create("http://doctor.example.com")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("https");
  }

  /** The parts of Slack's manifest schema (v1) this manifest uses. */
  private static void assertWithinSchema(Map<String, Object> m) {
    assertThat(m.keySet())
        .isSubsetOf("_metadata", "display_information", "features", "oauth_config", "settings");
    Map<String, Object> display = map(m, "display_information");
    assertThat(display.keySet())
        .isSubsetOf("name", "description", "long_description", "background_color");
    assertLength(display, "name", 1, 35);
    assertLength(display, "description", 1, 140);
    assertLength(display, "long_description", 175, 4000);
    assertThat(string(display, "background_color")).matches("#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?");

    Map<String, Object> features = map(m, "features");
    assertThat(features.keySet()).isSubsetOf("app_home", "bot_user", "shortcuts", "slash_commands");
    assertThat(map(features, "app_home").keySet())
        .isSubsetOf("home_tab_enabled", "messages_tab_enabled", "messages_tab_read_only_enabled");
    assertThat(map(features, "bot_user").keySet()).isSubsetOf("display_name", "always_online");
    assertLength(map(features, "bot_user"), "display_name", 1, 80);
    List<Map<String, Object>> shortcuts = maps(features, "shortcuts");
    assertThat(shortcuts).hasSizeBetween(1, 10);
    for (Map<String, Object> s : shortcuts) {
      assertThat(s.keySet())
          .containsExactlyInAnyOrder("name", "type", "callback_id", "description");
      assertLength(s, "name", 1, 24);
      assertLength(s, "callback_id", 1, 255);
      assertLength(s, "description", 1, 150);
      assertThat(s.get("type")).isIn("message", "global");
    }
    boolean socket = Boolean.TRUE.equals(get(m, "settings", "socket_mode_enabled"));
    List<Map<String, Object>> commands = maps(features, "slash_commands");
    assertThat(commands).hasSizeBetween(1, 50);
    for (Map<String, Object> c : commands) {
      assertThat(c.keySet())
          .isSubsetOf("command", "url", "description", "usage_hint", "should_escape")
          .contains("command", "description");
      assertLength(c, "command", 2, 32);
      assertThat(string(c, "command")).startsWith("/");
      assertLength(c, "description", 1, 2000);
      assertLength(c, "usage_hint", 1, 1000);
      assertRequestUrl(c, "url", socket);
    }

    assertThat(map(m, "oauth_config").keySet()).containsExactly("scopes");
    assertThat(map(m, "oauth_config", "scopes").keySet()).isSubsetOf("bot", "user");
    List<Object> scopes = list(m, "oauth_config", "scopes", "bot");
    assertThat(scopes).doesNotHaveDuplicates().hasSizeLessThanOrEqualTo(255);
    scopes.forEach(s -> assertThat((String) s).hasSizeBetween(1, 50));

    Map<String, Object> settings = map(m, "settings");
    assertThat(settings.keySet())
        .isSubsetOf(
            "event_subscriptions",
            "interactivity",
            "org_deploy_enabled",
            "socket_mode_enabled",
            "token_rotation_enabled");
    Map<String, Object> events = map(settings, "event_subscriptions");
    assertThat(events.keySet()).isSubsetOf("request_url", "bot_events");
    List<Object> botEvents = list(events, "bot_events");
    assertThat(botEvents).doesNotHaveDuplicates().hasSizeLessThanOrEqualTo(100);
    botEvents.forEach(e -> assertThat((String) e).hasSizeBetween(1, 50));
    assertRequestUrl(events, "request_url", socket);
    Map<String, Object> interactivity = map(settings, "interactivity");
    assertThat(interactivity.keySet())
        .isSubsetOf("is_enabled", "request_url")
        .contains("is_enabled");
    assertRequestUrl(interactivity, "request_url", socket);
    Set<String> booleans =
        new LinkedHashSet<>(
            List.of("org_deploy_enabled", "socket_mode_enabled", "token_rotation_enabled"));
    booleans.forEach(b -> assertThat(settings.get(b)).isInstanceOf(Boolean.class));
  }

  private static void assertLength(Map<String, Object> node, String key, int min, int max) {
    assertThat(string(node, key)).as(key).hasSizeBetween(min, max);
  }

  /** Socket Mode needs no request URL; HTTP mode needs an https one. */
  private static void assertRequestUrl(Map<String, Object> node, String key, boolean socket) {
    if (socket) {
      assertThat(node).as("Socket Mode has no " + key).doesNotContainKey(key);
    } else {
      assertThat(string(node, key)).startsWith("https://").hasSizeLessThanOrEqualTo(3000);
    }
  }
}

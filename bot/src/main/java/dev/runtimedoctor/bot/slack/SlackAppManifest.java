package dev.runtimedoctor.bot.slack;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The Slack app manifest ({@code deploy/slack/manifest.yml}) written from {@link SlackSurface}, so
 * that the app asks Slack for exactly the command, shortcut, events and scopes the code handles.
 * Socket Mode by default; given the bot's public URL, HTTP mode with request URLs on {@link
 * SlackSurface#EVENTS_PATH}.
 */
public final class SlackAppManifest {
  /** The app's and the bot user's name. */
  public static final String APP_NAME = "Runtime Doctor";

  static final String DESCRIPTION =
      "Recognises known GKE container-runtime issues in pasted errors and logs.";
  static final String LONG_DESCRIPTION =
      "Paste an error, a kubectl describe, a kubelet journal or a question in Italian or English:"
          + " Runtime Doctor recognises the known GKE container-runtime issue behind it and answers"
          + " with the cause, the affected versions and the fix, the line of the paste that gave"
          + " it away and the upstream references. It answers in the thread of a channel message"
          + " when it is sure, to /troubleshoot and to the message shortcut always, and stays"
          + " silent otherwise.";
  static final String BACKGROUND_COLOR = "#1f3a5f";
  static final String COMMAND_DESCRIPTION = "Diagnose a GKE container-runtime error";
  static final String SHORTCUT_DESCRIPTION =
      "Recognise the known GKE container-runtime issue in this message";

  /** The event that opens the App Home tab: the tab is on when the code handles it. */
  static final String HOME_EVENT = "app_home_opened";

  /** Direct messages to the bot: the Messages tab is on when the code reads them. */
  static final String DM_EVENT = "message.im";

  private SlackAppManifest() {}

  /**
   * The manifest as YAML, with a header that says how it was made.
   *
   * @param publicUrl empty: Socket Mode; present: HTTP mode, Slack calls {@code publicUrl +
   *     /slack/events}
   */
  public static String yaml(Optional<URI> publicUrl) {
    Objects.requireNonNull(publicUrl, "publicUrl");
    Optional<String> requestUrl = publicUrl.map(SlackAppManifest::requestUrl);
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    options.setIndicatorIndent(2);
    options.setIndentWithIndicator(true);
    options.setWidth(100);
    options.setLineBreak(DumperOptions.LineBreak.UNIX);
    return header(publicUrl, requestUrl) + new Yaml(options).dump(manifest(requestUrl));
  }

  /**
   * Where Slack sends commands, events and interactivity for a bot reachable at {@code publicUrl}.
   *
   * @throws IllegalArgumentException unless {@code publicUrl} is an absolute https URL without a
   *     query: Slack only calls https request URLs
   */
  public static String requestUrl(URI publicUrl) {
    if (!"https".equals(publicUrl.getScheme())
        || publicUrl.getHost() == null
        || publicUrl.getRawUserInfo() != null
        || publicUrl.getQuery() != null
        || publicUrl.getFragment() != null) {
      throw new IllegalArgumentException(
          "the public URL must be https://host[/prefix] (Slack only calls https), not '"
              + publicUrl
              + "'");
    }
    String base = publicUrl.toString();
    return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
        + SlackSurface.EVENTS_PATH;
  }

  private static String header(Optional<URI> publicUrl, Optional<String> requestUrl) {
    if (requestUrl.isPresent()) {
      return "# Slack app manifest of "
          + APP_NAME
          + ", HTTP mode: Slack calls "
          + requestUrl.get()
          + "\n# Generated from SlackSurface.java by: runtime-doctor slack-manifest --public-url "
          + publicUrl.orElseThrow()
          + "\n";
    }
    return "# Slack app manifest of "
        + APP_NAME
        + ", Socket Mode.\n"
        + "# Generated from SlackSurface.java: do not edit, regenerate with\n"
        + "#   java -jar bot/target/runtime-doctor.jar slack-manifest > deploy/slack/manifest.yml\n"
        + "# Socket Mode also needs an app-level token with "
        + String.join(", ", SlackSurface.APP_TOKEN_SCOPES)
        + " (Basic Information > App-Level Tokens).\n"
        + "# HTTP mode instead: runtime-doctor slack-manifest --public-url https://<your host>\n";
  }

  private static Map<String, Object> manifest(Optional<String> requestUrl) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("_metadata", map("major_version", 1, "minor_version", 1));
    m.put(
        "display_information",
        map(
            "name",
            APP_NAME,
            "description",
            DESCRIPTION,
            "long_description",
            LONG_DESCRIPTION,
            "background_color",
            BACKGROUND_COLOR));
    m.put("features", features(requestUrl));
    m.put("oauth_config", map("scopes", map("bot", SlackSurface.BOT_SCOPES)));
    m.put("settings", settings(requestUrl));
    return m;
  }

  private static Map<String, Object> features(Optional<String> requestUrl) {
    Map<String, Object> command = new LinkedHashMap<>();
    command.put("command", SlackSurface.COMMAND);
    requestUrl.ifPresent(u -> command.put("url", u));
    command.put("description", COMMAND_DESCRIPTION);
    command.put("usage_hint", SlackSurface.COMMAND_USAGE_HINT);
    // Unescaped: the bot reads pastes as people typed them and undoes Slack's markup itself.
    command.put("should_escape", false);
    Map<String, Object> f = new LinkedHashMap<>();
    f.put(
        "app_home",
        map(
            "home_tab_enabled",
            SlackSurface.BOT_EVENTS.contains(HOME_EVENT),
            "messages_tab_enabled",
            SlackSurface.BOT_EVENTS.contains(DM_EVENT),
            "messages_tab_read_only_enabled",
            false));
    f.put("bot_user", map("display_name", APP_NAME, "always_online", true));
    f.put(
        "shortcuts",
        List.of(
            map(
                "name",
                SlackSurface.SHORTCUT_NAME,
                "type",
                "message",
                "callback_id",
                SlackSurface.SHORTCUT_CALLBACK_ID,
                "description",
                SHORTCUT_DESCRIPTION)));
    f.put("slash_commands", List.of(command));
    return f;
  }

  private static Map<String, Object> settings(Optional<String> requestUrl) {
    Map<String, Object> events = new LinkedHashMap<>();
    requestUrl.ifPresent(u -> events.put("request_url", u));
    events.put("bot_events", SlackSurface.BOT_EVENTS);
    Map<String, Object> interactivity = new LinkedHashMap<>();
    // The shortcut and the answers' buttons arrive as interactivity payloads.
    interactivity.put("is_enabled", true);
    requestUrl.ifPresent(u -> interactivity.put("request_url", u));
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("event_subscriptions", events);
    s.put("interactivity", interactivity);
    s.put("org_deploy_enabled", false);
    s.put("socket_mode_enabled", requestUrl.isEmpty());
    // The bot token is read once from the environment: a rotating token would expire under it.
    s.put("token_rotation_enabled", false);
    return s;
  }

  private static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }
}

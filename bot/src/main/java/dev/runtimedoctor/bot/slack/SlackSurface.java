package dev.runtimedoctor.bot.slack;

import java.util.List;

/**
 * Everything the Slack app declares to Slack — command, shortcut, action ids, events, scopes — in
 * one place: the handlers register these names and the app manifest is derived from them, so the
 * two cannot drift apart.
 */
public final class SlackSurface {
  /** The slash command. */
  public static final String COMMAND = "/troubleshoot";

  /** The usage hint Slack shows under the command. */
  public static final String COMMAND_USAGE_HINT =
      "<pasted error> | help | list | show <id> | lang it|en";

  /** The message shortcut "Diagnose this message". */
  public static final String SHORTCUT_CALLBACK_ID = "diagnose_message";

  /**
   * The shortcut's name in a message's menu, where Slack shows the app's name beside it. At most 24
   * characters: Slack refuses a manifest with a longer one.
   */
  public static final String SHORTCUT_NAME = "Diagnose this message";

  /** The "Share in channel" button under an ephemeral answer. */
  public static final String ACTION_SHARE = "share_answer";

  /** Every action id the app handles; an unhandled one would go unacknowledged. */
  public static final List<String> ACTION_IDS = List.of(ACTION_SHARE);

  /** Bot events the app subscribes to: channel, private channel and DM messages, mentions. */
  public static final List<String> BOT_EVENTS =
      List.of("app_mention", "message.channels", "message.groups", "message.im");

  /** Bot token scopes (DESIGN §5). */
  public static final List<String> BOT_SCOPES =
      List.of(
          "commands",
          "chat:write",
          "app_mentions:read",
          "channels:history",
          "groups:history",
          "im:history",
          "channels:read",
          "channels:join",
          "files:read",
          "reactions:write",
          "users:read");

  /** The app-level token's scope, for Socket Mode. */
  public static final List<String> APP_TOKEN_SCOPES = List.of("connections:write");

  /** Where HTTP mode receives commands, events and interactivity. */
  public static final String EVENTS_PATH = "/slack/events";

  private SlackSurface() {}
}

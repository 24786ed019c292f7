package dev.runtimedoctor.bot.slack;

import java.util.List;

/**
 * Everything the Slack app declares to Slack — command, shortcut, action ids, events, scopes, the
 * Home tab — in one place: the handlers register these names and the app manifest is derived from
 * them, so the two cannot drift apart.
 */
public final class SlackSurface {
  /** The slash command. */
  public static final String COMMAND = "/troubleshoot";

  /** The usage hint Slack shows under the command. */
  public static final String COMMAND_USAGE_HINT =
      "<pasted error> | help | list | show <id> | check [<id>] | lang it|en";

  /** The message shortcut "Diagnose this message". */
  public static final String SHORTCUT_CALLBACK_ID = "diagnose_message";

  /**
   * The shortcut's name in a message's menu, where Slack shows the app's name beside it. At most 24
   * characters: Slack refuses a manifest with a longer one.
   */
  public static final String SHORTCUT_NAME = "Diagnose this message";

  /** The "Share in channel" button under an ephemeral answer. */
  public static final String ACTION_SHARE = "share_answer";

  /** "Run cluster checks" under an answer: the read-only checks of the entries it names. */
  public static final String ACTION_RUN_CHECKS = "run_checks";

  /** "Helpful" under an answer. */
  public static final String ACTION_HELPFUL = "feedback_helpful";

  /** "Not it" under an answer. */
  public static final String ACTION_NOT_IT = "feedback_not_it";

  /** The menu offered after "Not it": which entry it really was, or none (a new issue). */
  public static final String ACTION_ACTUAL_ENTRY = "feedback_actual_entry";

  /** The answer again in the other language ("English" under an Italian answer, and back). */
  public static final String ACTION_OTHER_LANGUAGE = "other_language";

  /** The Home tab's search button. */
  public static final String ACTION_HOME_SEARCH = "home_search";

  /** The Home tab's search field, which also searches when Enter is pressed in it. */
  public static final String ACTION_HOME_SEARCH_INPUT = "home_search_input";

  /** Every action id the app handles; an unhandled one would go unacknowledged. */
  public static final List<String> ACTION_IDS =
      List.of(
          ACTION_SHARE,
          ACTION_RUN_CHECKS,
          ACTION_HELPFUL,
          ACTION_NOT_IT,
          ACTION_ACTUAL_ENTRY,
          ACTION_OTHER_LANGUAGE,
          ACTION_HOME_SEARCH,
          ACTION_HOME_SEARCH_INPUT);

  /**
   * Bot events the app subscribes to: channel, private channel and DM messages, mentions; the Home
   * tab being opened; channels created (incident channels are joined) and the bot being added to a
   * channel (which may be an incident channel).
   */
  public static final List<String> BOT_EVENTS =
      List.of(
          "app_mention",
          "message.channels",
          "message.groups",
          "message.im",
          "app_home_opened",
          "channel_created",
          "member_joined_channel");

  /**
   * Bot token scopes: those of DESIGN §5 the code uses, plus {@code groups:read} (the name of a
   * private channel the bot is invited to — is it an incident channel? — and {@code
   * member_joined_channel} there need it). DESIGN's {@code reactions:write} is left out: the bot
   * never reacts to messages, and a scope it does not use is privilege it does not need.
   */
  public static final List<String> BOT_SCOPES =
      List.of(
          "commands",
          "chat:write",
          "app_mentions:read",
          "channels:history",
          "groups:history",
          "im:history",
          "channels:read",
          "groups:read",
          "channels:join",
          "files:read",
          "users:read");

  /** The app-level token's scope, for Socket Mode. */
  public static final List<String> APP_TOKEN_SCOPES = List.of("connections:write");

  /** Whether the app has a Home tab ({@code app_home_opened} publishes it). */
  public static final boolean HOME_TAB = true;

  /** Whether people can write to the app in direct messages (the Messages tab). */
  public static final boolean MESSAGES_TAB = true;

  /** Where HTTP mode receives commands, events and interactivity. */
  public static final String EVENTS_PATH = "/slack/events";

  private SlackSurface() {}
}

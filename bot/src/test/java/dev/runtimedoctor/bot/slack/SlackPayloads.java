package dev.runtimedoctor.bot.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.runtimedoctor.bot.fake.FakeSlackApi;
import dev.runtimedoctor.bot.http.SlackHarness;
import java.util.Optional;

/** Events and interactive payloads shaped as Slack sends them, for the end-to-end Slack tests. */
final class SlackPayloads {
  private SlackPayloads() {}

  /** A message in {@code channel}, in the thread {@code threadTs} when given. */
  static JsonObject message(String channel, String user, String ts, String text) {
    return SlackHarness.message(channel, user, ts, text);
  }

  /** A reply in a thread. */
  static JsonObject reply(String channel, String user, String ts, String threadTs, String text) {
    JsonObject m = message(channel, user, ts, text);
    m.addProperty("thread_ts", threadTs);
    return m;
  }

  /** An {@code app_mention}. */
  static JsonObject mention(String channel, String user, String ts, String text) {
    JsonObject m = message(channel, user, ts, text);
    m.addProperty("type", "app_mention");
    m.remove("channel_type");
    return m;
  }

  /** A {@code file_share} message with one text file; {@code url} null: only the file's id. */
  static JsonObject fileShare(String channel, String ts, String fileId, String url) {
    JsonObject e = message(channel, "UALICE001", ts, "here is the log");
    e.addProperty("subtype", "file_share");
    JsonArray files = new JsonArray();
    JsonObject f = new JsonObject();
    f.addProperty("id", fileId);
    if (url != null) {
      f.addProperty("name", "kubelet.log");
      f.addProperty("mimetype", "text/plain");
      f.addProperty("filetype", "text");
      f.addProperty("size", 2048);
      f.addProperty("url_private_download", url);
    } else {
      f.addProperty("file_access", "check_file_info");
    }
    files.add(f);
    e.add("files", files);
    return e;
  }

  static JsonObject channelCreated(String id, String name) {
    JsonObject channel = new JsonObject();
    channel.addProperty("id", id);
    channel.addProperty("name", name);
    channel.addProperty("created", 1_700_000_000);
    channel.addProperty("creator", "UALICE001");
    JsonObject e = new JsonObject();
    e.addProperty("type", "channel_created");
    e.add("channel", channel);
    e.addProperty("event_ts", "1700000000.000100");
    return e;
  }

  static JsonObject memberJoined(String channel, String user) {
    JsonObject e = new JsonObject();
    e.addProperty("type", "member_joined_channel");
    e.addProperty("user", user);
    e.addProperty("channel", channel);
    e.addProperty("channel_type", "C");
    e.addProperty("team", FakeSlackApi.TEAM);
    e.addProperty("inviter", "UALICE001");
    e.addProperty("event_ts", "1700000000.000200");
    return e;
  }

  static JsonObject homeOpened(String user, String tab) {
    JsonObject e = new JsonObject();
    e.addProperty("type", "app_home_opened");
    e.addProperty("user", user);
    e.addProperty("channel", "DHOME0001");
    e.addProperty("tab", tab);
    e.addProperty("event_ts", "1700000000.000300");
    return e;
  }

  /** A message shortcut on a message with {@code text}; its response_url is the fake's. */
  static JsonObject shortcut(String user, String channel, String text, String responseUrl) {
    JsonObject p = new JsonObject();
    p.addProperty("type", "message_action");
    p.addProperty("callback_id", SlackSurface.SHORTCUT_CALLBACK_ID);
    p.addProperty("trigger_id", "1.2.3");
    p.addProperty("message_ts", "1700000900.000100");
    p.addProperty("response_url", responseUrl);
    p.addProperty("action_ts", "1700000901.000100");
    p.addProperty("token", "verification-token");
    p.add("team", id(FakeSlackApi.TEAM));
    p.add("user", id(user));
    p.add("channel", id(channel));
    JsonObject m = new JsonObject();
    m.addProperty("type", "message");
    m.addProperty("user", "UBRUNO001");
    m.addProperty("text", text);
    m.addProperty("ts", "1700000900.000100");
    p.add("message", m);
    return p;
  }

  /**
   * A click on {@code actionId} of a message.
   *
   * @param messageTs the message with the button; empty for an ephemeral one
   * @param threadTs the thread that message is in, if it is a reply
   */
  static JsonObject click(
      String actionId,
      String value,
      String user,
      String channel,
      String responseUrl,
      Optional<String> messageTs,
      Optional<String> threadTs) {
    JsonObject p = interactive(user, responseUrl);
    p.add("channel", id(channel));
    JsonObject container = new JsonObject();
    container.addProperty("type", "message");
    container.addProperty("channel_id", channel);
    container.addProperty("is_ephemeral", messageTs.isEmpty());
    container.addProperty("message_ts", messageTs.orElse("1700009999.000001"));
    threadTs.ifPresent(t -> container.addProperty("thread_ts", t));
    p.add("container", container);
    if (messageTs.isPresent()) {
      JsonObject m = new JsonObject();
      m.addProperty("type", "message");
      m.addProperty("user", FakeSlackApi.BOT_USER);
      m.addProperty("bot_id", FakeSlackApi.BOT_ID);
      m.addProperty("text", "answer");
      m.addProperty("ts", messageTs.get());
      threadTs.ifPresent(t -> m.addProperty("thread_ts", t));
      p.add("message", m);
    }
    p.add("actions", actions(button(actionId, value, "b1")));
    return p;
  }

  /** A choice in the menu of an ephemeral message. */
  static JsonObject choose(
      String actionId, String blockId, String value, String user, String channel, String url) {
    JsonObject p = click(actionId, "", user, channel, url, Optional.empty(), Optional.empty());
    JsonObject action = new JsonObject();
    action.addProperty("type", "static_select");
    action.addProperty("action_id", actionId);
    action.addProperty("block_id", blockId);
    JsonObject selected = new JsonObject();
    JsonObject text = new JsonObject();
    text.addProperty("type", "plain_text");
    text.addProperty("text", value);
    selected.add("text", text);
    selected.addProperty("value", value);
    action.add("selected_option", selected);
    action.addProperty("action_ts", "1700009999.000002");
    p.add("actions", actions(action));
    return p;
  }

  /** A click on the Home tab's search button with {@code query} typed in its field. */
  static JsonObject homeSearch(String user, String query) {
    JsonObject p = interactive(user, null);
    JsonObject container = new JsonObject();
    container.addProperty("type", "view");
    container.addProperty("view_id", "VHOME" + user);
    p.add("container", container);
    JsonObject value = new JsonObject();
    value.addProperty("type", "plain_text_input");
    value.addProperty("value", query);
    JsonObject field = new JsonObject();
    field.add(SlackSurface.ACTION_HOME_SEARCH_INPUT, value);
    JsonObject values = new JsonObject();
    values.add("home_search", field);
    JsonObject state = new JsonObject();
    state.add("values", values);
    JsonObject view = new JsonObject();
    view.addProperty("id", "VHOME" + user);
    view.addProperty("type", "home");
    view.add("state", state);
    view.add("blocks", new JsonArray());
    p.add("view", view);
    p.add("actions", actions(button(SlackSurface.ACTION_HOME_SEARCH, "search", "s1")));
    return p;
  }

  /** The value of the button {@code actionId} in a message's blocks (a JSON array string). */
  static String buttonValue(String blocksJson, String actionId) {
    JsonArray blocks = JsonParser.parseString(blocksJson).getAsJsonArray();
    for (JsonElement b : blocks) {
      JsonObject block = b.getAsJsonObject();
      if (block.has("elements") && "actions".equals(block.get("type").getAsString())) {
        for (JsonElement el : block.getAsJsonArray("elements")) {
          if (actionId.equals(el.getAsJsonObject().get("action_id").getAsString())) {
            return el.getAsJsonObject().get("value").getAsString();
          }
        }
      }
    }
    throw new AssertionError("no button " + actionId + " in " + blocksJson);
  }

  /** The block id of the first block whose accessory is a menu. */
  static String menuBlockId(String blocksJson) {
    for (JsonElement b : JsonParser.parseString(blocksJson).getAsJsonArray()) {
      JsonObject block = b.getAsJsonObject();
      if (block.has("accessory")
          && "static_select".equals(block.getAsJsonObject("accessory").get("type").getAsString())) {
        return block.get("block_id").getAsString();
      }
    }
    throw new AssertionError("no menu in " + blocksJson);
  }

  private static JsonObject interactive(String user, String responseUrl) {
    JsonObject p = new JsonObject();
    p.addProperty("type", "block_actions");
    p.add("user", id(user));
    p.add("team", id(FakeSlackApi.TEAM));
    p.addProperty("api_app_id", "ATEST0001");
    p.addProperty("token", "verification-token");
    p.addProperty("trigger_id", "1.2.3");
    if (responseUrl != null) {
      p.addProperty("response_url", responseUrl);
    }
    return p;
  }

  private static JsonObject button(String actionId, String value, String blockId) {
    JsonObject action = new JsonObject();
    action.addProperty("type", "button");
    action.addProperty("action_id", actionId);
    action.addProperty("block_id", blockId);
    action.addProperty("value", value);
    action.addProperty("action_ts", "1700009999.000002");
    return action;
  }

  private static JsonArray actions(JsonObject action) {
    JsonArray a = new JsonArray();
    a.add(action);
    return a;
  }

  private static JsonObject id(String id) {
    JsonObject o = new JsonObject();
    o.addProperty("id", id);
    return o;
  }
}

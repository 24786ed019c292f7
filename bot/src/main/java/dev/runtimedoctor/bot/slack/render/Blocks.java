package dev.runtimedoctor.bot.slack.render;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.runtimedoctor.bot.slack.api.SlackMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds one message's Block Kit blocks within Slack's limits: long text is split across sections
 * at line boundaries (reopening a code block that was cut), over-long fields are shortened with an
 * ellipsis, and past the block limit the tail is replaced by a notice — so a huge paste still
 * yields a message Slack accepts.
 */
public final class Blocks {
  /** Blocks in one message. */
  public static final int MAX_BLOCKS = 50;

  /** Characters in a section's text. */
  static final int MAX_SECTION_TEXT = 3000;

  /** Characters in a header's plain text. */
  static final int MAX_HEADER_TEXT = 150;

  /** Elements in a context block. */
  static final int MAX_CONTEXT_ELEMENTS = 10;

  /** Characters in a button's label. */
  static final int MAX_BUTTON_TEXT = 75;

  /** Characters in a button's value. */
  static final int MAX_BUTTON_VALUE = 2000;

  /** Characters of notification text kept; Slack truncates past 40,000 but advises far less. */
  static final int MAX_FALLBACK_TEXT = 3000;

  private static final String FENCE = "```";

  private final List<JsonObject> blocks = new ArrayList<>();
  private JsonObject actions;

  /** Characters in a block id. */
  public static final int MAX_BLOCK_ID = 255;

  /** Options in a select menu. */
  public static final int MAX_OPTIONS = 100;

  /** Characters in an option's text. */
  static final int MAX_OPTION_TEXT = 75;

  /** Characters in an option's value. */
  static final int MAX_OPTION_VALUE = 150;

  /** A header in plain text. */
  public Blocks header(String plainText) {
    return header(null, plainText);
  }

  /** A header in plain text, with a block id the bot can read back later. */
  Blocks header(String blockId, String plainText) {
    JsonObject block = new JsonObject();
    block.addProperty("type", "header");
    block.add("text", plainText(shorten(plainText.replace('\n', ' '), MAX_HEADER_TEXT)));
    blocks.add(withId(block, blockId));
    return this;
  }

  /** One or more sections holding {@code mrkdwn}, split where it is too long for one. */
  public Blocks section(String mrkdwn) {
    return section(null, mrkdwn);
  }

  /** As {@link #section(String)}, the first section with a block id. */
  Blocks section(String blockId, String mrkdwn) {
    String id = blockId;
    for (String part : split(mrkdwn, MAX_SECTION_TEXT)) {
      JsonObject block = new JsonObject();
      block.addProperty("type", "section");
      block.add("text", mrkdwnText(part));
      blocks.add(withId(block, id));
      id = null;
    }
    return this;
  }

  /** A short section with a button beside it. */
  public Blocks sectionButton(String mrkdwn, String actionId, String label, String value) {
    JsonObject block = new JsonObject();
    block.addProperty("type", "section");
    block.add("text", mrkdwnText(shorten(mrkdwn, MAX_SECTION_TEXT)));
    block.add("accessory", buttonElement(actionId, label, value, false));
    blocks.add(block);
    return this;
  }

  /** One choice in a select menu. */
  public record Option(String text, String value) {}

  /**
   * A short section with a menu beside it (the first {@value #MAX_OPTIONS} options); the block id
   * comes back with the choice, so it can carry what the choice is about.
   */
  public Blocks select(
      String blockId, String mrkdwn, String actionId, String placeholder, List<Option> options) {
    JsonArray opts = new JsonArray();
    List<Option> fit =
        options.stream().filter(o -> o.value().length() <= MAX_OPTION_VALUE).toList();
    for (Option o : fit.subList(0, Math.min(fit.size(), MAX_OPTIONS))) {
      JsonObject option = new JsonObject();
      option.add("text", plainText(shorten(o.text(), MAX_OPTION_TEXT)));
      option.addProperty("value", o.value());
      opts.add(option);
    }
    JsonObject menu = new JsonObject();
    menu.addProperty("type", "static_select");
    menu.addProperty("action_id", actionId);
    menu.add("placeholder", plainText(shorten(placeholder, MAX_OPTION_TEXT)));
    menu.add("options", opts);
    JsonObject block = new JsonObject();
    block.addProperty("type", "section");
    block.add("text", mrkdwnText(shorten(mrkdwn, MAX_SECTION_TEXT)));
    block.add("accessory", menu);
    blocks.add(withId(block, blockId));
    return this;
  }

  /**
   * A one-line text field that sends its value as an action when Enter is pressed (a view's search
   * box).
   */
  public Blocks input(
      String blockId, String actionId, String label, String placeholder, String initial) {
    JsonObject field = new JsonObject();
    field.addProperty("type", "plain_text_input");
    field.addProperty("action_id", actionId);
    field.add("placeholder", plainText(shorten(placeholder, MAX_HEADER_TEXT)));
    if (!initial.isEmpty()) {
      field.addProperty("initial_value", shorten(initial, MAX_SECTION_TEXT));
    }
    JsonObject config = new JsonObject();
    JsonArray triggers = new JsonArray();
    triggers.add("on_enter_pressed");
    config.add("trigger_actions_on", triggers);
    field.add("dispatch_action_config", config);
    JsonObject block = new JsonObject();
    block.addProperty("type", "input");
    block.addProperty("dispatch_action", true);
    block.add("label", plainText(shorten(label, MAX_BUTTON_TEXT)));
    block.add("element", field);
    blocks.add(withId(block, blockId));
    return this;
  }

  /** A context line of small mrkdwn texts (at most ten). */
  public Blocks context(List<String> mrkdwn) {
    JsonArray elements = new JsonArray();
    for (String m : mrkdwn.subList(0, Math.min(mrkdwn.size(), MAX_CONTEXT_ELEMENTS))) {
      elements.add(mrkdwnText(shorten(m, MAX_SECTION_TEXT)));
    }
    if (!elements.isEmpty()) {
      JsonObject block = new JsonObject();
      block.addProperty("type", "context");
      block.add("elements", elements);
      blocks.add(block);
    }
    return this;
  }

  /** A thin line between parts of the message. */
  public Blocks divider() {
    JsonObject block = new JsonObject();
    block.addProperty("type", "divider");
    blocks.add(block);
    return this;
  }

  /** A button in the message's one actions block, which always stays last. */
  Blocks button(String actionId, String label, String value, boolean primary) {
    if (actions == null) {
      actions = new JsonObject();
      actions.addProperty("type", "actions");
      actions.add("elements", new JsonArray());
    }
    actions.getAsJsonArray("elements").add(buttonElement(actionId, label, value, primary));
    return this;
  }

  private static JsonObject buttonElement(
      String actionId, String label, String value, boolean primary) {
    JsonObject button = new JsonObject();
    button.addProperty("type", "button");
    button.addProperty("action_id", actionId);
    button.add("text", plainText(shorten(label, MAX_BUTTON_TEXT)));
    button.addProperty("value", value.length() <= MAX_BUTTON_VALUE ? value : "");
    if (primary) {
      button.addProperty("style", "primary");
    }
    return button;
  }

  private static JsonObject plainText(String text) {
    JsonObject o = new JsonObject();
    o.addProperty("type", "plain_text");
    o.addProperty("text", text.isEmpty() ? " " : text);
    o.addProperty("emoji", true);
    return o;
  }

  private static JsonObject withId(JsonObject block, String blockId) {
    if (blockId != null) {
      block.addProperty("block_id", shorten(blockId, MAX_BLOCK_ID));
    }
    return block;
  }

  /**
   * The blocks in the order added, cut to {@value #MAX_BLOCKS} with {@code notice} when too many.
   */
  public SlackMessage build(String fallbackText, String notice) {
    List<JsonObject> all = new ArrayList<>(blocks);
    int room = MAX_BLOCKS - (actions == null ? 0 : 1);
    if (all.size() > room) {
      all = new ArrayList<>(all.subList(0, room - 1));
      JsonObject block = new JsonObject();
      block.addProperty("type", "context");
      JsonArray elements = new JsonArray();
      elements.add(mrkdwnText(notice));
      block.add("elements", elements);
      all.add(block);
    }
    if (actions != null) {
      all.add(actions);
    }
    JsonArray array = new JsonArray();
    all.forEach(array::add);
    return new SlackMessage(shorten(fallbackText, MAX_FALLBACK_TEXT), array);
  }

  private static JsonObject mrkdwnText(String text) {
    JsonObject o = new JsonObject();
    o.addProperty("type", "mrkdwn");
    o.addProperty("text", text.isEmpty() ? " " : text);
    return o;
  }

  /** {@code text} cut to {@code max} characters with an ellipsis, never inside an entity. */
  static String shorten(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    return cut(text, max - 1) + "…";
  }

  /** The longest prefix within {@code max} characters that splits no entity or surrogate pair. */
  private static String cut(String text, int max) {
    int end = Math.min(max, text.length());
    if (end > 0 && end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    int amp = text.lastIndexOf('&', end - 1);
    if (amp >= 0 && end - amp < 6 && text.indexOf(';', amp) >= end) {
      end = amp;
    }
    return text.substring(0, end);
  }

  /**
   * Splits mrkdwn into parts of at most {@code max} characters at line boundaries; a code block cut
   * in two is closed at the end of one part and reopened at the start of the next.
   */
  static List<String> split(String mrkdwn, int max) {
    List<String> parts = new ArrayList<>();
    if (mrkdwn.length() <= max) {
      parts.add(mrkdwn);
      return parts;
    }
    // Room kept in every part for a closing and a reopening fence.
    int budget = max - 2 * (FENCE.length() + 1);
    StringBuilder part = new StringBuilder();
    boolean inFence = false;
    for (String raw : mrkdwn.split("\n", -1)) {
      String line = raw;
      while (true) {
        int needed = (part.length() == 0 ? 0 : 1) + line.length();
        if (part.length() + needed <= budget) {
          if (part.length() > 0) {
            part.append('\n');
          }
          part.append(line);
          break;
        }
        if (inFence && line.strip().equals(FENCE)) {
          // The closing fence itself does not fit: this part's own closing fence stands for it.
          parts.add(close(part, true));
          part = new StringBuilder();
          inFence = false;
          line = null;
          break;
        }
        if (part.length() > (inFence ? FENCE.length() + 1 : 0)) {
          parts.add(close(part, inFence));
          part = new StringBuilder(inFence ? FENCE : "");
          continue;
        }
        // One line longer than a whole part: cut it.
        String head = cut(line, budget - part.length() - 1);
        if (head.isEmpty()) {
          head = line.substring(0, Math.min(line.length(), budget - part.length() - 1));
        }
        if (part.length() > 0) {
          part.append('\n');
        }
        part.append(head);
        parts.add(close(part, inFence));
        part = new StringBuilder(inFence ? FENCE : "");
        line = line.substring(head.length());
      }
      if (line != null && line.strip().startsWith(FENCE)) {
        inFence = !inFence;
      }
    }
    if (part.length() > 0 && !part.toString().equals(FENCE)) {
      parts.add(part.toString());
    }
    return parts;
  }

  private static String close(StringBuilder part, boolean inFence) {
    return inFence ? part + "\n" + FENCE : part.toString();
  }
}

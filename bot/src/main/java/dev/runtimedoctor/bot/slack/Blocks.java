package dev.runtimedoctor.bot.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
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
  public static final int MAX_SECTION_TEXT = 3000;

  /** Characters in a header's plain text. */
  public static final int MAX_HEADER_TEXT = 150;

  /** Elements in a context block. */
  public static final int MAX_CONTEXT_ELEMENTS = 10;

  /** Characters in a button's label. */
  public static final int MAX_BUTTON_TEXT = 75;

  /** Characters in a button's value. */
  public static final int MAX_BUTTON_VALUE = 2000;

  /** Characters of notification text kept; Slack truncates past 40,000 but advises far less. */
  public static final int MAX_FALLBACK_TEXT = 3000;

  private static final String FENCE = "```";

  private final List<JsonObject> blocks = new ArrayList<>();
  private JsonObject actions;

  /** A header in plain text. */
  public Blocks header(String plainText) {
    JsonObject text = new JsonObject();
    text.addProperty("type", "plain_text");
    text.addProperty("text", shorten(plainText.replace('\n', ' '), MAX_HEADER_TEXT));
    text.addProperty("emoji", true);
    JsonObject block = new JsonObject();
    block.addProperty("type", "header");
    block.add("text", text);
    blocks.add(block);
    return this;
  }

  /** One or more sections holding {@code mrkdwn}, split where it is too long for one. */
  public Blocks section(String mrkdwn) {
    for (String part : split(mrkdwn, MAX_SECTION_TEXT)) {
      JsonObject block = new JsonObject();
      block.addProperty("type", "section");
      block.add("text", mrkdwnText(part));
      blocks.add(block);
    }
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
  public Blocks button(String actionId, String label, String value, boolean primary) {
    if (actions == null) {
      actions = new JsonObject();
      actions.addProperty("type", "actions");
      actions.add("elements", new JsonArray());
    }
    JsonObject text = new JsonObject();
    text.addProperty("type", "plain_text");
    text.addProperty("text", shorten(label, MAX_BUTTON_TEXT));
    JsonObject button = new JsonObject();
    button.addProperty("type", "button");
    button.addProperty("action_id", actionId);
    button.add("text", text);
    button.addProperty("value", value.length() <= MAX_BUTTON_VALUE ? value : "");
    if (primary) {
      button.addProperty("style", "primary");
    }
    actions.getAsJsonArray("elements").add(button);
    return this;
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

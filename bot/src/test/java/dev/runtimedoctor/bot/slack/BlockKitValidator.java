package dev.runtimedoctor.bot.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.runtimedoctor.bot.slack.api.SlackMessage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Holds a message's blocks to Slack's published Block Kit limits (blocks per message, text per
 * section and header, elements per context and actions block, button and menu fields, input fields,
 * unique action ids): a payload it passes is one Slack accepts.
 */
public final class BlockKitValidator {
  private BlockKitValidator() {}

  /** Every limit {@code message} breaks; empty when it is valid. */
  public static List<String> violations(SlackMessage message) {
    List<String> out = new ArrayList<>();
    if (message.text().isBlank()) {
      out.add("text: empty notification text");
    }
    if (message.text().length() > 40_000) {
      out.add("text: longer than 40000");
    }
    JsonArray blocks = message.blocks();
    if (blocks.isEmpty()) {
      out.add("blocks: none");
    }
    if (blocks.size() > 50) {
      out.add("blocks: " + blocks.size() + " > 50");
    }
    Set<String> actionIds = new HashSet<>();
    for (int i = 0; i < blocks.size(); i++) {
      JsonObject b = blocks.get(i).getAsJsonObject();
      String where = "blocks[" + i + "]";
      String type = string(b, "type");
      switch (type) {
        case "header" -> {
          JsonObject t = b.getAsJsonObject("text");
          expect(
              out, where, "plain_text".equals(string(t, "type")), "header text must be plain_text");
          length(out, where + ".text", string(t, "text"), 1, 150);
        }
        case "section" -> {
          JsonObject t = b.getAsJsonObject("text");
          expect(out, where, t != null, "section without text");
          if (t != null) {
            length(out, where + ".text", string(t, "text"), 1, 3000);
            fences(out, where, string(t, "text"));
          }
          if (b.has("accessory")) {
            element(out, where + ".accessory", b.getAsJsonObject("accessory"), actionIds);
          }
        }
        case "input" -> {
          JsonObject label = b.getAsJsonObject("label");
          expect(out, where, label != null, "input without label");
          length(out, where + ".label", string(label, "text"), 1, 2000);
          JsonObject el = b.getAsJsonObject("element");
          expect(
              out,
              where,
              el != null && "plain_text_input".equals(string(el, "type")),
              "input element must be plain_text_input");
          if (el != null) {
            String id = string(el, "action_id");
            length(out, where + ".action_id", id, 1, 255);
            expect(out, where, actionIds.add(id), "duplicate action_id " + id);
            length(out, where + ".initial_value", string(el, "initial_value"), 0, 3000);
          }
        }
        case "context" -> {
          JsonArray e = b.getAsJsonArray("elements");
          expect(
              out,
              where,
              e != null && !e.isEmpty() && e.size() <= 10,
              "context needs 1 to 10 elements");
          if (e != null) {
            for (JsonElement el : e) {
              length(out, where + ".elements", string(el.getAsJsonObject(), "text"), 1, 3000);
            }
          }
        }
        case "actions" -> {
          JsonArray e = b.getAsJsonArray("elements");
          expect(
              out,
              where,
              e != null && !e.isEmpty() && e.size() <= 25,
              "actions needs 1 to 25 elements");
          if (e != null) {
            for (JsonElement el : e) {
              element(out, where, el.getAsJsonObject(), actionIds);
            }
          }
        }
        case "divider" -> {}
        default -> out.add(where + ": unknown block type '" + type + "'");
      }
      if (b.has("block_id")) {
        length(out, where + ".block_id", string(b, "block_id"), 1, 255);
      }
    }
    return out;
  }

  /** A button or a static select: ids, labels, values, options. */
  private static void element(List<String> out, String where, JsonObject el, Set<String> ids) {
    String id = string(el, "action_id");
    length(out, where + ".action_id", id, 1, 255);
    expect(out, where, ids.add(id), "duplicate action_id " + id);
    switch (string(el, "type")) {
      case "button" -> {
        length(out, where + ".text", string(el.getAsJsonObject("text"), "text"), 1, 75);
        length(out, where + ".value", string(el, "value"), 0, 2000);
      }
      case "static_select" -> {
        JsonArray options = el.getAsJsonArray("options");
        expect(
            out,
            where,
            options != null && !options.isEmpty() && options.size() <= 100,
            "a static_select needs 1 to 100 options");
        if (options != null) {
          for (JsonElement o : options) {
            JsonObject option = o.getAsJsonObject();
            length(out, where + ".option", string(option.getAsJsonObject("text"), "text"), 1, 75);
            length(out, where + ".option.value", string(option, "value"), 1, 150);
          }
        }
      }
      default -> out.add(where + ": unknown element type '" + string(el, "type") + "'");
    }
  }

  private static void fences(List<String> out, String where, String text) {
    int count = 0;
    int i = text.indexOf("```");
    while (i >= 0) {
      count++;
      i = text.indexOf("```", i + 3);
    }
    expect(out, where, count % 2 == 0, "unbalanced ``` in section text");
  }

  private static String string(JsonObject o, String key) {
    if (o == null || !o.has(key) || o.get(key).isJsonNull()) {
      return "";
    }
    return o.get(key).getAsString();
  }

  private static void length(List<String> out, String where, String s, int min, int max) {
    if (s.length() < min || s.length() > max) {
      out.add(where + ": length " + s.length() + " not in [" + min + ", " + max + "]");
    }
  }

  private static void expect(List<String> out, String where, boolean ok, String message) {
    if (!ok) {
      out.add(where + ": " + message);
    }
  }
}

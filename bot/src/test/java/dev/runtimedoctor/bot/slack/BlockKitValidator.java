package dev.runtimedoctor.bot.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Holds a message's blocks to Slack's published Block Kit limits (blocks per message, text per
 * section and header, elements per context and actions block, button fields, unique action ids): a
 * payload it passes is one Slack accepts.
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
              JsonObject button = el.getAsJsonObject();
              String id = string(button, "action_id");
              length(out, where + ".action_id", id, 1, 255);
              expect(out, where, actionIds.add(id), "duplicate action_id " + id);
              length(out, where + ".text", string(button.getAsJsonObject("text"), "text"), 1, 75);
              length(out, where + ".value", string(button, "value"), 0, 2000);
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

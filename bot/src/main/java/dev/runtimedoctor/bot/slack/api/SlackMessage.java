package dev.runtimedoctor.bot.slack.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Objects;

/**
 * A message as the bot sends it: the notification text (also what screen readers and old clients
 * show) and the Block Kit blocks.
 */
public record SlackMessage(String text, JsonArray blocks) {
  public SlackMessage {
    Objects.requireNonNull(text, "text");
    blocks = blocks.deepCopy();
  }

  @Override
  public JsonArray blocks() {
    return blocks.deepCopy();
  }

  /** The blocks as the JSON string the Web API's {@code blocks} argument takes. */
  public String blocksJson() {
    return blocks.toString();
  }

  /** {@code {"text":…,"blocks":[…]}}, the body of a {@code response_url} post before its flags. */
  public JsonObject toJson() {
    JsonObject o = new JsonObject();
    o.addProperty("text", text);
    o.add("blocks", blocks.deepCopy());
    return o;
  }
}

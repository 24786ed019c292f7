package dev.runtimedoctor.bot.slack.api;

import com.google.gson.JsonObject;
import java.util.Objects;

/**
 * How a message sent to a {@code response_url} shows: to the person alone or to the channel ({@code
 * response_type}), and whether it takes the place of the message whose button was pressed ({@code
 * replace_original}; left out for a slash command, which has no such message).
 */
public record ResponseMode(boolean inChannel, Original original) {
  /** What becomes of the message a {@code response_url} belongs to. */
  public enum Original {
    /** Not said: a slash command's reply. */
    UNSAID,
    /** Kept: the reply comes as a new message. */
    KEEP,
    /** Replaced by the reply. */
    REPLACE
  }

  /** The ephemeral reply to a slash command. */
  public static final ResponseMode COMMAND = new ResponseMode(false, Original.UNSAID);

  /** A new message in the channel, for everyone; the original stays. */
  public static final ResponseMode IN_CHANNEL = new ResponseMode(true, Original.KEEP);

  public ResponseMode {
    Objects.requireNonNull(original, "original");
  }

  /** An ephemeral reply that replaces the original message, or comes beside it. */
  public static ResponseMode ephemeral(boolean replaceOriginal) {
    return new ResponseMode(false, replaceOriginal ? Original.REPLACE : Original.KEEP);
  }

  /** Adds {@code response_type} and, when said, {@code replace_original} to {@code body}. */
  void writeTo(JsonObject body) {
    body.addProperty("response_type", inChannel ? "in_channel" : "ephemeral");
    if (original != Original.UNSAID) {
      body.addProperty("replace_original", original == Original.REPLACE);
    }
  }
}

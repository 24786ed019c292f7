package dev.runtimedoctor.bot.slack;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a signed body has the shape of a Slack request before Bolt reads it: Bolt's parsers throw
 * on a body of another shape (an {@code event} that is a string, a {@code text} that is an array, a
 * bad {@code %} escape) with messages that quote the body — a paste, maybe with secrets. A body
 * refused here is answered 400 and logged by its reason alone.
 */
public final class SlackBodyShape {
  /**
   * Fields Slack always sends as strings in a message or a mention, and in an edited message (other
   * events use some of these names for objects: a {@code channel_created}'s channel).
   */
  private static final List<String> EVENT_STRINGS =
      List.of(
          "type",
          "subtype",
          "text",
          "user",
          "bot_id",
          "channel",
          "channel_type",
          "ts",
          "thread_ts",
          "event_ts",
          "team");

  /** Objects of an interactive payload, when present. */
  private static final List<String> PAYLOAD_OBJECTS =
      List.of("user", "channel", "team", "message", "view", "container");

  /** Strings of an interactive payload, when present. */
  private static final List<String> PAYLOAD_STRINGS =
      List.of("type", "callback_id", "trigger_id", "response_url", "message_ts", "api_app_id");

  private SlackBodyShape() {}

  /**
   * The reason {@code body} is not a Slack request, empty when it may be one. The reason names a
   * rule or a field, never content.
   *
   * @param contentType the request's {@code Content-Type}, null when absent
   */
  public static Optional<String> problem(String contentType, String body) {
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    if (type.startsWith("application/json")) {
      return json(body, false);
    }
    if (type.startsWith("application/x-www-form-urlencoded")) {
      return form(body);
    }
    return Optional.of("content_type");
  }

  private static Optional<String> form(String body) {
    for (String pair : body.split("&", -1)) {
      int eq = pair.indexOf('=');
      String key;
      String value;
      try {
        key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return Optional.of("bad_escape");
      }
      if (key.equals("payload")) {
        Optional<String> p = json(value, true);
        if (p.isPresent()) {
          return Optional.of("payload_" + p.get());
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The reason a Socket Mode envelope's payload is not what its envelope type carries, empty when
   * it may be: {@code events_api} an event callback, {@code interactive} an interactive payload,
   * {@code slash_commands} an object.
   */
  public static Optional<String> socketProblem(String envelopeType, String payload) {
    return switch (envelopeType) {
      case "events_api" -> json(payload, false);
      case "interactive" -> json(payload, true);
      default -> json(payload, false).filter(p -> p.equals("not_json") || p.equals("not_object"));
    };
  }

  private static Optional<String> json(String text, boolean interactive) {
    JsonElement root;
    try {
      root = JsonParser.parseString(text);
    } catch (JsonParseException e) {
      return Optional.of("not_json");
    }
    if (!(root instanceof JsonObject o)) {
      return Optional.of("not_object");
    }
    if (!string(o, "type")) {
      return Optional.of("type");
    }
    if (interactive) {
      for (String f : PAYLOAD_OBJECTS) {
        if (!object(o, f)) {
          return Optional.of(f);
        }
      }
      return firstNonString(o, PAYLOAD_STRINGS, "");
    }
    if (!o.has("event")) {
      return Optional.empty();
    }
    if (!(o.get("event") instanceof JsonObject event)) {
      return Optional.of("event");
    }
    if (!(event.get("type") instanceof JsonPrimitive t) || !t.isString()) {
      return Optional.of("event.type");
    }
    String eventType = t.getAsString();
    if (!eventType.equals("message") && !eventType.equals("app_mention")) {
      return Optional.empty();
    }
    Optional<String> p = firstNonString(event, EVENT_STRINGS, "event.");
    if (p.isPresent()) {
      return p;
    }
    for (String nested : List.of("message", "previous_message")) {
      if (!object(event, nested)) {
        return Optional.of("event." + nested);
      }
      if (event.get(nested) instanceof JsonObject m) {
        p = firstNonString(m, EVENT_STRINGS, "event." + nested + ".");
        if (p.isPresent()) {
          return p;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> firstNonString(JsonObject o, List<String> fields, String in) {
    for (String f : fields) {
      if (!string(o, f)) {
        return Optional.of(in + f);
      }
    }
    return Optional.empty();
  }

  /** Absent, null or a JSON string. */
  private static boolean string(JsonObject o, String field) {
    JsonElement e = o.get(field);
    return e == null
        || e.isJsonNull()
        || (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString());
  }

  /** Absent, null or a JSON object. */
  private static boolean object(JsonObject o, String field) {
    JsonElement e = o.get(field);
    return e == null || e.isJsonNull() || e.isJsonObject();
  }
}

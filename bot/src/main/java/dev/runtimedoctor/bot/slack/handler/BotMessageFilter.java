package dev.runtimedoctor.bot.slack.handler;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.response.Response;
import dev.runtimedoctor.bot.slack.BotIdentity;
import dev.runtimedoctor.bot.slack.SlackMetrics;
import java.util.Set;

/**
 * Drops, before any listener, every message or mention written by a bot — whatever its subtype — so
 * that two bots never answer each other without end. Bolt's event classes carry {@code bot_id} for
 * some subtypes and not for others ({@code file_share}, {@code thread_broadcast}), so the author is
 * read from the event's JSON, the same way for all: a {@code bot_id} or {@code bot_profile}, the
 * {@code bot_message} subtype, Slackbot ({@code USLACKBOT}), or the bot itself; for an edit, the
 * same of the edited message.
 */
public final class BotMessageFilter implements Middleware {
  /** Slackbot's user id: its messages carry no bot_id. */
  private static final Set<String> MESSAGES = Set.of("message", "app_mention");

  private final BotIdentity self;
  private final SlackMetrics metrics;

  public BotMessageFilter(BotIdentity self, SlackMetrics metrics) {
    this.self = self;
    this.metrics = metrics;
  }

  @Override
  public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
    if (req instanceof EventRequest e && MESSAGES.contains(e.getEventType()) && fromBot(e)) {
      metrics.request("event");
      metrics.dropped("bot");
      return Response.ok();
    }
    return chain.next(req);
  }

  private boolean fromBot(EventRequest req) {
    JsonObject event;
    try {
      event =
          JsonParser.parseString(req.getRequestBodyAsString())
              .getAsJsonObject()
              .getAsJsonObject("event");
    } catch (JsonParseException | IllegalStateException | ClassCastException e) {
      return false;
    }
    if (event == null) {
      return false;
    }
    if (byBot(event)) {
      return true;
    }
    // An edit: who wrote the edited message (the event's own fields describe no author).
    return event.get("message") instanceof JsonObject edited && byBot(edited);
  }

  private boolean byBot(JsonObject m) {
    String user = string(m, "user");
    return !string(m, "bot_id").isEmpty()
        || (m.get("bot_profile") instanceof JsonObject p && !string(p, "id").isEmpty())
        || "bot_message".equals(string(m, "subtype"))
        || BotIdentity.SLACKBOT.equals(user)
        || self.userId().equals(user);
  }

  private static String string(JsonObject o, String field) {
    JsonElement e = o.get(field);
    return e != null && e.isJsonPrimitive() ? e.getAsString() : "";
  }
}

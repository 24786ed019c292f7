package dev.runtimedoctor.bot.slack.handler;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.slack.api.bolt.App;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.socket_mode.request.SocketModeRequest;
import com.slack.api.bolt.socket_mode.request.SocketModeRequestParser;
import com.slack.api.socket_mode.SocketModeClient;
import com.slack.api.socket_mode.response.AckResponse;
import dev.runtimedoctor.bot.slack.SlackBodyShape;
import dev.runtimedoctor.bot.slack.SlackMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands Socket Mode envelopes to the Bolt app — in place of Bolt's own dispatch, which throws on a
 * payload that is not a JSON object before its error handler is reached, and so never acknowledges
 * the envelope. Here an envelope is acknowledged when the app answers 200 (with the app's response
 * as payload), left unacknowledged when it answers otherwise (busy: Slack redelivers it), and a
 * malformed one is acknowledged — it would never parse — and logged by its reason alone.
 */
public final class SocketModeDispatch {
  private static final Logger log = LoggerFactory.getLogger(SocketModeDispatch.class);

  private static final Set<String> ENVELOPES =
      Set.of("events_api", "interactive", "slash_commands");

  private final App app;
  private final SocketModeRequestParser parser;
  private final Executor executor;
  private final SlackMetrics metrics;

  /**
   * @param executor runs each envelope (bounded: Bolt's own handles one at a time unless told)
   */
  public SocketModeDispatch(App app, Executor executor, SlackMetrics metrics) {
    this.app = app;
    this.parser = new SocketModeRequestParser(app.config());
    this.executor = executor;
    this.metrics = metrics;
  }

  /** Makes connections with {@code appToken} whose envelopes this dispatch handles. */
  public Supplier<SocketModeClient> clients(String appToken) {
    return () -> {
      try {
        SocketModeClient client =
            app.slack().socketMode(appToken, SocketModeClient.Backend.JavaWebSocket);
        client.addWebSocketMessageListener(m -> executor.execute(() -> handle(client, m)));
        return client;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  private void handle(SocketModeClient client, String message) {
    JsonObject envelope;
    try {
      if (!(JsonParser.parseString(message) instanceof JsonObject o)) {
        log.warn("socket message malformed reason=not_object");
        return;
      }
      envelope = o;
    } catch (JsonParseException e) {
      log.warn("socket message malformed reason=not_json");
      return;
    }
    String type = string(envelope, "type");
    String id = string(envelope, "envelope_id");
    if (!ENVELOPES.contains(type) || id.isEmpty()) {
      // hello, disconnect: the client's own business.
      return;
    }
    JsonElement payload = envelope.get("payload");
    Optional<String> problem =
        payload instanceof JsonObject
            ? SlackBodyShape.socketProblem(type, payload.toString())
            : Optional.of("payload_not_object");
    if (problem.isPresent()) {
      malformed(client, id, type, problem.get());
      return;
    }
    try {
      SocketModeRequest req = parser.parse(message);
      if (req == null) {
        return;
      }
      Response r = app.run(req.getBoltRequest());
      if (r.getStatusCode() != 200) {
        log.info("socket envelope not acknowledged envelope={} status={}", id, r.getStatusCode());
        return;
      }
      client.sendSocketModeResponse(response(id, r));
    } catch (Exception e) {
      // Bolt throws on shapes the check above does not know, with messages that quote the
      // payload: logged by type and place only.
      StackTraceElement[] t = e.getStackTrace();
      String at = t.length == 0 ? "?" : t[0].getClassName() + "." + t[0].getMethodName();
      malformed(client, id, type, e.getClass().getSimpleName() + " at " + at);
    }
  }

  private void malformed(SocketModeClient client, String id, String type, String reason) {
    metrics.request("malformed");
    log.warn("socket envelope malformed envelope={} type={} reason={}", id, type, reason);
    client.sendSocketModeResponse(new AckResponse(id));
  }

  /** The acknowledgement, carrying the app's response as Bolt's own dispatch sends it. */
  private static String response(String id, Response r) {
    JsonObject o = new JsonObject();
    o.addProperty("envelope_id", id);
    if (r.getBody() != null && !r.getBody().isEmpty()) {
      String type = r.getContentType() == null ? "" : r.getContentType();
      if (type.startsWith("application/json")) {
        o.add("payload", JsonParser.parseString(r.getBody()));
      } else {
        JsonObject text = new JsonObject();
        text.addProperty("text", r.getBody());
        o.add("payload", text);
      }
    }
    return o.toString();
  }

  private static String string(JsonObject o, String field) {
    JsonElement e = o.get(field);
    return e != null && e.isJsonPrimitive() ? e.getAsString() : "";
  }
}

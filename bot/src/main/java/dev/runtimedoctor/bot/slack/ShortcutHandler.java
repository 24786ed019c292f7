package dev.runtimedoctor.bot.slack;

import com.slack.api.app_backend.interactive_components.payload.MessageShortcutPayload;
import com.slack.api.bolt.context.builtin.MessageShortcutContext;
import com.slack.api.bolt.handler.builtin.MessageShortcutHandler;
import com.slack.api.bolt.request.builtin.MessageShortcutRequest;
import com.slack.api.bolt.response.Response;
import dev.runtimedoctor.knowledge.match.Diagnosis;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The message shortcut "Diagnose this message": the chosen message is diagnosed and the answer
 * shown to the person who asked, like the slash command's.
 */
public final class ShortcutHandler implements MessageShortcutHandler {
  private static final Logger log = LoggerFactory.getLogger(ShortcutHandler.class);

  private final Diagnoser diagnoser;
  private final SlackGateway gateway;
  private final Workers workers;
  private final SlackMetrics metrics;

  public ShortcutHandler(
      Diagnoser diagnoser, SlackGateway gateway, Workers workers, SlackMetrics metrics) {
    this.diagnoser = diagnoser;
    this.gateway = gateway;
    this.workers = workers;
    this.metrics = metrics;
  }

  @Override
  public Response apply(MessageShortcutRequest req, MessageShortcutContext ctx) {
    long start = System.nanoTime();
    metrics.request("shortcut");
    MessageShortcutPayload p = req.getPayload();
    String user = p.getUser() == null ? "" : p.getUser().getId();
    String text =
        p.getMessage() == null || p.getMessage().getText() == null ? "" : p.getMessage().getText();
    String responseUrl = p.getResponseUrl();
    log.info("shortcut user={} chars={}", user, text.length());
    workers.submit(
        "shortcut",
        () -> {
          if (responseUrl == null) {
            return;
          }
          Diagnosis d = diagnoser.diagnose(text);
          SlackMessage msg =
              diagnoser.ephemeral(d, diagnoser.language(user, d.language()), "shortcut");
          try {
            gateway.respond(
                responseUrl, msg, Map.of("response_type", "ephemeral", "replace_original", false));
            metrics.answered(start);
          } catch (SlackCallException e) {
            log.error("shortcut reply not posted user={} error={}", user, e.error());
          }
        });
    metrics.acked(start);
    return ctx.ack();
  }
}

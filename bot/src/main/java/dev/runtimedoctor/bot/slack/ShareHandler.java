package dev.runtimedoctor.bot.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Share in channel": posts the answer for everyone through the action's {@code response_url}
 * (which works even in channels the bot was not invited to), then removes the ephemeral copy.
 */
public final class ShareHandler implements BlockActionHandler {
  private static final Logger log = LoggerFactory.getLogger(ShareHandler.class);
  private static final Map<String, Object> IN_CHANNEL =
      Map.of("response_type", "in_channel", "replace_original", false);

  private final Diagnoser diagnoser;
  private final AnswerRenderer renderer;
  private final SlackGateway gateway;
  private final Workers workers;
  private final SlackMetrics metrics;

  public ShareHandler(
      Diagnoser diagnoser,
      AnswerRenderer renderer,
      SlackGateway gateway,
      Workers workers,
      SlackMetrics metrics) {
    this.diagnoser = diagnoser;
    this.renderer = renderer;
    this.gateway = gateway;
    this.workers = workers;
    this.metrics = metrics;
  }

  @Override
  public Response apply(BlockActionRequest req, ActionContext ctx) {
    long start = System.nanoTime();
    metrics.request("action");
    BlockActionPayload p = req.getPayload();
    String user = p.getUser() == null ? "" : p.getUser().getId();
    String value = p.getActions().get(0).getValue();
    String responseUrl = p.getResponseUrl();
    log.info("share user={}", user);
    workers.submit("share", () -> share(value == null ? "" : value, user, responseUrl, start));
    metrics.acked(start);
    return ctx.ack();
  }

  private void share(String value, String user, String responseUrl, long start) {
    if (responseUrl == null) {
      return;
    }
    Optional<SlackMessage> msg = diagnoser.shared(value, user);
    try {
      if (msg.isEmpty()) {
        Texts t = new Texts(Diagnoser.shareLanguage(value));
        gateway.respond(
            responseUrl,
            renderer.text(t.failed("share")),
            Map.of("response_type", "ephemeral", "replace_original", false));
        return;
      }
      gateway.respond(responseUrl, msg.get(), IN_CHANNEL);
      metrics.answered(start);
      gateway.deleteOriginal(responseUrl);
    } catch (SlackCallException e) {
      log.error("share not posted user={} error={}", user, e.error());
    }
  }
}

package dev.runtimedoctor.bot.slack.handler;

import com.slack.api.app_backend.interactive_components.payload.MessageShortcutPayload;
import com.slack.api.bolt.context.builtin.MessageShortcutContext;
import com.slack.api.bolt.handler.builtin.MessageShortcutHandler;
import com.slack.api.bolt.request.builtin.MessageShortcutRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.Message;
import dev.runtimedoctor.bot.slack.SlackMetrics;
import dev.runtimedoctor.bot.slack.Texts;
import dev.runtimedoctor.bot.slack.api.ResponseMode;
import dev.runtimedoctor.bot.slack.api.SlackCallException;
import dev.runtimedoctor.bot.slack.api.SlackGateway;
import dev.runtimedoctor.bot.slack.api.SlackMessage;
import dev.runtimedoctor.bot.slack.pipeline.Diagnoser;
import dev.runtimedoctor.bot.slack.pipeline.IncomingMessage;
import dev.runtimedoctor.bot.slack.pipeline.PasteReader;
import dev.runtimedoctor.bot.slack.render.AnswerRenderer;
import dev.runtimedoctor.knowledge.match.Diagnosis;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The message shortcut "Diagnose this message": the chosen message — its text and its snippet files
 * — is diagnosed and the answer shown only to the person who asked, like the slash command's,
 * through the shortcut's {@code response_url} (which works in channels the bot is not in).
 */
public final class ShortcutHandler implements MessageShortcutHandler {
  private static final Logger log = LoggerFactory.getLogger(ShortcutHandler.class);
  private static final ResponseMode EPHEMERAL = ResponseMode.ephemeral(false);

  private final Diagnoser diagnoser;
  private final PasteReader reader;
  private final SlackGateway gateway;
  private final Workers workers;
  private final SlackMetrics metrics;
  private final AnswerRenderer renderer;

  public ShortcutHandler(
      Diagnoser diagnoser,
      PasteReader reader,
      SlackGateway gateway,
      Workers workers,
      SlackMetrics metrics,
      AnswerRenderer renderer) {
    this.diagnoser = diagnoser;
    this.reader = reader;
    this.gateway = gateway;
    this.workers = workers;
    this.metrics = metrics;
    this.renderer = renderer;
  }

  @Override
  public Response apply(MessageShortcutRequest req, MessageShortcutContext ctx) {
    long start = System.nanoTime();
    metrics.request("shortcut");
    MessageShortcutPayload p = req.getPayload();
    String user = p.getUser() == null ? "" : p.getUser().getId();
    String channel = p.getChannel() == null ? "" : p.getChannel().getId();
    Message message = p.getMessage();
    String text = message == null || message.getText() == null ? "" : message.getText();
    List<IncomingMessage.SharedFile> files =
        message == null ? List.of() : PasteReader.files(message.getFiles());
    String responseUrl = p.getResponseUrl();
    log.info(
        "shortcut user={} channel={} chars={} files={}",
        user,
        channel,
        text.length(),
        files.size());
    if (!workers.submit("shortcut", () -> answer(text, files, user, channel, responseUrl, start))) {
      log.warn("shortcut dropped, workers busy user={}", user);
    }
    metrics.acked(start);
    return ctx.ack();
  }

  private void answer(
      String text,
      List<IncomingMessage.SharedFile> files,
      String user,
      String channel,
      String responseUrl,
      long start) {
    PasteReader.Paste paste = reader.read(text, files);
    Diagnosis d = diagnoser.diagnose(paste.text());
    try {
      if (!paste.unreadable().isEmpty()) {
        Texts t = new Texts(diagnoser.language(user, Optional.empty()));
        reply(renderer.text(t.filesUnreadable(paste.unreadable())), user, channel, responseUrl);
      }
      SlackMessage msg =
          diagnoser.ephemeral(
              paste.text(), d, diagnoser.language(user, d.language()), "shortcut", user, channel);
      reply(msg, user, channel, responseUrl);
      diagnoser.accepted(msg, "shortcut");
      metrics.answered(start);
    } catch (SlackCallException e) {
      log.error("shortcut reply not posted user={} error={}", user, e.error());
    }
  }

  /**
   * Through the shortcut's {@code response_url}; without a usable one, as a message only the user
   * sees in the channel, and where the bot cannot post there (it is not a member), in the user's
   * direct messages with the bot.
   */
  private void reply(SlackMessage msg, String user, String channel, String responseUrl)
      throws SlackCallException {
    if (SlackGateway.usableUrl(responseUrl)) {
      gateway.respond(responseUrl, msg, EPHEMERAL);
      return;
    }
    if (user.isEmpty()) {
      throw new SlackCallException("response_url", "no_recipient", null);
    }
    log.info("shortcut without response_url user={} channel={}", user, channel);
    if (!channel.isEmpty()) {
      try {
        gateway.postEphemeral(channel, user, msg);
        return;
      } catch (SlackCallException e) {
        log.info("ephemeral reply refused channel={} error={}", channel, e.error());
      }
    }
    gateway.postMessage(user, Optional.empty(), msg);
  }
}

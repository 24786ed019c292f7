package dev.runtimedoctor.bot.slack.handler;

import dev.runtimedoctor.bot.slack.SlackMetrics;
import dev.runtimedoctor.bot.slack.Texts;
import dev.runtimedoctor.bot.slack.api.ResponseMode;
import dev.runtimedoctor.bot.slack.api.SlackCallException;
import dev.runtimedoctor.bot.slack.api.SlackGateway;
import dev.runtimedoctor.bot.slack.api.SlackMessage;
import dev.runtimedoctor.bot.slack.pipeline.Diagnoser;
import dev.runtimedoctor.bot.slack.render.AnswerRef;
import dev.runtimedoctor.bot.slack.render.AnswerRenderer;
import dev.runtimedoctor.knowledge.entry.Language;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Share in channel": posts the answer for everyone through the action's {@code response_url}
 * (which works even in channels the bot was not invited to), then removes the ephemeral copy.
 */
public final class ShareHandler {
  private static final Logger log = LoggerFactory.getLogger(ShareHandler.class);
  private static final ResponseMode IN_CHANNEL = ResponseMode.IN_CHANNEL;

  private final Diagnoser diagnoser;
  private final AnswerRenderer renderer;
  private final SlackGateway gateway;
  private final SlackMetrics metrics;

  public ShareHandler(
      Diagnoser diagnoser, AnswerRenderer renderer, SlackGateway gateway, SlackMetrics metrics) {
    this.diagnoser = diagnoser;
    this.renderer = renderer;
    this.gateway = gateway;
    this.metrics = metrics;
  }

  public void handle(ButtonPress p) {
    long start = System.nanoTime();
    if (p.responseUrl() == null) {
      return;
    }
    Optional<AnswerRef> ref = AnswerRef.decode(p.value());
    Optional<SlackMessage> msg = ref.flatMap(r -> diagnoser.shared(r, p.user(), p.channel()));
    try {
      if (msg.isEmpty()) {
        Texts t = new Texts(ref.map(AnswerRef::language).orElse(Language.EN));
        gateway.respond(
            p.responseUrl(), renderer.text(t.failed("share")), ResponseMode.ephemeral(false));
        return;
      }
      gateway.respond(p.responseUrl(), msg.get(), IN_CHANNEL);
      diagnoser.accepted(msg.get(), "share");
      metrics.answered(start);
      gateway.deleteOriginal(p.responseUrl());
    } catch (SlackCallException e) {
      log.error("share not posted user={} error={}", p.user(), e.error());
    }
  }
}

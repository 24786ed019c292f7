package dev.runtimedoctor.bot.slack.handler;

import dev.runtimedoctor.bot.slack.Texts;
import dev.runtimedoctor.bot.slack.api.ResponseMode;
import dev.runtimedoctor.bot.slack.api.SlackCallException;
import dev.runtimedoctor.bot.slack.api.SlackGateway;
import dev.runtimedoctor.bot.slack.pipeline.Diagnoser;
import dev.runtimedoctor.bot.slack.render.Answer;
import dev.runtimedoctor.bot.slack.render.AnswerOptions;
import dev.runtimedoctor.bot.slack.render.AnswerRef;
import dev.runtimedoctor.bot.slack.render.AnswerRenderer;
import dev.runtimedoctor.knowledge.entry.Language;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The other language: an answer only the clicker sees is replaced by the same answer in the other
 * language; an answer everyone sees stays as it is and the clicker gets their own copy.
 */
public final class OtherLanguageHandler {
  private static final Logger log = LoggerFactory.getLogger(OtherLanguageHandler.class);

  private final Diagnoser diagnoser;
  private final SlackGateway gateway;
  private final AnswerRenderer renderer;

  public OtherLanguageHandler(Diagnoser diagnoser, SlackGateway gateway, AnswerRenderer renderer) {
    this.diagnoser = diagnoser;
    this.gateway = gateway;
    this.renderer = renderer;
  }

  public void handle(ButtonPress p) {
    Optional<AnswerRef> ref = AnswerRef.decode(p.value());
    if (ref.isEmpty() || p.responseUrl() == null) {
      return;
    }
    Language other = ref.get().language() == Language.IT ? Language.EN : Language.IT;
    AnswerRef switched = ref.get().in(other);
    Optional<Answer> a = diagnoser.answer(switched);
    try {
      if (a.isEmpty()) {
        gateway.respond(
            p.responseUrl(),
            renderer.text(new Texts(other).failed("language")),
            ResponseMode.ephemeral(false));
        return;
      }
      boolean checks = diagnoser.offerChecks(a.get(), Optional.of(p.user()), p.channel());
      gateway.respond(
          p.responseUrl(),
          diagnoser.render(a.get(), AnswerOptions.ephemeral(switched, checks)),
          ResponseMode.ephemeral(p.ephemeral()));
    } catch (SlackCallException e) {
      log.warn("answer in the other language not posted user={} error={}", p.user(), e.error());
    }
  }
}

package dev.runtimedoctor.bot.slack.handler;

import dev.runtimedoctor.bot.diagnosis.DiagnosisService;
import dev.runtimedoctor.bot.slack.Texts;
import dev.runtimedoctor.bot.slack.api.ResponseMode;
import dev.runtimedoctor.bot.slack.api.SlackCallException;
import dev.runtimedoctor.bot.slack.api.SlackGateway;
import dev.runtimedoctor.bot.slack.api.SlackMessage;
import dev.runtimedoctor.bot.slack.pipeline.ClusterCheckRunner;
import dev.runtimedoctor.bot.slack.pipeline.Diagnoser;
import dev.runtimedoctor.bot.slack.render.AnswerOptions;
import dev.runtimedoctor.bot.slack.render.AnswerRef;
import dev.runtimedoctor.bot.slack.render.AnswerRenderer;
import dev.runtimedoctor.bot.slack.render.Mrkdwn;
import dev.runtimedoctor.knowledge.entry.Entry;
import dev.runtimedoctor.knowledge.entry.Language;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Run cluster checks" under an answer: the checks of the entries it names, for those allowed.
 * Under an answer in a thread the results are posted in that thread and updated as checks finish;
 * under an answer only the clicker sees, they are added to it, through its {@code response_url}.
 */
public final class ChecksButtonHandler {
  private static final Logger log = LoggerFactory.getLogger(ChecksButtonHandler.class);

  private static final ResponseMode EPHEMERAL = ResponseMode.ephemeral(false);

  private final ClusterCheckRunner runner;
  private final Diagnoser diagnoser;
  private final DiagnosisService service;
  private final SlackGateway gateway;
  private final AnswerRenderer renderer;

  public ChecksButtonHandler(
      ClusterCheckRunner runner,
      Diagnoser diagnoser,
      DiagnosisService service,
      SlackGateway gateway,
      AnswerRenderer renderer) {
    this.runner = runner;
    this.diagnoser = diagnoser;
    this.service = service;
    this.gateway = gateway;
    this.renderer = renderer;
  }

  public void handle(ButtonPress p) {
    Optional<AnswerRef> ref = AnswerRef.decode(p.value());
    if (ref.isEmpty() || p.responseUrl() == null) {
      return;
    }
    Language l = ref.get().language();
    try {
      if (!runner.allowed(p.user(), p.channel())) {
        log.info("cluster checks refused user={} channel={}", p.user(), p.channel());
        gateway.respond(p.responseUrl(), runner.refuse(l), EPHEMERAL);
        return;
      }
      List<Entry> entries =
          ref.get().entryIds().stream()
              .map(id -> service.knowledge().get(id))
              .flatMap(Optional::stream)
              .filter(e -> !e.checks().isEmpty())
              .toList();
      if (entries.isEmpty()) {
        String ids = String.join(", ", ref.get().entryIds().stream().map(Mrkdwn::code).toList());
        gateway.respond(p.responseUrl(), renderer.text(new Texts(l).noChecks(ids)), EPHEMERAL);
        return;
      }
      runner.run(entries, l, progress(p, ref.get()));
    } catch (SlackCallException e) {
      log.warn("cluster checks reply not posted user={} error={}", p.user(), e.error());
    }
  }

  private ClusterCheckRunner.Progress progress(ButtonPress p, AnswerRef ref) {
    if (p.thread().isPresent()) {
      return new ClusterCheckRunner.InThread(gateway, p.channel(), p.thread().get());
    }
    // Only the clicker sees the answer: the results go under it, which keeps it in view.
    UnaryOperator<SlackMessage> underAnswer =
        diagnoser
            .answer(ref)
            .map(a -> diagnoser.render(a, AnswerOptions.ephemeral(ref, true)))
            .<UnaryOperator<SlackMessage>>map(
                answer -> results -> ClusterCheckRunner.under(answer, results))
            .orElse(UnaryOperator.identity());
    return new ClusterCheckRunner.ViaResponseUrl(gateway, p.responseUrl(), underAnswer, true);
  }
}

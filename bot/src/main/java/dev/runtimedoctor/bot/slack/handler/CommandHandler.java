package dev.runtimedoctor.bot.slack.handler;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.runtimedoctor.bot.cluster.ClusterChecks;
import dev.runtimedoctor.bot.diagnosis.DiagnosisService;
import dev.runtimedoctor.bot.slack.SlackMetrics;
import dev.runtimedoctor.bot.slack.Texts;
import dev.runtimedoctor.bot.slack.api.ResponseMode;
import dev.runtimedoctor.bot.slack.api.SlackCallException;
import dev.runtimedoctor.bot.slack.api.SlackGateway;
import dev.runtimedoctor.bot.slack.api.SlackMessage;
import dev.runtimedoctor.bot.slack.pipeline.ClusterCheckRunner;
import dev.runtimedoctor.bot.slack.pipeline.Diagnoser;
import dev.runtimedoctor.bot.slack.render.AnswerRenderer;
import dev.runtimedoctor.bot.slack.state.LanguagePreferences;
import dev.runtimedoctor.knowledge.analysis.Redactor;
import dev.runtimedoctor.knowledge.entry.Entry;
import dev.runtimedoctor.knowledge.entry.KnowledgeBase;
import dev.runtimedoctor.knowledge.entry.Language;
import dev.runtimedoctor.knowledge.entry.Suggestions;
import dev.runtimedoctor.knowledge.match.Diagnosis;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /troubleshoot}: acknowledged at once with an empty body; the reply — an ephemeral answer,
 * help, the list, an entry, a "did you mean", cluster checks updated as they finish — follows
 * through the command's {@code response_url} from a worker.
 */
public final class CommandHandler implements SlashCommandHandler {
  private static final Logger log = LoggerFactory.getLogger(CommandHandler.class);
  private static final ResponseMode EPHEMERAL = ResponseMode.COMMAND;

  private final DiagnosisService service;
  private final Diagnoser diagnoser;
  private final AnswerRenderer renderer;
  private final LanguagePreferences preferences;
  private final ClusterCheckRunner checks;
  private final SlackGateway gateway;
  private final Workers workers;
  private final SlackMetrics metrics;

  public CommandHandler(
      DiagnosisService service,
      Diagnoser diagnoser,
      AnswerRenderer renderer,
      LanguagePreferences preferences,
      ClusterCheckRunner checks,
      SlackGateway gateway,
      Workers workers,
      SlackMetrics metrics) {
    this.service = service;
    this.diagnoser = diagnoser;
    this.renderer = renderer;
    this.preferences = preferences;
    this.checks = checks;
    this.gateway = gateway;
    this.workers = workers;
    this.metrics = metrics;
  }

  @Override
  public Response apply(SlashCommandRequest req, SlashCommandContext ctx) {
    long start = System.nanoTime();
    metrics.request("command");
    SlashCommandPayload p = req.getPayload();
    TroubleshootRequest request = TroubleshootRequest.parse(p.getText());
    log.info(
        "command user={} channel={} kind={} chars={}",
        p.getUserId(),
        p.getChannelId(),
        request.getClass().getSimpleName(),
        p.getText() == null ? 0 : p.getText().length());
    boolean taken =
        workers.submit(
            "command",
            () -> {
              if (request instanceof TroubleshootRequest.Check c) {
                check(c, p.getUserId(), p.getChannelId(), p.getResponseUrl());
              } else {
                reply(request, p.getUserId(), p.getChannelId(), p.getResponseUrl(), start);
              }
            });
    Response ack = taken ? ctx.ack() : ctx.ack(Texts.busy());
    metrics.acked(start);
    return ack;
  }

  private void reply(
      TroubleshootRequest request,
      String userId,
      String channelId,
      String responseUrl,
      long start) {
    SlackMessage msg = render(request, userId, channelId);
    try {
      gateway.respond(responseUrl, msg, EPHEMERAL);
      if (request instanceof TroubleshootRequest.Diagnose) {
        diagnoser.accepted(msg, "command");
      }
      metrics.answered(start);
    } catch (SlackCallException e) {
      log.error("command reply not posted user={} error={}", userId, e.error());
    }
  }

  /** {@code check [<id>]}: the checks of one entry, or of every entry that has some. */
  private void check(
      TroubleshootRequest.Check c, String userId, String channelId, String responseUrl) {
    Language l = diagnoser.language(userId, Optional.empty());
    Texts t = new Texts(l);
    KnowledgeBase kb = service.knowledge();
    try {
      if (!checks.allowed(userId, channelId)) {
        log.info("cluster checks refused user={} channel={}", userId, channelId);
        gateway.respond(responseUrl, checks.refuse(l), EPHEMERAL);
        return;
      }
      List<Entry> entries;
      if (c.id().isPresent()) {
        Optional<Entry> e = kb.get(c.id().get());
        if (e.isEmpty()) {
          String id = Redactor.redact(c.id().get());
          gateway.respond(
              responseUrl,
              renderer.text(t.noEntry(id, Suggestions.closest(id, kb.ids()).orElse(null))),
              EPHEMERAL);
          return;
        }
        if (e.get().checks().isEmpty()) {
          gateway.respond(responseUrl, renderer.text(t.noCheckEntry(e.get().id())), EPHEMERAL);
          return;
        }
        entries = List.of(e.get());
      } else {
        entries = ClusterChecks.withChecks(kb.entries());
      }
      checks.run(
          entries,
          l,
          new ClusterCheckRunner.ViaResponseUrl(
              gateway, responseUrl, UnaryOperator.identity(), false));
    } catch (SlackCallException e) {
      log.error("check reply not posted user={} error={}", userId, e.error());
    }
  }

  SlackMessage render(TroubleshootRequest request, String userId, String channelId) {
    Language pref = diagnoser.language(userId, Optional.empty());
    Texts t = new Texts(pref);
    KnowledgeBase kb = service.knowledge();
    if (request instanceof TroubleshootRequest.Help) {
      return renderer.help(pref);
    } else if (request instanceof TroubleshootRequest.ListEntries) {
      return renderer.list(kb, pref);
    } else if (request instanceof TroubleshootRequest.Show s) {
      if (s.id().isEmpty()) {
        return renderer.text(t.showUsage());
      }
      String id = s.id().get();
      Optional<Entry> e = kb.get(id);
      return e.isPresent()
          ? renderer.show(e.get(), pref)
          : renderer.text(
              t.noEntry(Redactor.redact(id), Suggestions.closest(id, kb.ids()).orElse(null)));
    } else if (request instanceof TroubleshootRequest.Lang l) {
      if (l.language().isEmpty()) {
        return renderer.text(t.langUsage());
      }
      preferences.set(userId, l.language().get());
      return renderer.text(new Texts(l.language().get()).langSet());
    } else if (request instanceof TroubleshootRequest.DidYouMean m) {
      return renderer.text(t.didYouMean(Redactor.redact(m.word()), m.suggestion()));
    }
    String text = ((TroubleshootRequest.Diagnose) request).text();
    Diagnosis d = diagnoser.diagnose(text);
    return diagnoser.ephemeral(
        text, d, diagnoser.language(userId, d.language()), "command", userId, channelId);
  }
}

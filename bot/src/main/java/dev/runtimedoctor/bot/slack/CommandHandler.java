package dev.runtimedoctor.bot.slack;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.runtimedoctor.bot.diagnosis.DiagnosisService;
import dev.runtimedoctor.knowledge.entry.Entry;
import dev.runtimedoctor.knowledge.entry.KnowledgeBase;
import dev.runtimedoctor.knowledge.entry.Language;
import dev.runtimedoctor.knowledge.entry.Suggestions;
import dev.runtimedoctor.knowledge.match.Diagnosis;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /troubleshoot}: acknowledged at once with an empty body; the reply — an ephemeral answer,
 * help, the list, an entry, a "did you mean" — follows through the command's {@code response_url}
 * from a worker.
 */
public final class CommandHandler implements SlashCommandHandler {
  private static final Logger log = LoggerFactory.getLogger(CommandHandler.class);
  private static final Map<String, Object> EPHEMERAL = Map.of("response_type", "ephemeral");

  private final DiagnosisService service;
  private final Diagnoser diagnoser;
  private final AnswerRenderer renderer;
  private final LanguagePreferences preferences;
  private final SlackGateway gateway;
  private final Workers workers;
  private final SlackMetrics metrics;

  public CommandHandler(
      DiagnosisService service,
      Diagnoser diagnoser,
      AnswerRenderer renderer,
      LanguagePreferences preferences,
      SlackGateway gateway,
      Workers workers,
      SlackMetrics metrics) {
    this.service = service;
    this.diagnoser = diagnoser;
    this.renderer = renderer;
    this.preferences = preferences;
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
        workers.submit("command", () -> reply(request, p.getUserId(), p.getResponseUrl(), start));
    Response ack = taken ? ctx.ack() : ctx.ack(Texts.busy());
    metrics.acked(start);
    return ack;
  }

  private void reply(TroubleshootRequest request, String userId, String responseUrl, long start) {
    SlackMessage msg = render(request, userId);
    try {
      gateway.respond(responseUrl, msg, EPHEMERAL);
      metrics.answered(start);
    } catch (SlackCallException e) {
      log.error("command reply not posted user={} error={}", userId, e.error());
    }
  }

  SlackMessage render(TroubleshootRequest request, String userId) {
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
    } else if (request instanceof TroubleshootRequest.Check) {
      return renderer.text(t.checksUnavailable());
    } else if (request instanceof TroubleshootRequest.DidYouMean m) {
      return renderer.text(t.didYouMean(Redactor.redact(m.word()), m.suggestion()));
    }
    String text = ((TroubleshootRequest.Diagnose) request).text();
    Diagnosis d = diagnoser.diagnose(text);
    return diagnoser.ephemeral(d, diagnoser.language(userId, d.language()), "command");
  }
}

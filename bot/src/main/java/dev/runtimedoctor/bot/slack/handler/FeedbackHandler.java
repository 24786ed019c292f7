package dev.runtimedoctor.bot.slack.handler;

import dev.runtimedoctor.bot.diagnosis.DiagnosisService;
import dev.runtimedoctor.bot.feedback.FeedbackRecord.Verdict;
import dev.runtimedoctor.bot.slack.SlackSurface;
import dev.runtimedoctor.bot.slack.Texts;
import dev.runtimedoctor.bot.slack.api.ResponseMode;
import dev.runtimedoctor.bot.slack.api.SlackCallException;
import dev.runtimedoctor.bot.slack.api.SlackGateway;
import dev.runtimedoctor.bot.slack.api.SlackMessage;
import dev.runtimedoctor.bot.slack.pipeline.FeedbackRecorder;
import dev.runtimedoctor.bot.slack.render.AnswerRef;
import dev.runtimedoctor.bot.slack.render.AnswerRenderer;
import dev.runtimedoctor.bot.slack.render.Blocks;
import dev.runtimedoctor.bot.slack.render.Mrkdwn;
import dev.runtimedoctor.bot.slack.state.RecentKeys;
import dev.runtimedoctor.knowledge.entry.Entry;
import dev.runtimedoctor.knowledge.entry.Language;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Helpful", "Not it", and the menu "Not it" offers to say which entry it really was (or none of
 * them: a new issue). Each is recorded once per person and answer, in {@code /metrics} and in the
 * feedback log, and thanked with a message only the clicker sees.
 */
public final class FeedbackHandler {
  private static final Logger log = LoggerFactory.getLogger(FeedbackHandler.class);

  /** The menu option for "none of these". */
  private static final String NONE = "none";

  /** Prefix of the menu's block id, which carries the answer the choice is about. */
  private static final String MENU_BLOCK = "fb|";

  private static final ResponseMode EPHEMERAL = ResponseMode.ephemeral(false);

  private final FeedbackRecorder recorder;
  private final DiagnosisService service;
  private final SlackGateway gateway;
  private final RecentKeys votes;
  private final AnswerRenderer renderer;

  public FeedbackHandler(
      FeedbackRecorder recorder,
      DiagnosisService service,
      SlackGateway gateway,
      RecentKeys votes,
      AnswerRenderer renderer) {
    this.recorder = recorder;
    this.service = service;
    this.gateway = gateway;
    this.votes = votes;
    this.renderer = renderer;
  }

  /** "Helpful". */
  public void helpful(ButtonPress p) {
    Optional<AnswerRef> ref = AnswerRef.decode(p.value());
    if (ref.isEmpty()) {
      return;
    }
    Texts t = new Texts(ref.get().language());
    if (first(p, ref.get().id(), Verdict.HELPFUL)) {
      recorder.vote(
          Verdict.HELPFUL,
          known(ref.get().entryIds()),
          ref.get().fingerprint(),
          Optional.empty(),
          surface(p));
      reply(p, t.thanks(), EPHEMERAL);
    } else {
      reply(p, t.alreadyNoted(), EPHEMERAL);
    }
  }

  /** "Not it": recorded, then a menu to say which entry it was. */
  public void notIt(ButtonPress p) {
    Optional<AnswerRef> ref = AnswerRef.decode(p.value());
    if (ref.isEmpty()) {
      return;
    }
    Language l = ref.get().language();
    Texts t = new Texts(l);
    if (!first(p, ref.get().id(), Verdict.NOT_IT)) {
      reply(p, t.alreadyNoted(), EPHEMERAL);
      return;
    }
    recorder.vote(
        Verdict.NOT_IT,
        known(ref.get().entryIds()),
        ref.get().fingerprint(),
        Optional.empty(),
        surface(p));
    List<Blocks.Option> options = new ArrayList<>();
    service.knowledge().entries().stream()
        .sorted(Comparator.comparing(Entry::area).thenComparing(Entry::id))
        .limit(Blocks.MAX_OPTIONS - 1L)
        .forEach(e -> options.add(new Blocks.Option(e.title().get(l), e.id())));
    options.add(new Blocks.Option(t.noneOfThese(), NONE));
    SlackMessage menu =
        new Blocks()
            .select(
                menuBlock(ref.get()),
                t.whichWasIt(),
                SlackSurface.ACTION_ACTUAL_ENTRY,
                t.pickEntry(),
                options)
            .build(t.whichWasItFallback(), "…");
    respond(p, menu, EPHEMERAL);
  }

  /** The entry chosen in the menu "Not it" offered. */
  public void actual(ButtonPress p) {
    String[] parts = p.blockId().split("\\|", 4);
    if (parts.length < 4 || !p.blockId().startsWith(MENU_BLOCK)) {
      return;
    }
    Language l = Language.fromCode(parts[1]).orElse(Language.EN);
    String fingerprint = parts[2];
    List<String> answered = parts[3].isEmpty() ? List.of() : Arrays.asList(parts[3].split(","));
    Optional<String> actual = NONE.equals(p.value()) ? Optional.empty() : Optional.of(p.value());
    if (actual.isPresent() && service.knowledge().get(actual.get()).isEmpty()) {
      return;
    }
    Texts t = new Texts(l);
    if (!first(p, fingerprint + String.join(",", answered), Verdict.ACTUAL)) {
      reply(p, t.alreadyNoted(), ResponseMode.ephemeral(true));
      return;
    }
    recorder.vote(Verdict.ACTUAL, known(answered), fingerprint, actual, surface(p));
    String said =
        actual
            .flatMap(id -> service.knowledge().get(id))
            .map(e -> t.notedActual(Mrkdwn.escape(e.title().get(l)), e.id()))
            .orElse(t.notedNewIssue());
    reply(p, said, ResponseMode.ephemeral(true));
  }

  /** {@code fb|lang|fingerprint|entry,…}, cut to Slack's limit on block ids. */
  private static String menuBlock(AnswerRef ref) {
    StringBuilder sb =
        new StringBuilder(MENU_BLOCK)
            .append(ref.language().code())
            .append('|')
            .append(ref.fingerprint())
            .append('|');
    String sep = "";
    for (String id : ref.entryIds()) {
      if (sb.length() + sep.length() + id.length() > Blocks.MAX_BLOCK_ID) {
        break;
      }
      sb.append(sep).append(id);
      sep = ",";
    }
    return sb.toString();
  }

  /** The ids that name entries: metrics labels and the log hold nothing else. */
  private List<String> known(List<String> ids) {
    return ids.stream().filter(id -> service.knowledge().get(id).isPresent()).toList();
  }

  private boolean first(ButtonPress p, String answer, Verdict v) {
    return votes.firstTime(p.user() + "|" + answer + "|" + v.code());
  }

  private static String surface(ButtonPress p) {
    return p.ephemeral() ? "ephemeral" : "channel";
  }

  private void reply(ButtonPress p, String mrkdwn, ResponseMode flags) {
    respond(p, renderer.text(mrkdwn), flags);
  }

  private void respond(ButtonPress p, SlackMessage m, ResponseMode flags) {
    if (p.responseUrl() == null) {
      return;
    }
    try {
      gateway.respond(p.responseUrl(), m, flags);
    } catch (SlackCallException e) {
      log.warn("feedback reply not posted user={} error={}", p.user(), e.error());
    }
  }
}

package dev.runtimedoctor.bot.slack.handler;

import com.google.gson.JsonObject;
import com.slack.api.bolt.App;
import com.slack.api.model.event.AppHomeOpenedEvent;
import dev.runtimedoctor.bot.diagnosis.DiagnosisService;
import dev.runtimedoctor.bot.diagnosis.KnowledgeTexts;
import dev.runtimedoctor.bot.slack.SlackMetrics;
import dev.runtimedoctor.bot.slack.SlackSurface;
import dev.runtimedoctor.bot.slack.Texts;
import dev.runtimedoctor.bot.slack.api.SlackCallException;
import dev.runtimedoctor.bot.slack.api.SlackGateway;
import dev.runtimedoctor.bot.slack.api.SlackMessage;
import dev.runtimedoctor.bot.slack.pipeline.AnswerLanguage;
import dev.runtimedoctor.bot.slack.pipeline.Diagnoser;
import dev.runtimedoctor.bot.slack.render.Blocks;
import dev.runtimedoctor.bot.slack.render.Mrkdwn;
import dev.runtimedoctor.bot.slack.state.RecentKeys;
import dev.runtimedoctor.knowledge.entry.Entry;
import dev.runtimedoctor.knowledge.entry.Language;
import dev.runtimedoctor.knowledge.match.Match;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The App Home tab: how to use the bot, a search over the entries (known issues and failure modes),
 * and what the bot knows, by pack and area. Published with {@code views.publish} when someone opens
 * the tab, and again with the results when they search (Enter in the field, or the button).
 */
public final class HomeTab {
  private static final Logger log = LoggerFactory.getLogger(HomeTab.class);

  /** Entries shown for a search. */
  private static final int RESULTS = 5;

  /** The search field's block. */
  private static final String SEARCH_BLOCK = "home_search";

  private final DiagnosisService service;
  private final AnswerLanguage languages;
  private final SlackGateway gateway;
  private final RecentKeys seenEvents;
  private final Workers workers;
  private final SlackMetrics metrics;
  private final Diagnoser diagnoser;

  public HomeTab(
      DiagnosisService service,
      AnswerLanguage languages,
      SlackGateway gateway,
      RecentKeys seenEvents,
      Workers workers,
      SlackMetrics metrics,
      Diagnoser diagnoser) {
    this.service = service;
    this.languages = languages;
    this.gateway = gateway;
    this.seenEvents = seenEvents;
    this.workers = workers;
    this.metrics = metrics;
    this.diagnoser = diagnoser;
  }

  /** Listens to {@code app_home_opened}. */
  public void register(App app) {
    app.event(
        AppHomeOpenedEvent.class,
        (p, ctx) -> {
          long start = System.nanoTime();
          metrics.request("event");
          AppHomeOpenedEvent e = p.getEvent();
          // The Messages tab opens the same event; only the Home tab is ours to draw.
          if ("home".equals(e.getTab()) && seenEvents.firstTime("event:" + p.getEventId())) {
            log.info("home opened user={}", e.getUser());
            if (!workers.submit("home", () -> publish(e.getUser(), ""))) {
              // Not done, so not remembered: Slack's retry may find a free worker.
              seenEvents.forget("event:" + p.getEventId());
              throw new Workers.Busy();
            }
          }
          metrics.acked(start);
          return ctx.ack();
        });
  }

  /** A search from the field (Enter) or the button. */
  public void search(ButtonPress p) {
    String query =
        SlackSurface.ACTION_HOME_SEARCH_INPUT.equals(p.actionId())
            ? p.value()
            : p.inputs().getOrDefault(SlackSurface.ACTION_HOME_SEARCH_INPUT, "");
    publish(p.user(), query.strip());
  }

  private void publish(String user, String query) {
    Language l = languages.choose(user, Optional.empty());
    JsonObject view = new JsonObject();
    view.addProperty("type", "home");
    view.add("blocks", render(query, l).blocks());
    try {
      gateway.publishHome(user, view.toString());
    } catch (SlackCallException e) {
      log.warn("home not published user={} error={}", user, e.error());
    }
  }

  private SlackMessage render(String query, Language l) {
    Texts t = new Texts(l);
    Blocks b = new Blocks().header("Runtime Doctor").section(t.homeHowTo()).divider();
    b.input(
        SEARCH_BLOCK,
        SlackSurface.ACTION_HOME_SEARCH_INPUT,
        t.searchLabel(),
        t.searchPlaceholder(),
        query);
    b.sectionButton(t.searchHint(), SlackSurface.ACTION_HOME_SEARCH, t.searchButton(), "search");
    if (!query.isEmpty()) {
      b.section(results(query, l, t));
    }
    b.divider().header(t.knownIssuesTitle());
    Map<String, Map<String, List<Entry>>> byPack = new LinkedHashMap<>();
    for (Entry e : service.knowledge().entries()) {
      byPack
          .computeIfAbsent(e.pack(), p -> new TreeMap<>())
          .computeIfAbsent(e.area(), a -> new ArrayList<>())
          .add(e);
    }
    byPack.forEach(
        (pack, byArea) -> {
          b.section("*" + Mrkdwn.escape(KnowledgeTexts.pack(pack, l)) + "* · " + Mrkdwn.code(pack));
          byArea.forEach(
              (area, entries) -> {
                StringBuilder sb = new StringBuilder("_").append(Mrkdwn.escape(area)).append('_');
                for (Entry e : entries.stream().sorted(Comparator.comparing(Entry::id)).toList()) {
                  sb.append("\n• ")
                      .append(Mrkdwn.escape(e.title().get(l)))
                      .append(' ')
                      .append(Mrkdwn.code(e.id()));
                }
                b.section(sb.toString());
              });
        });
    b.context(List.of(t.homeFooter(service.knowledge().size())));
    return b.build(t.helpFallback(), t.homeTruncated());
  }

  /** Entries whose id or title holds the query, then the diagnosis of it as a paste. */
  private String results(String query, Language l, Texts t) {
    String q = query.toLowerCase(Locale.ROOT);
    Map<String, String> found = new LinkedHashMap<>();
    for (Entry e : service.knowledge().entries()) {
      if (found.size() < RESULTS
          && (e.id().contains(q)
              || e.title().get(Language.IT).toLowerCase(Locale.ROOT).contains(q)
              || e.title().get(Language.EN).toLowerCase(Locale.ROOT).contains(q))) {
        found.put(e.id(), line(e, l, Optional.empty()));
      }
    }
    for (Match m : diagnoser.diagnose(query).matches()) {
      if (found.size() < RESULTS) {
        found.putIfAbsent(m.entry().id(), line(m.entry(), l, Optional.of(m.confidence())));
      }
    }
    String q1 = Mrkdwn.code(query);
    return found.isEmpty()
        ? t.nothingFound(q1)
        : t.resultsFor(q1) + "\n" + String.join("\n", found.values());
  }

  private static String line(Entry e, Language l, Optional<Double> confidence) {
    return "• *"
        + Mrkdwn.escape(e.title().get(l))
        + "* "
        + Mrkdwn.code(e.id())
        + confidence.map(c -> String.format(Locale.ROOT, " (%.2f)", c)).orElse("")
        + " — "
        + Mrkdwn.code(SlackSurface.COMMAND + " show " + e.id());
  }
}

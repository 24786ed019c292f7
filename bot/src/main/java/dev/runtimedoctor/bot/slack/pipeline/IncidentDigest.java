package dev.runtimedoctor.bot.slack.pipeline;

import com.github.benmanes.caffeine.cache.Cache;
import com.slack.api.model.Message;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import dev.runtimedoctor.bot.slack.BotIdentity;
import dev.runtimedoctor.bot.slack.SlackMetrics;
import dev.runtimedoctor.bot.slack.api.SlackCallException;
import dev.runtimedoctor.bot.slack.api.SlackGateway;
import dev.runtimedoctor.bot.slack.api.SlackMessage;
import dev.runtimedoctor.bot.slack.render.AnswerRenderer;
import dev.runtimedoctor.bot.slack.render.MessageTags;
import dev.runtimedoctor.bot.slack.state.Caches;
import dev.runtimedoctor.knowledge.entry.Language;
import dev.runtimedoctor.knowledge.match.Match;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One digest message per incident channel instead of a reply per paste: posted when the first known
 * issue shows up there, and updated with {@code chat.update} when a distinct one does, each line
 * linking to the paste that showed it. The same issue again changes nothing.
 *
 * <p>The digest lives in Slack, not here: its lines carry block ids naming their entries, so a
 * restarted bot or another replica finds it in the channel's history and adds to it rather than
 * posting a second one, and every update re-reads it first to keep lines another replica added.
 */
public final class IncidentDigest {
  private static final Logger log = LoggerFactory.getLogger(IncidentDigest.class);

  /** Channel messages searched for an existing digest. */
  private static final int HISTORY_LOOKUP = 100;

  private static final int MAX_CHANNELS = 10_000;

  /** A channel's digest as last seen: its ts and its lines by entry, in order. */
  private record State(String ts, Map<String, String> lines) {
    State {
      lines = new LinkedHashMap<>(lines);
    }
  }

  private final BotIdentity self;
  private final SlackGateway gateway;
  private final AnswerRenderer renderer;
  private final Language language;
  private final SlackMetrics metrics;
  private final Object[] stripes = new Object[64];
  private final Cache<String, State> states = Caches.bounded(MAX_CHANNELS);

  public IncidentDigest(
      BotIdentity self,
      SlackGateway gateway,
      AnswerRenderer renderer,
      Language language,
      SlackMetrics metrics) {
    this.self = self;
    this.gateway = gateway;
    this.renderer = renderer;
    this.language = language;
    this.metrics = metrics;
    for (int i = 0; i < stripes.length; i++) {
      stripes[i] = new Object();
    }
  }

  /** Known issues {@code matches} were detected in the message {@code ts} of {@code channel}. */
  void record(String channel, String ts, List<Match> matches) {
    // One channel at a time, so that two pastes at once cannot post two digests.
    synchronized (stripes[Math.floorMod(channel.hashCode(), stripes.length)]) {
      Optional<State> known = state(channel);
      if (known.isPresent() && fresh(known.get(), matches).isEmpty()) {
        metrics.dropped("in_digest");
        return;
      }
      Optional<State> current = known.isPresent() ? reread(channel, known.get()) : find(channel);
      List<Match> fresh = current.map(s -> fresh(s, matches)).orElse(matches);
      if (fresh.isEmpty()) {
        current.ifPresent(s -> remember(channel, s));
        metrics.dropped("in_digest");
        return;
      }
      Map<String, String> lines = new LinkedHashMap<>(current.map(State::lines).orElse(Map.of()));
      String link = link(channel, ts);
      for (Match m : fresh) {
        lines.put(m.entry().id(), renderer.digestLine(m.entry(), link, ts, language));
      }
      publish(channel, current, lines);
    }
  }

  private void publish(String channel, Optional<State> current, Map<String, String> lines) {
    SlackMessage msg = renderer.digest(lines, language);
    try {
      if (current.isPresent()) {
        try {
          gateway.updateMessage(channel, current.get().ts(), msg);
          remember(channel, new State(current.get().ts(), lines));
          metrics.digest("updated");
          log.info("digest updated channel={} entries={}", channel, lines.keySet());
          return;
        } catch (SlackCallException e) {
          if (!"message_not_found".equals(e.error())) {
            throw e;
          }
          // Someone deleted the digest: start a new one.
        }
      }
      String ts = gateway.postMessage(channel, Optional.empty(), msg);
      metrics.digest("posted");
      log.info("digest posted channel={} entries={}", channel, lines.keySet());
      remember(channel, settle(channel, ts, lines));
    } catch (SlackCallException e) {
      log.error("digest not published channel={} error={}", channel, e.error());
    }
  }

  /**
   * Two replicas that see a channel's first issue at the same moment both post a digest. Each then
   * reads the channel back and keeps the oldest digest: the one that posted later folds its lines
   * into it and deletes its own, so one digest remains whatever the timing.
   */
  private State settle(String channel, String ts, Map<String, String> lines) {
    State mine = new State(ts, lines);
    Optional<State> oldest;
    try {
      oldest =
          gateway.history(channel, Optional.empty(), HISTORY_LOOKUP).stream()
              .filter(self::posted)
              .map(m -> parse(m))
              .flatMap(Optional::stream)
              .min(Comparator.comparing(s -> new BigDecimal(s.ts())));
    } catch (SlackCallException e) {
      log.warn("digest settle lookup failed channel={} error={}", channel, e.error());
      return mine;
    }
    if (oldest.isEmpty() || new BigDecimal(oldest.get().ts()).compareTo(new BigDecimal(ts)) >= 0) {
      return mine;
    }
    Map<String, String> merged = new LinkedHashMap<>(oldest.get().lines());
    lines.forEach(merged::putIfAbsent);
    try {
      gateway.updateMessage(channel, oldest.get().ts(), renderer.digest(merged, language));
      gateway.deleteMessage(channel, ts);
      metrics.digest("merged");
      log.info("digest merged into an earlier one channel={} entries={}", channel, merged.keySet());
      return new State(oldest.get().ts(), merged);
    } catch (SlackCallException e) {
      log.warn("digest merge failed channel={} error={}", channel, e.error());
      return mine;
    }
  }

  private static List<Match> fresh(State s, List<Match> matches) {
    return matches.stream().filter(m -> !s.lines().containsKey(m.entry().id())).toList();
  }

  /** The channel's existing digest, from its recent history. */
  private Optional<State> find(String channel) {
    try {
      return gateway.history(channel, Optional.empty(), HISTORY_LOOKUP).stream()
          .filter(self::posted)
          .map(m -> parse(m))
          .flatMap(Optional::stream)
          .findFirst();
    } catch (SlackCallException e) {
      log.warn("digest lookup failed channel={} error={}", channel, e.error());
      return Optional.empty();
    }
  }

  /** The digest as it is now in Slack, with lines another replica may have added. */
  private Optional<State> reread(String channel, State known) {
    try {
      Optional<State> now =
          gateway.history(channel, Optional.of(known.ts()), 1).stream()
              .filter(m -> known.ts().equals(m.getTs()) && self.posted(m))
              .map(m -> parse(m))
              .flatMap(Optional::stream)
              .findFirst();
      if (now.isEmpty()) {
        return Optional.of(known);
      }
      Map<String, String> merged = new LinkedHashMap<>(now.get().lines());
      known.lines().forEach(merged::putIfAbsent);
      return Optional.of(new State(known.ts(), merged));
    } catch (SlackCallException e) {
      log.warn("digest re-read failed channel={} error={}", channel, e.error());
      return Optional.of(known);
    }
  }

  private static Optional<State> parse(Message m) {
    if (m.getBlocks() == null
        || m.getBlocks().stream().noneMatch(b -> MessageTags.DIGEST.equals(b.getBlockId()))) {
      return Optional.empty();
    }
    Map<String, String> lines = new LinkedHashMap<>();
    for (LayoutBlock b : m.getBlocks()) {
      Optional<String> entry = MessageTags.digestEntry(b.getBlockId());
      if (entry.isPresent() && b instanceof SectionBlock s && s.getText() != null) {
        lines.put(entry.get(), s.getText().getText());
      }
    }
    return Optional.of(new State(m.getTs(), lines));
  }

  private Optional<State> state(String channel) {
    return Optional.ofNullable(states.getIfPresent(channel));
  }

  private void remember(String channel, State s) {
    states.put(channel, s);
  }

  /** A link to the paste: Slack's permalink, else one built from the workspace's address. */
  private String link(String channel, String ts) {
    try {
      return gateway.permalink(channel, ts);
    } catch (SlackCallException e) {
      log.info("permalink unavailable channel={} error={}", channel, e.error());
      String base = self.url().isEmpty() ? "https://slack.com/" : self.url();
      return (base.endsWith("/") ? base : base + "/")
          + "archives/"
          + channel
          + "/p"
          + ts.replace(".", "");
    }
  }
}

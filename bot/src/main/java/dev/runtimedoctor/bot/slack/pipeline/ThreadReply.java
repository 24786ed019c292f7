package dev.runtimedoctor.bot.slack.pipeline;

import com.slack.api.model.Message;
import dev.runtimedoctor.bot.slack.BotIdentity;
import dev.runtimedoctor.bot.slack.SlackMetrics;
import dev.runtimedoctor.bot.slack.Texts;
import dev.runtimedoctor.bot.slack.api.SlackCallException;
import dev.runtimedoctor.bot.slack.api.SlackGateway;
import dev.runtimedoctor.bot.slack.api.SlackMessage;
import dev.runtimedoctor.bot.slack.render.Answer;
import dev.runtimedoctor.bot.slack.render.AnswerRenderer;
import dev.runtimedoctor.bot.slack.render.MessageTags;
import dev.runtimedoctor.bot.slack.state.ChannelRateLimit;
import dev.runtimedoctor.bot.slack.state.RecentKeys;
import dev.runtimedoctor.knowledge.entry.Language;
import dev.runtimedoctor.knowledge.match.Diagnosis;
import dev.runtimedoctor.knowledge.match.Match;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last stage for a message: says what {@link ReplyPolicy} decided, in the language chosen for
 * the message. Renders and posts the answer in the message's thread, once per entry per thread,
 * under the channel's answer cap; updates an incident channel's digest; tells plainly that a file
 * could not be read.
 *
 * <p>Several replicas may see the same message (a retry delivered to another one, a restart):
 * before answering, the thread is read to skip entries the bot already answered there, and after
 * posting it is read again, so that of two answers posted at once the later one is deleted.
 */
public final class ThreadReply {
  private static final Logger log = LoggerFactory.getLogger(ThreadReply.class);

  private final BotIdentity self;
  private final Diagnoser diagnoser;
  private final SlackGateway gateway;
  private final IncidentDigest digest;
  private final ChannelRateLimit rateLimit;
  private final RecentKeys answeredInThread;
  private final RecentKeys notices;
  private final SlackMetrics metrics;
  private final AnswerRenderer renderer;

  /**
   * @param diagnoser renders answers and remembers them for their buttons
   * @param answeredInThread entries this instance answered per thread
   * @param notices channels recently told that a file could not be read
   */
  public ThreadReply(
      BotIdentity self,
      Diagnoser diagnoser,
      SlackGateway gateway,
      IncidentDigest digest,
      ChannelRateLimit rateLimit,
      RecentKeys answeredInThread,
      RecentKeys notices,
      SlackMetrics metrics,
      AnswerRenderer renderer) {
    this.self = self;
    this.diagnoser = diagnoser;
    this.gateway = gateway;
    this.digest = digest;
    this.rateLimit = rateLimit;
    this.answeredInThread = answeredInThread;
    this.notices = notices;
    this.metrics = metrics;
    this.renderer = renderer;
  }

  /** Records the message's confident matches in its incident channel's digest. */
  void digest(IncomingMessage m, Diagnosis d) {
    digest.record(m.channel(), m.ts(), d.confident());
  }

  /** Tells someone who mentioned the bot without a paste what to mention it with. */
  void mentionEmpty(IncomingMessage m, Language l, long start) {
    post(m, renderer.text(new Texts(l).mentionEmpty()), List.of(), start);
  }

  /** "No known issue" for someone who asked about {@code text}, in {@code l}. */
  void noMatch(
      IncomingMessage m, String text, Diagnosis d, Language l, String surface, long start) {
    SlackMessage none = diagnoser.noMatch(text, d, l, surface);
    post(m, none, List.of(), start).ifPresent(ts -> diagnoser.accepted(none, surface));
  }

  /**
   * The answer to a confident diagnosis, in {@code l}; {@code capped}: the channel's answer cap
   * applies.
   */
  void answer(
      IncomingMessage m,
      Diagnosis d,
      Language l,
      boolean asked,
      boolean capped,
      String surface,
      long start) {
    // Once per entry per thread: a second paste of the same error in a thread is not answered.
    List<Match> fresh = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    for (Match match : d.confident()) {
      String key = "answered:" + m.channel() + ":" + m.answerThread() + ":" + match.entry().id();
      if (answeredInThread.firstTime(key) || asked) {
        fresh.add(match);
        keys.add(key);
      }
    }
    if (!m.direct() && !fresh.isEmpty()) {
      fresh = notAnsweredYet(m, fresh, asked);
    }
    if (fresh.isEmpty()) {
      metrics.dropped("already_answered");
      return;
    }
    if (capped && !rateLimit.tryAcquire(m.channel())) {
      keys.forEach(answeredInThread::forget);
      metrics.dropped("rate_limited");
      log.info("channel answer cap reached channel={}", m.channel());
      return;
    }
    Answer a = new Answer(fresh, l, d.paste().truncation());
    SlackMessage msg = diagnoser.inThread(d, a, m.channel(), m.ts());
    Optional<String> ts = post(m, msg, keys, start);
    if (ts.isEmpty()) {
      return;
    }
    diagnoser.accepted(msg, surface);
    log.info(
        "answered channel={} thread={} entries={} surface={}",
        m.channel(),
        m.answerThread(),
        a.entryIds(),
        surface);
    if (!m.direct()) {
      withdrawIfDuplicate(m, ts.get(), a.entryIds(), asked);
    }
  }

  /**
   * The matches the bot has not answered in the thread yet, by any instance: for a question, none
   * if this very message was answered; otherwise those whose entry no answer there names.
   */
  private List<Match> notAnsweredYet(IncomingMessage m, List<Match> fresh, boolean asked) {
    List<MessageTags.Answered> previous;
    try {
      previous = answers(gateway.thread(m.channel(), m.answerThread()), Optional.empty());
    } catch (SlackCallException e) {
      // Answering twice is better than not answering.
      log.warn("thread unreadable channel={} error={}", m.channel(), e.error());
      return fresh;
    }
    if (asked) {
      boolean done = previous.stream().anyMatch(p -> p.source().equals(Optional.of(m.ts())));
      return done ? List.of() : fresh;
    }
    Set<String> done =
        previous.stream().map(MessageTags.Answered::entry).collect(Collectors.toSet());
    return fresh.stream().filter(x -> !done.contains(x.entry().id())).toList();
  }

  /**
   * Deletes the answer just posted as {@code ts} if an earlier one in the thread already says the
   * same: another replica answered the same message at the same moment.
   */
  private void withdrawIfDuplicate(
      IncomingMessage m, String ts, List<String> entries, boolean asked) {
    try {
      List<MessageTags.Answered> earlier =
          answers(gateway.thread(m.channel(), m.answerThread()), Optional.of(ts));
      boolean duplicate =
          asked
              ? earlier.stream().anyMatch(p -> p.source().equals(Optional.of(m.ts())))
              : earlier.stream()
                  .map(MessageTags.Answered::entry)
                  .collect(Collectors.toSet())
                  .containsAll(entries);
      if (duplicate) {
        gateway.deleteMessage(m.channel(), ts);
        metrics.dropped("replica");
        log.info("duplicate answer withdrawn channel={} thread={}", m.channel(), m.answerThread());
      }
    } catch (SlackCallException e) {
      log.warn("duplicate check failed channel={} error={}", m.channel(), e.error());
    }
  }

  /** What the bot's answers among {@code thread} name; with {@code before}, only older ones. */
  private List<MessageTags.Answered> answers(List<Message> thread, Optional<String> before) {
    List<MessageTags.Answered> out = new ArrayList<>();
    for (Message msg : thread) {
      if (!self.posted(msg) || msg.getBlocks() == null) {
        continue;
      }
      if (before.isPresent() && !older(msg.getTs(), before.get())) {
        continue;
      }
      msg.getBlocks().forEach(b -> MessageTags.answered(b.getBlockId()).ifPresent(out::add));
    }
    return out;
  }

  private static boolean older(String ts, String than) {
    if (ts == null) {
      return false;
    }
    try {
      return new BigDecimal(ts).compareTo(new BigDecimal(than)) < 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /**
   * Says plainly that a file could not be read for lack of {@code files:read}: once an hour per
   * channel unless asked.
   */
  void unreadable(IncomingMessage m, List<String> files, boolean asked, Language l, long start) {
    if (!notices.firstTime("unreadable:" + m.channel()) && !asked) {
      return;
    }
    post(m, renderer.text(new Texts(l).filesUnreadable(files)), List.of(), start);
  }

  private Optional<String> post(
      IncomingMessage m, SlackMessage msg, List<String> keys, long start) {
    // In a DM a reply in the conversation reads better than a thread under every message.
    Optional<String> thread = m.direct() ? m.threadTs() : Optional.of(m.answerThread());
    try {
      String ts = gateway.postMessage(m.channel(), thread, msg);
      metrics.answered(start);
      return Optional.ofNullable(ts);
    } catch (SlackCallException e) {
      // Forget the thread's keys so that the next paste of the error may try again.
      keys.forEach(answeredInThread::forget);
      log.error("answer not posted channel={} error={}", m.channel(), e.error());
      return Optional.empty();
    }
  }
}

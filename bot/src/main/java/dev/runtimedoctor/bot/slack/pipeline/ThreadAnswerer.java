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
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers messages in the channels the bot is in: a recognised error gets the answer in the
 * message's thread, once per entry per thread; anything else gets silence. In incident channels the
 * channel's digest is updated instead. Mentions and direct messages are questions and always get an
 * answer. Runs on a worker, after the acknowledgement.
 *
 * <p>Several replicas may see the same message (a retry delivered to another one, a restart):
 * before answering, the thread is read to skip entries the bot already answered there, and after
 * posting it is read again, so that of two answers posted at once the later one is deleted.
 */
public final class ThreadAnswerer {
  private static final Logger log = LoggerFactory.getLogger(ThreadAnswerer.class);

  /** Subtypes that carry text a person wrote; others (joins, topic changes, …) are not pastes. */
  private static final Set<String> READABLE =
      Set.of("file_share", "thread_broadcast", "me_message");

  private static final Pattern MENTION = Pattern.compile("<@[UW][A-Z0-9]+(?:\\|[^>]*)?>");

  private final BotIdentity self;
  private final Diagnoser diagnoser;
  private final SlackGateway gateway;
  private final PasteReader reader;
  private final IncidentChannels incidents;
  private final IncidentDigest digest;
  private final ChannelRateLimit rateLimit;
  private final RecentKeys seenMessages;
  private final RecentKeys answeredInThread;
  private final RecentKeys notices;
  private final SlackMetrics metrics;
  private final AnswerRenderer renderer;

  /**
   * @param seenMessages messages already handled (a message and its mention arrive twice)
   * @param answeredInThread entries this instance answered per thread
   * @param notices channels recently told that a file could not be read
   */
  public ThreadAnswerer(
      BotIdentity self,
      Diagnoser diagnoser,
      SlackGateway gateway,
      PasteReader reader,
      IncidentChannels incidents,
      IncidentDigest digest,
      ChannelRateLimit rateLimit,
      RecentKeys seenMessages,
      RecentKeys answeredInThread,
      RecentKeys notices,
      SlackMetrics metrics,
      AnswerRenderer renderer) {
    this.self = self;
    this.diagnoser = diagnoser;
    this.gateway = gateway;
    this.reader = reader;
    this.incidents = incidents;
    this.digest = digest;
    this.rateLimit = rateLimit;
    this.seenMessages = seenMessages;
    this.answeredInThread = answeredInThread;
    this.notices = notices;
    this.metrics = metrics;
    this.renderer = renderer;
  }

  /** Whether the bot should look at a message at all: not from a bot, not from itself. */
  public boolean fromPerson(IncomingMessage m) {
    return m.botId().isEmpty()
        && !m.subtype().equals(Optional.of("bot_message"))
        && !m.user().isEmpty()
        && !m.user().equals(BotIdentity.SLACKBOT)
        && !m.user().equals(self.userId());
  }

  /** A message posted in a channel, a thread or a DM. */
  public void onMessage(IncomingMessage m, long startNanos) {
    if (m.subtype().isPresent() && !READABLE.contains(m.subtype().get())) {
      return;
    }
    // A message that mentions the bot also arrives as app_mention, which answers it.
    if (m.text().contains("<@" + self.userId())) {
      return;
    }
    if (!seenMessages.firstTime("msg:" + m.channel() + ":" + m.ts())) {
      metrics.dropped("duplicate");
      return;
    }
    handle(m, m.text(), m.files(), m.direct(), "thread", startNanos);
  }

  /** An edit: read again once, if the text really changed (a link preview also "edits"). */
  public void onEdit(IncomingMessage m, long startNanos) {
    if (m.previousText().map(p -> p.equals(m.text())).orElse(false)) {
      return;
    }
    if (m.text().contains("<@" + self.userId())) {
      return;
    }
    if (!seenMessages.firstTime("edit:" + m.channel() + ":" + m.ts())) {
      return;
    }
    handle(m, m.text(), m.files(), m.direct(), "edit", startNanos);
  }

  /** A mention: the text after it, or the thread's parent message when the mention is bare. */
  public void onMention(IncomingMessage m, long startNanos) {
    if (!seenMessages.firstTime("msg:" + m.channel() + ":" + m.ts())) {
      metrics.dropped("duplicate");
      return;
    }
    String text = MENTION.matcher(m.text()).replaceAll(" ").strip();
    List<IncomingMessage.SharedFile> files = m.files();
    if (text.isEmpty() && files.isEmpty() && m.threadTs().isPresent()) {
      try {
        Optional<Message> parent = gateway.threadParent(m.channel(), m.threadTs().get());
        text = parent.map(Message::getText).map(t -> MENTION.matcher(t).replaceAll(" ")).orElse("");
        files = parent.map(p -> PasteReader.files(p.getFiles())).orElse(List.of());
      } catch (SlackCallException e) {
        log.warn("thread parent unavailable channel={} error={}", m.channel(), e.error());
      }
    }
    if (text.isBlank() && files.isEmpty()) {
      Language l = diagnoser.language(m.user(), Optional.empty());
      post(m, renderer.text(new Texts(l).mentionEmpty()), List.of(), startNanos);
      return;
    }
    handle(m, text, files, true, "mention", startNanos);
  }

  private void handle(
      IncomingMessage m,
      String text,
      List<IncomingMessage.SharedFile> files,
      boolean asked,
      String surface,
      long start) {
    PasteReader.Paste paste = reader.read(text, files);
    boolean incident = !m.direct() && incidents.isIncident(m.channel(), m.channelType());
    if (!paste.unreadable().isEmpty() && ReplyPolicy.tellUnreadable(incident, asked)) {
      unreadable(m, paste.unreadable(), asked, start);
    }
    Diagnosis d = diagnoser.diagnose(paste.text());
    ReplyPolicy.Decision decision = ReplyPolicy.decide(incident, asked, d.reply());
    if (decision.updateDigest()) {
      digest.record(m.channel(), m.ts(), d.confident());
    }
    switch (decision.reply()) {
      case ANSWER -> answer(m, paste.text(), d, asked, decision.capped(), surface, start);
      case NO_MATCH -> noMatch(m, paste.text(), d, surface, start);
      case SILENT -> {}
    }
  }

  private void noMatch(IncomingMessage m, String text, Diagnosis d, String surface, long start) {
    Language l = diagnoser.language(m.user(), d.language());
    SlackMessage none = diagnoser.noMatch(text, d, l, surface);
    post(m, none, List.of(), start).ifPresent(ts -> diagnoser.accepted(none, surface));
  }

  /** The answer to a confident diagnosis; {@code capped}: the channel's answer cap applies. */
  private void answer(
      IncomingMessage m,
      String text,
      Diagnosis d,
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
    Answer a = new Answer(fresh, diagnoser.language(m.user(), d.language()), d.truncated());
    SlackMessage msg = diagnoser.inThread(text, a, surface, m.channel(), m.ts());
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
  private void unreadable(IncomingMessage m, List<String> files, boolean asked, long start) {
    if (!notices.firstTime("unreadable:" + m.channel()) && !asked) {
      return;
    }
    Language l = diagnoser.language(m.user(), Optional.empty());
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

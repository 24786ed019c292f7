package dev.runtimedoctor.bot.slack;

import dev.runtimedoctor.knowledge.entry.Language;
import dev.runtimedoctor.knowledge.match.Diagnosis;
import dev.runtimedoctor.knowledge.match.Match;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers messages in the channels the bot is in: a recognised error gets the answer in the
 * message's thread, once per entry per thread; anything else gets silence. Mentions and direct
 * messages are questions and always get an answer. Runs on a worker, after the acknowledgement.
 */
public final class ThreadAnswerer {
  private static final Logger log = LoggerFactory.getLogger(ThreadAnswerer.class);

  /** Subtypes that carry text a person wrote; others (joins, topic changes, …) are not pastes. */
  private static final Set<String> READABLE =
      Set.of("file_share", "thread_broadcast", "me_message");

  /** The largest snippet file read. */
  private static final int MAX_FILE_BYTES = 1 << 20;

  private static final Pattern MENTION = Pattern.compile("<@[UW][A-Z0-9]+(?:\\|[^>]*)?>");

  private final BotIdentity self;
  private final Diagnoser diagnoser;
  private final SlackGateway gateway;
  private final ChannelRateLimit rateLimit;
  private final RecentKeys seenMessages;
  private final RecentKeys answeredInThread;
  private final SlackMetrics metrics;

  public ThreadAnswerer(
      BotIdentity self,
      Diagnoser diagnoser,
      SlackGateway gateway,
      ChannelRateLimit rateLimit,
      RecentKeys seenMessages,
      RecentKeys answeredInThread,
      SlackMetrics metrics) {
    this.self = self;
    this.diagnoser = diagnoser;
    this.gateway = gateway;
    this.rateLimit = rateLimit;
    this.seenMessages = seenMessages;
    this.answeredInThread = answeredInThread;
    this.metrics = metrics;
  }

  /** Whether the bot should look at a message at all: not from a bot, not from itself. */
  public boolean fromPerson(IncomingMessage m) {
    return m.botId().isEmpty()
        && !m.subtype().equals(Optional.of("bot_message"))
        && !m.user().isEmpty()
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
    answer(m, text(m), m.direct(), "thread", startNanos);
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
    answer(m, text(m), m.direct(), "edit", startNanos);
  }

  /** A mention: the text after it, or the thread's first message when the mention is bare. */
  public void onMention(IncomingMessage m, long startNanos) {
    if (!seenMessages.firstTime("msg:" + m.channel() + ":" + m.ts())) {
      metrics.dropped("duplicate");
      return;
    }
    String text = MENTION.matcher(text(m)).replaceAll(" ").strip();
    if (text.isEmpty() && m.threadTs().isPresent()) {
      try {
        text = gateway.threadParentText(m.channel(), m.threadTs().get()).orElse("");
      } catch (SlackCallException e) {
        log.warn("thread parent unavailable channel={} error={}", m.channel(), e.error());
      }
    }
    if (text.isBlank()) {
      Language l = diagnoser.language(m.user(), Optional.empty());
      post(m, new AnswerRenderer().text(new Texts(l).mentionEmpty()), List.of(), startNanos);
      return;
    }
    answer(m, text, true, "mention", startNanos);
  }

  private void answer(IncomingMessage m, String text, boolean asked, String surface, long start) {
    Diagnosis d = diagnoser.diagnose(text);
    if (!d.reply()) {
      if (asked) {
        post(
            m,
            diagnoser.noMatch(d, diagnoser.language(m.user(), d.language()), surface),
            List.of(),
            start);
      }
      return;
    }
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
    if (fresh.isEmpty()) {
      metrics.dropped("already_answered");
      return;
    }
    if (!asked && !rateLimit.tryAcquire(m.channel())) {
      keys.forEach(answeredInThread::forget);
      metrics.dropped("rate_limited");
      log.info("channel answer cap reached channel={}", m.channel());
      return;
    }
    Answer a = new Answer(fresh, diagnoser.language(m.user(), d.language()), d.truncated());
    if (!post(m, diagnoser.inThread(a, surface), keys, start)) {
      return;
    }
    log.info(
        "answered channel={} thread={} entries={} surface={}",
        m.channel(),
        m.answerThread(),
        a.entryIds(),
        surface);
  }

  private boolean post(IncomingMessage m, SlackMessage msg, List<String> keys, long start) {
    // In a DM a reply in the conversation reads better than a thread under every message.
    Optional<String> thread = m.direct() ? m.threadTs() : Optional.of(m.answerThread());
    try {
      gateway.postMessage(m.channel(), thread, msg);
      metrics.answered(start);
      return true;
    } catch (SlackCallException e) {
      // Forget the thread's keys so that the next paste of the error may try again.
      keys.forEach(answeredInThread::forget);
      log.error("answer not posted channel={} error={}", m.channel(), e.error());
      return false;
    }
  }

  /** The message's text and the text of its snippet files. */
  private String text(IncomingMessage m) {
    StringBuilder sb = new StringBuilder(m.text());
    for (IncomingMessage.SharedFile f : m.files()) {
      if (!textual(f) || f.url() == null || f.size() > MAX_FILE_BYTES) {
        continue;
      }
      try {
        sb.append('\n').append(gateway.downloadText(f.url(), MAX_FILE_BYTES));
      } catch (SlackCallException e) {
        log.warn("file not read file={} error={}", f.id(), e.error());
      }
    }
    return sb.toString();
  }

  private static boolean textual(IncomingMessage.SharedFile f) {
    String mime = f.mimetype() == null ? "" : f.mimetype();
    String type = f.filetype() == null ? "" : f.filetype();
    return mime.startsWith("text/")
        || mime.equals("application/json")
        || mime.equals("application/x-yaml")
        || Set.of("text", "log", "yaml", "json", "shell", "javascript", "go", "java", "python")
            .contains(type);
  }
}

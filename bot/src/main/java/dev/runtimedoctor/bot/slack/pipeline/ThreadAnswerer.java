package dev.runtimedoctor.bot.slack.pipeline;

import dev.runtimedoctor.knowledge.entry.Language;
import dev.runtimedoctor.knowledge.match.Diagnosis;
import java.util.Optional;

/**
 * Answers messages in the channels the bot is in, by running each one through the stages in one
 * direction: {@link Admission}, {@link PasteReading}, {@link Diagnoser}, {@link ReplyPolicy},
 * {@link ThreadReply}. A recognised error gets the answer in the message's thread; anything else
 * gets silence; in incident channels the channel's digest is updated instead. Mentions and direct
 * messages are questions and always get an answer. Runs on a worker, after the acknowledgement.
 *
 * <p>The language is chosen once per message, before anything is said, from the person's choice,
 * the paste's words and their Slack locale ({@link AnswerLanguage}); it is not looked up for a
 * message the bot keeps silent about, as the locale may cost a call to Slack.
 */
public final class ThreadAnswerer {
  private final Admission admission;
  private final PasteReading reading;
  private final IncidentChannels incidents;
  private final Diagnoser diagnoser;
  private final ThreadReply reply;

  public ThreadAnswerer(
      Admission admission,
      PasteReading reading,
      IncidentChannels incidents,
      Diagnoser diagnoser,
      ThreadReply reply) {
    this.admission = admission;
    this.reading = reading;
    this.incidents = incidents;
    this.diagnoser = diagnoser;
    this.reply = reply;
  }

  /** Whether the bot should look at a message at all: not from a bot, not from itself. */
  public boolean fromPerson(IncomingMessage m) {
    return admission.fromPerson(m);
  }

  /** A message posted in a channel, a thread or a DM. */
  public void onMessage(IncomingMessage m, long startNanos) {
    if (admission.message(m)) {
      answer(m, reading.message(m), m.direct(), "thread", startNanos);
    }
  }

  /** An edit: read again once, if the text really changed. */
  public void onEdit(IncomingMessage m, long startNanos) {
    if (admission.edit(m)) {
      answer(m, reading.message(m), m.direct(), "edit", startNanos);
    }
  }

  /** A mention: the text after it, or the thread's parent message when the mention is bare. */
  public void onMention(IncomingMessage m, long startNanos) {
    if (!admission.mention(m)) {
      return;
    }
    Optional<PasteReader.Paste> paste = reading.mention(m);
    if (paste.isEmpty()) {
      reply.mentionEmpty(m, diagnoser.language(m.user(), Optional.empty()), startNanos);
      return;
    }
    answer(m, paste.get(), true, "mention", startNanos);
  }

  private void answer(
      IncomingMessage m, PasteReader.Paste paste, boolean asked, String surface, long start) {
    boolean incident = !m.direct() && incidents.isIncident(m.channel(), m.channelType());
    Diagnosis d = diagnoser.diagnose(paste.text());
    boolean unreadable =
        !paste.unreadable().isEmpty() && ReplyPolicy.tellUnreadable(incident, asked);
    ReplyPolicy.Decision decision = ReplyPolicy.decide(incident, asked, d.reply());
    if (decision.updateDigest()) {
      reply.digest(m, d);
    }
    if (!unreadable && decision.reply() == ReplyPolicy.Reply.SILENT) {
      return;
    }
    Language l = diagnoser.language(m.user(), d.language());
    if (unreadable) {
      reply.unreadable(m, paste.unreadable(), asked, l, start);
    }
    switch (decision.reply()) {
      case ANSWER -> reply.answer(m, d, l, asked, decision.capped(), surface, start);
      case NO_MATCH -> reply.noMatch(m, paste.text(), d, l, surface, start);
      case SILENT -> {}
    }
  }
}

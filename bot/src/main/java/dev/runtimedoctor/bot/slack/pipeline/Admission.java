package dev.runtimedoctor.bot.slack.pipeline;

import dev.runtimedoctor.bot.slack.BotIdentity;
import dev.runtimedoctor.bot.slack.SlackMetrics;
import dev.runtimedoctor.bot.slack.state.RecentKeys;
import java.util.Optional;
import java.util.Set;

/**
 * The first stage for a message: whether the bot looks at it at all. A message is admitted when a
 * person wrote it, it carries text a person wrote, and this instance has not handled it already (a
 * message and its mention arrive twice). The channel's answer cap is applied later, by {@link
 * ThreadReply}, because only an answer counts against it.
 */
public final class Admission {
  /** Subtypes that carry text a person wrote; others (joins, topic changes, …) are not pastes. */
  private static final Set<String> READABLE =
      Set.of("file_share", "thread_broadcast", "me_message");

  private final BotIdentity self;
  private final RecentKeys seenMessages;
  private final SlackMetrics metrics;

  /**
   * @param seenMessages messages already handled (a message and its mention arrive twice)
   */
  public Admission(BotIdentity self, RecentKeys seenMessages, SlackMetrics metrics) {
    this.self = self;
    this.seenMessages = seenMessages;
    this.metrics = metrics;
  }

  /** Whether the bot should look at a message at all: not from a bot, not from itself. */
  public boolean fromPerson(IncomingMessage m) {
    return m.botId().isEmpty()
        && !m.subtype().equals(Optional.of("bot_message"))
        && !m.user().isEmpty()
        && !m.user().equals(BotIdentity.SLACKBOT)
        && !m.user().equals(self.userId());
  }

  /** A message posted in a channel, a thread or a DM, the first time it is seen. */
  boolean message(IncomingMessage m) {
    if (m.subtype().isPresent() && !READABLE.contains(m.subtype().get())) {
      return false;
    }
    // A message that mentions the bot also arrives as app_mention, which answers it.
    if (mentionsBot(m)) {
      return false;
    }
    if (!seenMessages.firstTime("msg:" + m.channel() + ":" + m.ts())) {
      metrics.dropped("duplicate");
      return false;
    }
    return true;
  }

  /** An edit, read again once if the text really changed (a link preview also "edits"). */
  boolean edit(IncomingMessage m) {
    if (m.previousText().map(p -> p.equals(m.text())).orElse(false)) {
      return false;
    }
    if (mentionsBot(m)) {
      return false;
    }
    return seenMessages.firstTime("edit:" + m.channel() + ":" + m.ts());
  }

  /** A mention, the first time it is seen (its message may have arrived as a plain one too). */
  boolean mention(IncomingMessage m) {
    if (!seenMessages.firstTime("msg:" + m.channel() + ":" + m.ts())) {
      metrics.dropped("duplicate");
      return false;
    }
    return true;
  }

  private boolean mentionsBot(IncomingMessage m) {
    return m.text().contains("<@" + self.userId());
  }
}

package dev.runtimedoctor.bot.slack.pipeline;

/**
 * What the bot does with a diagnosed message, decided from three facts alone: whether the channel
 * is an incident channel, whether the person asked (a mention, a direct message) and whether the
 * diagnosis is confident enough to reply unasked. Pure, so that every case is one row of a table.
 */
final class ReplyPolicy {
  private ReplyPolicy() {}

  /** The reply in the thread (or the DM). */
  enum Reply {
    /** The answer, once per entry per thread. */
    ANSWER,
    /** "No known issue", for someone who asked. */
    NO_MATCH,
    /** Nothing: the bot was not asked and has nothing sure to say, or the digest says it. */
    SILENT
  }

  /**
   * @param updateDigest add the diagnosis to the incident channel's digest
   * @param reply what to post in the thread
   * @param capped whether the channel's answer cap applies (only to answers nobody asked for)
   */
  record Decision(boolean updateDigest, Reply reply, boolean capped) {}

  /**
   * The decision for a message diagnosed {@code confident} (the auto-reply threshold met) or not.
   */
  static Decision decide(boolean incident, boolean asked, boolean confident) {
    Reply reply;
    if (incident && !asked) {
      // In an incident channel the digest speaks for the bot unless someone asks.
      reply = Reply.SILENT;
    } else if (confident) {
      reply = Reply.ANSWER;
    } else {
      reply = asked ? Reply.NO_MATCH : Reply.SILENT;
    }
    return new Decision(incident && confident, reply, !asked);
  }

  /**
   * Whether to say that an attached file could not be read: always when asked, and unasked outside
   * incident channels (where the digest stays the only message).
   */
  static boolean tellUnreadable(boolean incident, boolean asked) {
    return asked || !incident;
  }
}

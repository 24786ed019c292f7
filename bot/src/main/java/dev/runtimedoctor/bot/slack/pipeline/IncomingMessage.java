package dev.runtimedoctor.bot.slack.pipeline;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A message event reduced to what the bot acts on, whatever its subtype.
 *
 * @param eventId Slack's id of the delivery, the same on every retry
 * @param subtype empty for a plain message; {@code file_share}, {@code thread_broadcast}, …
 * @param threadTs the thread the message is in, when it is a reply
 * @param files text files attached to the message (long pastes arrive as snippets)
 * @param previousText for an edit, the text before it
 */
public record IncomingMessage(
    String eventId,
    String channel,
    String channelType,
    String user,
    Optional<String> botId,
    Optional<String> subtype,
    String text,
    String ts,
    Optional<String> threadTs,
    List<SharedFile> files,
    Optional<String> previousText) {

  /**
   * A file shared with the message.
   *
   * @param url where to download it with the bot token; null when the event carried only the id
   */
  public record SharedFile(
      String id, String name, String url, String mimetype, String filetype, long size) {
    public SharedFile {
      name = name == null || name.isBlank() ? id : name;
    }
  }

  public IncomingMessage {
    Objects.requireNonNull(eventId, "eventId");
    channel = channel == null ? "" : channel;
    channelType = channelType == null ? "" : channelType;
    user = user == null ? "" : user;
    text = text == null ? "" : text;
    ts = ts == null ? "" : ts;
    files = List.copyOf(files);
  }

  /** The thread an answer goes to: the message's own thread, or a new one under it. */
  String answerThread() {
    return threadTs.orElse(ts);
  }

  /** Whether the message is a direct message to the bot. */
  public boolean direct() {
    return "im".equals(channelType);
  }
}

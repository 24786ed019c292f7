package dev.runtimedoctor.bot.slack.pipeline;

import com.slack.api.model.Message;
import dev.runtimedoctor.bot.slack.api.SlackCallException;
import dev.runtimedoctor.bot.slack.api.SlackGateway;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The second stage for a message: the paste it asks about, its text and the snippet files it
 * carries ({@link PasteReader}). A mention asks about the text after it or, when bare in a thread,
 * about the thread's parent message.
 */
public final class PasteReading {
  private static final Logger log = LoggerFactory.getLogger(PasteReading.class);

  private static final Pattern MENTION = Pattern.compile("<@[UW][A-Z0-9]+(?:\\|[^>]*)?>");

  private final PasteReader reader;
  private final SlackGateway gateway;

  public PasteReading(PasteReader reader, SlackGateway gateway) {
    this.reader = reader;
    this.gateway = gateway;
  }

  /** The paste of a message or an edit: its text and files. */
  PasteReader.Paste message(IncomingMessage m) {
    return reader.read(m.text(), m.files());
  }

  /** The paste a mention asks about; empty when it asks about nothing at all. */
  Optional<PasteReader.Paste> mention(IncomingMessage m) {
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
      return Optional.empty();
    }
    return Optional.of(reader.read(text, files));
  }
}

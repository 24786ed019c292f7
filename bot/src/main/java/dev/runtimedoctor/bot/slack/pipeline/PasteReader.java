package dev.runtimedoctor.bot.slack.pipeline;

import com.slack.api.model.File;
import dev.runtimedoctor.bot.slack.api.SlackCallException;
import dev.runtimedoctor.bot.slack.api.SlackGateway;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what a message gives to diagnose: its text and its text-like files (long pastes arrive as
 * snippets), each downloaded from {@code url_private_download} with the bot token and cut at
 * {@value #MAX_FILE_BYTES} bytes. A file Slack answers with its sign-in page — it does so, with
 * status 200, when the app lacks {@code files:read} — is named in the result so that the bot can
 * say so plainly.
 */
public final class PasteReader {
  private static final Logger log = LoggerFactory.getLogger(PasteReader.class);

  /** The most of one file read; the rest of a larger file is ignored. */
  static final int MAX_FILE_BYTES = 1 << 20;

  private static final Set<String> TEXT_TYPES =
      Set.of(
          "text",
          "log",
          "yaml",
          "json",
          "shell",
          "javascript",
          "go",
          "java",
          "python",
          "xml",
          "markdown",
          "diff",
          "csv",
          "plain");

  private final SlackGateway gateway;

  public PasteReader(SlackGateway gateway) {
    this.gateway = gateway;
  }

  /**
   * A message's text to diagnose.
   *
   * @param unreadable files Slack answered with a sign-in page instead of their content
   */
  public record Paste(String text, List<String> unreadable) {
    public Paste {
      unreadable = List.copyOf(unreadable);
    }
  }

  /** The message text followed by its text files. */
  public Paste read(String text, List<IncomingMessage.SharedFile> files) {
    StringBuilder sb = new StringBuilder(text);
    List<String> unreadable = new ArrayList<>();
    for (IncomingMessage.SharedFile f : files) {
      Optional<IncomingMessage.SharedFile> file = complete(f);
      if (file.isEmpty() || !textual(file.get()) || file.get().url() == null) {
        continue;
      }
      try {
        sb.append('\n').append(gateway.downloadText(file.get().url(), MAX_FILE_BYTES));
      } catch (SlackCallException e) {
        if ("missing_scope".equals(e.error())) {
          unreadable.add(file.get().name());
        }
        log.warn("file not read file={} error={}", f.id(), e.error());
      }
    }
    return new Paste(sb.toString(), unreadable);
  }

  /** The files of a message the Web API returned (a thread's parent, a shortcut's message). */
  public static List<IncomingMessage.SharedFile> files(List<File> files) {
    if (files == null) {
      return List.of();
    }
    return files.stream()
        .map(
            f ->
                new IncomingMessage.SharedFile(
                    f.getId(),
                    f.getName(),
                    f.getUrlPrivateDownload() != null
                        ? f.getUrlPrivateDownload()
                        : f.getUrlPrivate(),
                    f.getMimetype(),
                    f.getFiletype(),
                    f.getSize() == null ? 0 : f.getSize()))
        .toList();
  }

  /**
   * The file with its download URL: some share events carry only the file's id ({@code file_access:
   * check_file_info}), and {@code files.info} has the rest.
   */
  private Optional<IncomingMessage.SharedFile> complete(IncomingMessage.SharedFile f) {
    if (f.url() != null || f.id() == null) {
      return Optional.of(f);
    }
    try {
      return gateway.fileInfo(f.id()).flatMap(info -> files(List.of(info)).stream().findFirst());
    } catch (SlackCallException e) {
      log.warn("file info unavailable file={} error={}", f.id(), e.error());
      return Optional.empty();
    }
  }

  private static boolean textual(IncomingMessage.SharedFile f) {
    String mime = f.mimetype() == null ? "" : f.mimetype();
    String type = f.filetype() == null ? "" : f.filetype();
    return mime.startsWith("text/")
        || mime.equals("application/json")
        || mime.equals("application/x-yaml")
        || TEXT_TYPES.contains(type);
  }
}

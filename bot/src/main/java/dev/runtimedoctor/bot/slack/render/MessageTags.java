package dev.runtimedoctor.bot.slack.render;

import java.util.Optional;

/**
 * The block ids the bot marks its own messages with, so that it — or another replica of it — can
 * read back from a thread or a channel what it already posted there: which entries an answer named
 * and which message it answered, which message is a channel's incident digest and what it lists.
 * Block ids come back in {@code conversations.replies} and {@code conversations.history} with no
 * extra scope.
 */
public final class MessageTags {
  private static final String ANSWER = "rd-answer|";
  private static final String DIGEST_ITEM = "rd-digest|";

  /** The header block of an incident digest. */
  public static final String DIGEST = "rd-digest";

  private MessageTags() {}

  /** What one answer header says about the answer. */
  public record Answered(String entry, Optional<String> source) {}

  /** The block id of an answer's header for {@code entry}, answering the message {@code source}. */
  static String answer(String entry, Optional<String> source) {
    return ANSWER + entry + "|" + source.orElse("-");
  }

  /** The entry and source an answer header's block id names. */
  public static Optional<Answered> answered(String blockId) {
    if (blockId == null || !blockId.startsWith(ANSWER)) {
      return Optional.empty();
    }
    String[] parts = blockId.substring(ANSWER.length()).split("\\|", 2);
    if (parts.length < 2 || parts[0].isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Answered(parts[0], parts[1].equals("-") ? Optional.empty() : Optional.of(parts[1])));
  }

  /** The block id of the digest line for {@code entry}. */
  static String digestItem(String entry) {
    return DIGEST_ITEM + entry;
  }

  /** The entry a digest line's block id names. */
  public static Optional<String> digestEntry(String blockId) {
    return blockId != null && blockId.startsWith(DIGEST_ITEM)
        ? Optional.of(blockId.substring(DIGEST_ITEM.length()))
        : Optional.empty();
  }
}

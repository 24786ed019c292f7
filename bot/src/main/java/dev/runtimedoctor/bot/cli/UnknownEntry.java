package dev.runtimedoctor.bot.cli;

import dev.runtimedoctor.knowledge.entry.Suggestions;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The message for an entry id that does not exist, with the ids meant: a near spelling ({@code
 * pod-ip-exaustion}), else the ids that contain the word people remember ({@code x509}).
 */
final class UnknownEntry {
  /** Ids listed at most when a word is part of several. */
  private static final int MAX_LISTED = 5;

  private UnknownEntry() {}

  static UserException of(String id, Collection<String> ids) {
    return new UserException(
        "no entry '" + id + "'" + suggestion(id, ids) + " (runtime-doctor list shows them all)");
  }

  static String suggestion(String id, Collection<String> ids) {
    String near = Suggestions.didYouMean(id, ids);
    if (!near.isEmpty() || id.isBlank()) {
      return near;
    }
    String word = id.toLowerCase(Locale.ROOT);
    List<String> containing =
        ids.stream().filter(i -> i.toLowerCase(Locale.ROOT).contains(word)).sorted().toList();
    if (containing.isEmpty()) {
      return "";
    }
    if (containing.size() == 1) {
      return ", did you mean '" + containing.get(0) + "'?";
    }
    return ", did you mean one of: "
        + String.join(", ", containing.subList(0, Math.min(MAX_LISTED, containing.size())))
        + (containing.size() > MAX_LISTED ? ", …" : "")
        + "?";
  }
}

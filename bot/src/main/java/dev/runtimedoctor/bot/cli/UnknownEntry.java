package dev.runtimedoctor.bot.cli;

import dev.runtimedoctor.knowledge.entry.EntryLoader;
import dev.runtimedoctor.knowledge.entry.Suggestions;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The message for an entry id that does not exist, with the ids meant: a near spelling ({@code
 * pod-ip-exaustion}), else the ids that contain the word people remember ({@code x509}).
 */
final class UnknownEntry {
  /** Ids listed at most when a word is part of several. */
  private static final int MAX_LISTED = 5;

  /** The most characters of an unknown id repeated in the message. */
  private static final int MAX_ECHOED = 60;

  private UnknownEntry() {}

  static UserException of(String id, Collection<String> ids) {
    if (id.isBlank()) {
      return new UserException("no entry id given (runtime-doctor list shows them all)");
    }
    // An id is short: a long one is a paste in the wrong place, not worth echoing whole.
    String shown = id.length() > MAX_ECHOED ? id.substring(0, MAX_ECHOED) + "…" : id;
    Optional<String> pack = packOff(id.strip().toLowerCase(Locale.ROOT));
    if (pack.isPresent()) {
      return new UserException(
          "entry '"
              + shown
              + "' is in the bundled pack '"
              + pack.get()
              + "', which is not loaded: add it to --packs or KNOWLEDGE_PACKS");
    }
    return new UserException(
        "no entry '" + shown + "'" + suggestion(id, ids) + " (runtime-doctor list shows them all)");
  }

  /** The bundled pack that holds {@code id}; called only once {@code id} is not loaded. */
  private static Optional<String> packOff(String id) {
    for (String pack : EntryLoader.PACKS) {
      if (EntryLoader.bundled(List.of(pack)).stream().anyMatch(e -> e.id().equals(id))) {
        return Optional.of(pack);
      }
    }
    return Optional.empty();
  }

  static String suggestion(String id, Collection<String> ids) {
    if (id.isBlank()) {
      return "";
    }
    String near = Suggestions.didYouMean(id, ids);
    if (!near.isEmpty()) {
      return near;
    }
    // "crashloop" means crash-loop-backoff: hyphens and spaces are how ids are written, not what
    // people remember of them.
    String word = squeezed(id);
    List<String> containing =
        ids.stream().filter(i -> squeezed(i).contains(word)).sorted().toList();
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

  private static String squeezed(String s) {
    return s.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(" ", "");
  }
}

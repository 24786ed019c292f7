package dev.runtimedoctor.bot.diagnosis;

import dev.runtimedoctor.knowledge.entry.Entry;
import dev.runtimedoctor.knowledge.entry.EntryException;
import dev.runtimedoctor.knowledge.entry.EntryLoader;
import dev.runtimedoctor.knowledge.entry.KnowledgeBase;
import dev.runtimedoctor.knowledge.entry.Suggestions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where the knowledge comes from: the bundled packs that are turned on, plus an optional directory
 * of extra entries (always loaded; an extra entry with a bundled id replaces it).
 *
 * @param packs the bundled packs to load, names from {@link EntryLoader#PACKS}
 */
public record KnowledgeSource(Optional<Path> extraDir, List<String> packs) {

  public KnowledgeSource {
    packs = List.copyOf(packs);
    for (String p : packs) {
      if (!EntryLoader.PACKS.contains(p)) {
        throw new IllegalArgumentException(unknownPack(p));
      }
    }
  }

  /** Every bundled pack, plus {@code extraDir}. */
  public KnowledgeSource(Optional<Path> extraDir) {
    this(extraDir, EntryLoader.PACKS);
  }

  /**
   * The bundled packs a comma-separated list names, in the order given, without repeats.
   *
   * @param where the option or variable it came from, for the message
   * @throws IllegalArgumentException "KNOWLEDGE_PACKS: unknown pack 'everday', did you mean
   *     'everyday'? (bundled packs: gke-runtime, everyday)", or a list that names no pack
   */
  public static List<String> packs(String where, String value) {
    Set<String> out = new LinkedHashSet<>();
    List<String> unknown = new ArrayList<>();
    for (String p : value.split(",")) {
      String name = p.strip();
      if (name.isEmpty()) {
        continue;
      }
      if (EntryLoader.PACKS.contains(name)) {
        out.add(name);
      } else {
        unknown.add(name);
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(where + ": " + unknownPack(unknown.get(0)));
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(
          where + " names no pack (bundled packs: " + String.join(", ", EntryLoader.PACKS) + ")");
    }
    return List.copyOf(out);
  }

  private static String unknownPack(String name) {
    return "unknown pack '"
        + name
        + "'"
        + Suggestions.didYouMean(name, EntryLoader.PACKS)
        + " (bundled packs: "
        + String.join(", ", EntryLoader.PACKS)
        + ")";
  }

  /** Whether this is every bundled pack and nothing else: the knowledge the snapshot holds. */
  public boolean bundledOnly() {
    return extraDir.isEmpty() && Set.copyOf(packs).equals(Set.copyOf(EntryLoader.PACKS));
  }

  /**
   * Loads the knowledge base.
   *
   * @throws EntryException for a bad extra entry, located by file and line
   * @throws IOException when the extra directory cannot be read or holds no entries
   */
  public KnowledgeBase load() throws EntryException, IOException {
    List<Entry> extra =
        extraDir.isPresent() ? EntryLoader.loadDirectory(extraDir.get()) : List.of();
    if (extraDir.isPresent() && extra.isEmpty()) {
      // Most likely the wrong folder: silently serving the bundled entries alone would hide it.
      throw new IOException(
          extraDir.get()
              + " holds no entries (*.md files): point --knowledge or KNOWLEDGE_DIR at the folder"
              + " of entries, or unset it");
    }
    return KnowledgeBase.bundledWith(packs, extra);
  }
}

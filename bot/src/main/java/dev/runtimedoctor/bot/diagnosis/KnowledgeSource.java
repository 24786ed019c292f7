package dev.runtimedoctor.bot.diagnosis;

import dev.runtimedoctor.knowledge.entry.EntryException;
import dev.runtimedoctor.knowledge.entry.EntryLoader;
import dev.runtimedoctor.knowledge.entry.KnowledgeBase;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Where the knowledge comes from: the bundled entries, plus an optional directory of extras. */
public record KnowledgeSource(Optional<Path> extraDir) {

  /** The source named by {@code --knowledge}, else {@code KNOWLEDGE_DIR}, else bundled only. */
  public static KnowledgeSource of(Path option, java.util.Map<String, String> env) {
    if (option != null) {
      return new KnowledgeSource(Optional.of(option));
    }
    String dir = env.get("KNOWLEDGE_DIR");
    return new KnowledgeSource(
        dir == null || dir.isBlank() ? Optional.empty() : Optional.of(Path.of(dir)));
  }

  /**
   * Loads the knowledge base.
   *
   * @throws EntryException for a bad extra entry, located by file and line
   * @throws IOException when the extra directory cannot be read or holds no entries
   */
  public KnowledgeBase load() throws EntryException, IOException {
    List<dev.runtimedoctor.knowledge.entry.Entry> extra =
        extraDir.isPresent() ? EntryLoader.loadDirectory(extraDir.get()) : List.of();
    if (extraDir.isPresent() && extra.isEmpty()) {
      // Most likely the wrong folder: silently serving the bundled entries alone would hide it.
      throw new IOException(
          extraDir.get()
              + " holds no entries (*.md files): point --knowledge or KNOWLEDGE_DIR at the folder"
              + " of entries, or unset it");
    }
    return KnowledgeBase.bundledWith(extra);
  }
}

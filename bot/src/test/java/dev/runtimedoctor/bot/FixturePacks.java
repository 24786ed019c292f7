package dev.runtimedoctor.bot;

import dev.runtimedoctor.bot.diagnosis.DiagnosisService;
import dev.runtimedoctor.knowledge.entry.Entry;
import dev.runtimedoctor.knowledge.entry.EntryLoader;
import dev.runtimedoctor.knowledge.entry.KnowledgeBase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The everyday failure modes kept as test fixtures in the knowledge module ({@code
 * knowledge/src/test/resources/packs/everyday}), so the bot's tests exercise failure modes whatever
 * the bundled everyday pack holds.
 */
public final class FixturePacks {
  private FixturePacks() {}

  /** The folder holding the {@code everyday} fixture pack, for {@code --knowledge}. */
  public static Path dir() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("knowledge/src/test/resources/packs");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "knowledge/src/test/resources/packs not found above the module");
  }

  /** The fixture failure modes. */
  public static List<Entry> entries() {
    try {
      return EntryLoader.loadDirectory(dir());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (dev.runtimedoctor.knowledge.entry.EntryException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** The bundled packs plus the fixture failure modes. */
  public static KnowledgeBase knowledge() {
    return KnowledgeBase.bundledWith(entries());
  }

  /** A diagnosis service over {@link #knowledge()}. */
  public static DiagnosisService service() {
    return DiagnosisService.of(knowledge());
  }
}

package dev.runtimedoctor.bot.diagnosis;

import dev.runtimedoctor.knowledge.entry.EntryException;
import dev.runtimedoctor.knowledge.entry.KnowledgeBase;
import dev.runtimedoctor.knowledge.index.KnowledgeIndex;
import dev.runtimedoctor.knowledge.match.Diagnosis;
import dev.runtimedoctor.knowledge.match.Matcher;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one diagnosis service the command line and the Slack app share. A reload that fails keeps
 * serving the last good knowledge.
 */
public final class DiagnosisService {
  private static final Logger log = LoggerFactory.getLogger(DiagnosisService.class);

  private final KnowledgeSource source;
  private final AtomicReference<Loaded> current = new AtomicReference<>();

  private record Loaded(KnowledgeBase knowledge, Matcher matcher) {}

  private DiagnosisService(KnowledgeSource source, KnowledgeBase kb) {
    this(source, kb, KnowledgeIndex.build(kb));
  }

  private DiagnosisService(KnowledgeSource source, KnowledgeBase kb, KnowledgeIndex index) {
    this.source = source;
    this.current.set(new Loaded(kb, new Matcher(index)));
  }

  /**
   * Loads the knowledge and builds its index; the bundled packs alone come from the snapshot made
   * at package time ({@link BundledSnapshot}) when the jar holds a fresh one.
   *
   * @throws EntryException for a bad entry
   * @throws IOException when an entry directory cannot be read
   */
  public static DiagnosisService load(KnowledgeSource source) throws EntryException, IOException {
    if (source.bundledOnly()) {
      Optional<KnowledgeIndex> saved = BundledSnapshot.read();
      if (saved.isPresent()) {
        KnowledgeIndex index = saved.get();
        return new DiagnosisService(source, new KnowledgeBase(index.entries()), index);
      }
    }
    return new DiagnosisService(source, source.load());
  }

  /** A service over a knowledge base built in memory (tests, benchmarks). */
  public static DiagnosisService of(KnowledgeBase kb) {
    return new DiagnosisService(new KnowledgeSource(Optional.empty()), kb);
  }

  /** Diagnoses a paste. */
  public Diagnosis diagnose(String text) {
    return current.get().matcher().diagnose(text);
  }

  /** The knowledge currently served. */
  public KnowledgeBase knowledge() {
    return current.get().knowledge();
  }

  /**
   * Reloads the knowledge; on failure the previous index keeps serving.
   *
   * @return whether the new knowledge is now served
   */
  public boolean reload() {
    try {
      KnowledgeBase kb = source.load();
      current.set(new Loaded(kb, new Matcher(KnowledgeIndex.build(kb))));
      log.info("knowledge reloaded entries={}", kb.size());
      return true;
    } catch (EntryException | IOException | RuntimeException e) {
      log.warn("knowledge reload failed, keeping the last good index: {}", e.getMessage());
      return false;
    }
  }
}

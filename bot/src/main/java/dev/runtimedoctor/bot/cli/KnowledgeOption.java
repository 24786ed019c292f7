package dev.runtimedoctor.bot.cli;

import dev.runtimedoctor.bot.diagnosis.DiagnosisService;
import dev.runtimedoctor.bot.diagnosis.KnowledgeSource;
import dev.runtimedoctor.knowledge.entry.EntryException;
import dev.runtimedoctor.knowledge.entry.KnowledgeBase;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The {@code --knowledge DIR} and {@code --packs} options shared by the commands that read entries.
 */
final class KnowledgeOption {
  @Option(
      names = "--knowledge",
      paramLabel = "DIR",
      description = "Extra entries (same id replaces a bundled one); default: $KNOWLEDGE_DIR.")
  Path dir;

  @Option(
      names = "--packs",
      paramLabel = "PACK[,PACK…]",
      description =
          "Bundled packs to load: gke-runtime, everyday; default: $KNOWLEDGE_PACKS, else both.")
  String packs;

  KnowledgeSource source(Map<String, String> env) {
    try {
      return KnowledgeSource.of(dir, packs, env);
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage());
    }
  }

  /** The knowledge base alone, without building the index: for commands that do not match. */
  KnowledgeBase knowledge(Map<String, String> env) {
    try {
      return source(env).load();
    } catch (EntryException e) {
      throw new UserException(e.getMessage());
    } catch (IOException e) {
      throw new UserException("cannot read entries: " + e.getMessage());
    }
  }

  DiagnosisService service(Map<String, String> env) {
    try {
      return DiagnosisService.load(source(env));
    } catch (EntryException e) {
      throw new UserException(e.getMessage());
    } catch (IOException e) {
      throw new UserException("cannot read entries: " + e.getMessage());
    }
  }
}

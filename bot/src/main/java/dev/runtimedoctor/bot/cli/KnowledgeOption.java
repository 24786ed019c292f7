package dev.runtimedoctor.bot.cli;

import dev.runtimedoctor.bot.config.Environment;
import dev.runtimedoctor.bot.diagnosis.DiagnosisService;
import dev.runtimedoctor.bot.diagnosis.KnowledgeSource;
import dev.runtimedoctor.knowledge.entry.EntryException;
import dev.runtimedoctor.knowledge.entry.KnowledgeBase;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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

  /**
   * The source named by {@code --knowledge}, else {@code KNOWLEDGE_DIR}, else bundled only; the
   * packs named by {@code --packs}, else {@code KNOWLEDGE_PACKS}, else every bundled pack.
   *
   * @throws UserException naming the option or variable and the unknown pack
   */
  KnowledgeSource source(Environment env) {
    try {
      Optional<Path> extra = dir != null ? Optional.of(dir) : env.knowledgeDir();
      List<String> chosen =
          packs != null ? KnowledgeSource.packs("--packs", packs) : env.knowledgePacks();
      return new KnowledgeSource(extra, chosen);
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage());
    }
  }

  /** The knowledge base alone, without building the index: for commands that do not match. */
  KnowledgeBase knowledge(Environment env) {
    try {
      return source(env).load();
    } catch (EntryException e) {
      throw new UserException(e.getMessage());
    } catch (IOException e) {
      throw new UserException("cannot read entries: " + e.getMessage());
    }
  }

  DiagnosisService service(Environment env) {
    try {
      return DiagnosisService.load(source(env));
    } catch (EntryException e) {
      throw new UserException(e.getMessage());
    } catch (IOException e) {
      throw new UserException("cannot read entries: " + e.getMessage());
    }
  }
}

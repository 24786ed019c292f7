package dev.runtimedoctor.bot.config;

import dev.runtimedoctor.bot.cluster.ClusterLocation;
import dev.runtimedoctor.bot.diagnosis.KnowledgeSource;
import dev.runtimedoctor.knowledge.entry.EntryLoader;
import dev.runtimedoctor.knowledge.entry.Language;
import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The process environment as the commands read it: with {@link Config} (for {@code serve}) and
 * {@link LogbackSetup}, the only code that knows the variables' names. {@code Main} makes it once
 * from the environment map; commands ask it for typed values. A value is read when asked for, so a
 * malformed variable fails only the command that uses it, and only when no option overrides it.
 */
public final class Environment {
  static final String KNOWLEDGE_DIR = "KNOWLEDGE_DIR";
  static final String KNOWLEDGE_PACKS = "KNOWLEDGE_PACKS";
  static final String BOT_LANGUAGE = "BOT_LANGUAGE";
  static final String FEEDBACK_LOG = "FEEDBACK_LOG";

  /** Every variable the bot reads, here, in {@link Config} and in {@link LogbackSetup}. */
  static final Set<String> NAMES =
      Set.of(
          KNOWLEDGE_DIR,
          KNOWLEDGE_PACKS,
          BOT_LANGUAGE,
          FEEDBACK_LOG,
          "KUBECONFIG",
          "HOME",
          "KUBERNETES_SERVICE_HOST",
          "KUBERNETES_SERVICE_PORT",
          "SLACK_APP_TOKEN",
          "SLACK_BOT_TOKEN",
          "SLACK_SIGNING_SECRET",
          "SLACK_API_URL",
          "PORT",
          "INCIDENT_CHANNEL_PATTERN",
          "CHECKS_ALLOWED_CHANNELS",
          "CHECKS_ALLOWED_USERS",
          "LOG_LEVEL");

  private final Map<String, String> variables;

  private Environment(Map<String, String> variables) {
    this.variables = Map.copyOf(variables);
  }

  /** The environment {@code variables} describe (the process's, or a test's). */
  public static Environment of(Map<String, String> variables) {
    return new Environment(variables);
  }

  /** The configuration of {@code serve}; see {@link Config#fromEnv}. */
  public Config serveConfig() throws ConfigException {
    return Config.fromEnv(variables);
  }

  /** {@code KNOWLEDGE_DIR}: a directory of extra entries; empty when not set. */
  public Optional<Path> knowledgeDir() {
    return set(KNOWLEDGE_DIR).map(Path::of);
  }

  /**
   * {@code KNOWLEDGE_PACKS}: the bundled packs to load; every pack when not set.
   *
   * @throws IllegalArgumentException naming the variable and the unknown pack
   */
  public List<String> knowledgePacks() {
    return set(KNOWLEDGE_PACKS)
        .map(v -> KnowledgeSource.packs(KNOWLEDGE_PACKS, v))
        .orElse(EntryLoader.PACKS);
  }

  /**
   * {@code BOT_LANGUAGE}: the answer language; empty when not set.
   *
   * @throws IllegalArgumentException "BOT_LANGUAGE must be it or en, not '…'" when set to another
   *     value
   */
  public Optional<Language> language() {
    Optional<String> v = set(BOT_LANGUAGE);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        Language.fromCode(v.get())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        BOT_LANGUAGE + " must be it or en, not '" + v.get() + "'")));
  }

  /**
   * {@code FEEDBACK_LOG}: the feedback file; empty when not set.
   *
   * @throws IllegalArgumentException "'…' is not a path"
   */
  public Optional<Path> feedbackLog() {
    return set(FEEDBACK_LOG).map(Environment::path);
  }

  /** {@code KUBECONFIG}, {@code HOME} and the in-cluster API server: where checks may connect. */
  public ClusterLocation cluster() {
    List<Path> kubeconfig =
        set("KUBECONFIG")
            .map(
                v ->
                    Arrays.stream(v.split(File.pathSeparator))
                        .filter(s -> !s.isBlank())
                        .map(Path::of)
                        .toList())
            .orElse(List.of());
    return new ClusterLocation(
        kubeconfig,
        set("HOME").map(Path::of),
        Optional.ofNullable(variables.get("KUBERNETES_SERVICE_HOST")),
        Optional.ofNullable(variables.get("KUBERNETES_SERVICE_PORT")));
  }

  /** The variable's value as given, when it is set and not blank. */
  private Optional<String> set(String name) {
    return Optional.ofNullable(variables.get(name)).filter(v -> !v.isBlank());
  }

  private static Path path(String value) {
    try {
      return Path.of(value.strip());
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("'" + value + "' is not a path", e);
    }
  }
}

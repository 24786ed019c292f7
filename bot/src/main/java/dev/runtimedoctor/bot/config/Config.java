package dev.runtimedoctor.bot.config;

import dev.runtimedoctor.bot.diagnosis.KnowledgeSource;
import dev.runtimedoctor.knowledge.entry.EntryLoader;
import dev.runtimedoctor.knowledge.entry.Language;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * How the Slack bot is configured, read from the environment in one place (DESIGN §5).
 *
 * @param appToken present: Socket Mode; absent: HTTP mode on {@code port}
 * @param signingSecret required in HTTP mode, unused in Socket Mode
 * @param apiUrl the Web API base, always ending in {@code /}
 * @param port 0 picks a free port (tests, benchmarks)
 * @param knowledgePacks the bundled knowledge packs to load ({@code KNOWLEDGE_PACKS}, default every
 *     pack)
 * @param feedbackLog the JSON Lines file feedback and unmatched pastes are appended to
 */
public record Config(
    Secret botToken,
    Optional<Secret> signingSecret,
    Optional<Secret> appToken,
    String apiUrl,
    int port,
    Language language,
    Optional<Pattern> incidentChannelPattern,
    Set<String> checksAllowedChannels,
    Set<String> checksAllowedUsers,
    Optional<Path> knowledgeDir,
    List<String> knowledgePacks,
    Path feedbackLog) {

  /** Slack's Web API, when {@code SLACK_API_URL} is not set. */
  public static final String DEFAULT_API_URL = "https://slack.com/api/";

  public static final int DEFAULT_PORT = 3000;

  /** The levels logback accepts for LOG_LEVEL (in any case). */
  private static final List<String> LOG_LEVELS =
      List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");

  /** Where feedback goes when {@code FEEDBACK_LOG} is not set: the working directory. */
  public static final Path DEFAULT_FEEDBACK_LOG = Path.of("feedback.jsonl");

  // Slack ids: channels C…/G…/D…, users U…/W…. Checking the shape catches names typed by mistake.
  private static final Pattern CHANNEL_ID = Pattern.compile("[CGD][A-Z0-9]{2,}");
  private static final Pattern USER_ID = Pattern.compile("[UW][A-Z0-9]{2,}");

  public Config {
    Objects.requireNonNull(botToken, "botToken");
    Objects.requireNonNull(signingSecret, "signingSecret");
    Objects.requireNonNull(appToken, "appToken");
    Objects.requireNonNull(apiUrl, "apiUrl");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(incidentChannelPattern, "incidentChannelPattern");
    Objects.requireNonNull(knowledgeDir, "knowledgeDir");
    Objects.requireNonNull(feedbackLog, "feedbackLog");
    if (appToken.isEmpty() && signingSecret.isEmpty()) {
      throw new IllegalArgumentException("HTTP mode needs a signing secret");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    checksAllowedChannels = Set.copyOf(checksAllowedChannels);
    checksAllowedUsers = Set.copyOf(checksAllowedUsers);
    knowledgePacks = List.copyOf(knowledgePacks);
  }

  /** Whether the bot connects out over Socket Mode rather than serving HTTP. */
  public boolean socketMode() {
    return appToken.isPresent();
  }

  /**
   * Reads the configuration.
   *
   * @throws ConfigException listing every missing or malformed variable
   */
  public static Config fromEnv(Map<String, String> env) throws ConfigException {
    List<String> problems = new ArrayList<>();
    Optional<Secret> appToken = token(env, "SLACK_APP_TOKEN", "xapp-", false, problems);
    Optional<Secret> botToken = token(env, "SLACK_BOT_TOKEN", "xoxb-", true, problems);
    Optional<Secret> signingSecret = value(env, "SLACK_SIGNING_SECRET").map(Secret::new);
    if (appToken.isEmpty() && signingSecret.isEmpty() && value(env, "SLACK_APP_TOKEN").isEmpty()) {
      problems.add(
          "SLACK_SIGNING_SECRET is missing: HTTP mode (no SLACK_APP_TOKEN) verifies requests with"
              + " it");
    }
    String apiUrl = apiUrl(env, problems);
    int port = port(env, problems);
    Language language = language(env, problems);
    Optional<Pattern> incident = pattern(env, "INCIDENT_CHANNEL_PATTERN", problems);
    Set<String> channels = ids(env, "CHECKS_ALLOWED_CHANNELS", CHANNEL_ID, "channel", problems);
    Set<String> users = ids(env, "CHECKS_ALLOWED_USERS", USER_ID, "user", problems);
    Optional<Path> knowledgeDir = directory(env, Environment.KNOWLEDGE_DIR, problems);
    List<String> knowledgePacks = packs(env, problems);
    Path feedbackLog = feedbackLog(env, problems);
    logLevel(env, problems);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new Config(
        botToken.orElseThrow(),
        signingSecret,
        appToken,
        apiUrl,
        port,
        language,
        incident,
        channels,
        users,
        knowledgeDir,
        knowledgePacks,
        feedbackLog);
  }

  private static Optional<String> value(Map<String, String> env, String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
  }

  private static Optional<Secret> token(
      Map<String, String> env,
      String name,
      String prefix,
      boolean required,
      List<String> problems) {
    Optional<String> v = value(env, name);
    if (v.isEmpty()) {
      if (required) {
        problems.add(name + " is missing: the " + prefix + "… token from the app's settings");
      }
      return Optional.empty();
    }
    if (!v.get().startsWith(prefix)) {
      // Say which kind of token it looks like, never the token itself.
      problems.add(name + " must start with " + prefix + " (is it another kind of token?)");
      return Optional.empty();
    }
    return Optional.of(new Secret(v.get()));
  }

  private static String apiUrl(Map<String, String> env, List<String> problems) {
    Optional<String> v = value(env, "SLACK_API_URL");
    if (v.isEmpty()) {
      return DEFAULT_API_URL;
    }
    try {
      URI uri = new URI(v.get());
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          || uri.getHost() == null) {
        problems.add("SLACK_API_URL must be an http(s) URL, not '" + v.get() + "'");
        return DEFAULT_API_URL;
      }
    } catch (URISyntaxException e) {
      problems.add("SLACK_API_URL is not a URL: " + e.getMessage());
      return DEFAULT_API_URL;
    }
    return v.get().endsWith("/") ? v.get() : v.get() + "/";
  }

  private static int port(Map<String, String> env, List<String> problems) {
    Optional<String> v = value(env, "PORT");
    if (v.isEmpty()) {
      return DEFAULT_PORT;
    }
    try {
      int p = Integer.parseInt(v.get());
      if (p >= 0 && p <= 65_535) {
        return p;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add("PORT must be a number from 0 to 65535, not '" + v.get() + "'");
    return DEFAULT_PORT;
  }

  private static Language language(Map<String, String> env, List<String> problems) {
    Optional<String> v = value(env, Environment.BOT_LANGUAGE);
    if (v.isEmpty()) {
      return Language.IT;
    }
    Optional<Language> l = Language.fromCode(v.get());
    if (l.isEmpty()) {
      problems.add("BOT_LANGUAGE must be it or en, not '" + v.get() + "'");
      return Language.IT;
    }
    return l.get();
  }

  private static Optional<Pattern> pattern(
      Map<String, String> env, String name, List<String> problems) {
    Optional<String> v = value(env, name);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Pattern.compile(v.get()));
    } catch (PatternSyntaxException e) {
      problems.add(name + " is not a regular expression: " + e.getDescription());
      return Optional.empty();
    }
  }

  private static Set<String> ids(
      Map<String, String> env, String name, Pattern shape, String kind, List<String> problems) {
    Optional<String> v = value(env, name);
    if (v.isEmpty()) {
      return Set.of();
    }
    Set<String> out = new LinkedHashSet<>();
    for (String id : Arrays.stream(v.get().split(",")).map(String::strip).toList()) {
      if (id.isEmpty()) {
        continue;
      }
      if (!shape.matcher(id).matches()) {
        problems.add(name + ": '" + id + "' is not a Slack " + kind + " id");
      } else {
        out.add(id);
      }
    }
    return out;
  }

  private static Optional<Path> directory(
      Map<String, String> env, String name, List<String> problems) {
    Optional<String> v = value(env, name);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    try {
      Path p = Path.of(v.get());
      if (!Files.isDirectory(p)) {
        problems.add(name + ": '" + v.get() + "' is not a directory");
        return Optional.empty();
      }
      return Optional.of(p);
    } catch (InvalidPathException e) {
      problems.add(name + ": '" + v.get() + "' is not a path");
      return Optional.empty();
    }
  }

  private static List<String> packs(Map<String, String> env, List<String> problems) {
    Optional<String> v = value(env, Environment.KNOWLEDGE_PACKS);
    if (v.isEmpty()) {
      return EntryLoader.PACKS;
    }
    try {
      return KnowledgeSource.packs(Environment.KNOWLEDGE_PACKS, v.get());
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
      return EntryLoader.PACKS;
    }
  }

  /**
   * LOG_LEVEL is read by LogbackSetup, not here; checked here so a typo is reported with the rest
   * instead of logback quietly logging at DEBUG.
   */
  private static void logLevel(Map<String, String> env, List<String> problems) {
    Optional<String> v = value(env, "LOG_LEVEL");
    if (v.isPresent() && !LOG_LEVELS.contains(v.get().toUpperCase(Locale.ROOT))) {
      problems.add(
          "LOG_LEVEL must be one of " + String.join(", ", LOG_LEVELS) + ", not '" + v.get() + "'");
    }
  }

  private static Path feedbackLog(Map<String, String> env, List<String> problems) {
    Optional<String> v = value(env, Environment.FEEDBACK_LOG);
    if (v.isEmpty()) {
      return DEFAULT_FEEDBACK_LOG;
    }
    try {
      Path p = Path.of(v.get());
      Path parent = p.toAbsolutePath().getParent();
      if (Files.isDirectory(p)) {
        problems.add("FEEDBACK_LOG: '" + v.get() + "' is a directory, not a file");
      } else if (parent != null && !Files.isDirectory(parent)) {
        problems.add("FEEDBACK_LOG: the directory of '" + v.get() + "' does not exist");
      }
      return p;
    } catch (InvalidPathException e) {
      problems.add("FEEDBACK_LOG: '" + v.get() + "' is not a path");
      return DEFAULT_FEEDBACK_LOG;
    }
  }
}

package dev.runtimedoctor.bot.config;

import java.util.List;

/** Every problem found in the environment at once, so one restart fixes them all. */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public ConfigException(List<String> problems) {
    super("bad configuration:\n  " + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  /** One line per missing or malformed variable. */
  public List<String> problems() {
    return problems;
  }
}

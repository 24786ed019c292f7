package dev.runtimedoctor.bot.config;

import java.util.Objects;

/** A token or signing secret: its value is handed only to the code that needs it, never printed. */
public record Secret(String value) {
  public Secret {
    Objects.requireNonNull(value, "value");
  }

  /** Hides the value: a config that ends up in a log must not leak it. */
  @Override
  public String toString() {
    return "****";
  }
}

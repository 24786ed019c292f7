package dev.runtimedoctor.knowledge.match;

import java.util.Objects;

/** A line of the paste that gave a match away: its number in the paste and its text. */
public record Evidence(int line, String text) {
  public Evidence {
    Objects.requireNonNull(text, "text");
  }
}

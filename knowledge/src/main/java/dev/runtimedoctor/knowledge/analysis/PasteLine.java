package dev.runtimedoctor.knowledge.analysis;

import java.util.Objects;

/**
 * One line of a paste: its number in the paste, the text as pasted, the text with Slack markup, log
 * prefixes and decorations removed, and that text with variable parts masked.
 */
public record PasteLine(int number, String original, String cleaned, String masked) {
  public PasteLine {
    Objects.requireNonNull(original, "original");
    Objects.requireNonNull(cleaned, "cleaned");
    Objects.requireNonNull(masked, "masked");
  }
}

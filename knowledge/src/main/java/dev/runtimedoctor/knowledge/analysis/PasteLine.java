package dev.runtimedoctor.knowledge.analysis;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One line of a paste: its number in the paste, the text as pasted, the text with Slack markup, log
 * prefixes and decorations removed, and that text with variable parts masked.
 */
public record PasteLine(int number, String original, String cleaned, String masked) {
  /** A shell prompt ("$ ", "user@host:~/dir$ ") followed by what the person typed. */
  private static final Pattern COMMAND =
      Pattern.compile("^\\s*(?:[\\w.-]+@[\\w.-]+(?::\\S*)?\\s*)?\\$\\s+\\S");

  public PasteLine {
    Objects.requireNonNull(original, "original");
    Objects.requireNonNull(cleaned, "cleaned");
    Objects.requireNonNull(masked, "masked");
  }

  /**
   * Whether the line is a command the person typed at a shell prompt ({@code $ kubectl exec …}):
   * its words are theirs, not a runtime's, so no error string is read from them.
   */
  public boolean isCommand() {
    return COMMAND.matcher(original).find();
  }
}

package dev.runtimedoctor.knowledge.entry;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What sort of knowledge an entry holds, which decides how an answer presents it: a known issue (a
 * specific bug with affected and fixed versions) or a failure mode (what a common error means, how
 * to tell its causes apart, what to do).
 */
public enum Kind {
  /** A specific bug or limitation: affected versions, fixed in, workaround. */
  KNOWN_ISSUE("known-issue"),
  /** An everyday failure with several possible causes: no versions, a way to find the cause. */
  FAILURE_MODE("failure-mode");

  private final String code;

  Kind(String code) {
    this.code = code;
  }

  /** The value written in front matter and in JSON ({@code known-issue}, {@code failure-mode}). */
  public String code() {
    return code;
  }

  /** The kind a front-matter value names, exactly. */
  public static Optional<Kind> fromCode(String code) {
    return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
  }

  /** Every front-matter value, for messages. */
  public static List<String> codes() {
    return Arrays.stream(values()).map(Kind::code).toList();
  }
}

package dev.runtimedoctor.knowledge.eval;

import java.util.Objects;
import java.util.Optional;

/** A paste with the entry it should be matched to, or none for text that must not match. */
public record LabelledCase(String id, Optional<String> expected, String text) {
  public LabelledCase {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(text, "text");
  }
}

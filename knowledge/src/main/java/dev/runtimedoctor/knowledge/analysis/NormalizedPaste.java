package dev.runtimedoctor.knowledge.analysis;

import java.util.List;
import java.util.Objects;

/**
 * A paste after normalization: its non-blank lines (numbered as in the paste), and how it was cut
 * to the size the engine reads.
 */
public record NormalizedPaste(List<PasteLine> lines, Truncation truncation) {
  public NormalizedPaste {
    lines = List.copyOf(lines);
    Objects.requireNonNull(truncation, "truncation");
  }

  /** A paste cut or not, the way not recorded (a diagnosis rebuilt without its paste). */
  public NormalizedPaste(List<PasteLine> lines, boolean truncated) {
    this(lines, truncated ? Truncation.SOME : Truncation.NONE);
  }

  /** Whether part of the paste was not read. */
  public boolean truncated() {
    return truncation.any();
  }

  /** The cleaned lines joined, for full-text queries. */
  public String cleanedText() {
    StringBuilder sb = new StringBuilder();
    for (PasteLine l : lines) {
      sb.append(l.cleaned()).append('\n');
    }
    return sb.toString();
  }

  public boolean isEmpty() {
    return lines.isEmpty();
  }
}

package dev.runtimedoctor.knowledge.analysis;

import java.util.List;

/**
 * A paste after normalization: its non-blank lines, and whether it was cut to the size the engine
 * reads.
 */
public record NormalizedPaste(List<PasteLine> lines, boolean truncated) {
  public NormalizedPaste {
    lines = List.copyOf(lines);
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

package dev.runtimedoctor.knowledge.index;

/**
 * A signature ready for alignment: its words as vocabulary ids (placeholders dropped: they match
 * anything), each word's weight, the words worth anchoring a search on, and for each word the part
 * of the error chain ("a: b: c") it belongs to.
 *
 * @param entry the index of the entry in {@link KnowledgeIndex#entries()}
 */
public record CompiledSignature(
    int entry,
    String text,
    int[] tokens,
    double[] weights,
    double totalWeight,
    int[] anchors,
    int[] segments) {

  /** How many parts the error chain has. */
  public int segmentCount() {
    return segments.length == 0 ? 0 : segments[segments.length - 1] + 1;
  }
}

package dev.runtimedoctor.knowledge.analysis;

/**
 * How much of a paste the engine read, so that a surface can say which part it did not read: the
 * middle of a paste over {@link LogNormalizer#MAX_CHARS}, the rest of a line over {@link
 * LogNormalizer#MAX_LINE_CHARS}, or both.
 */
public enum Truncation {
  /** The whole paste was read. */
  NONE,
  /** Only the first and last half of {@link LogNormalizer#MAX_CHARS} were read. */
  ENDS,
  /** Each line over {@link LogNormalizer#MAX_LINE_CHARS} was read to that length. */
  LINE_STARTS,
  /** Both {@link #ENDS} and {@link #LINE_STARTS}. */
  ENDS_AND_LINE_STARTS,
  /** Cut, in a way not recorded (a diagnosis rebuilt without its paste). */
  SOME;

  /** The truncation of a paste whose middle was dropped or some of whose lines were cut. */
  public static Truncation of(boolean ends, boolean lineStarts) {
    if (ends) {
      return lineStarts ? ENDS_AND_LINE_STARTS : ENDS;
    }
    return lineStarts ? LINE_STARTS : NONE;
  }

  /** Whether any part of the paste was not read. */
  public boolean any() {
    return this != NONE;
  }
}

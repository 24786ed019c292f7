package dev.runtimedoctor.knowledge.entry;

/** A problem with an entry a person can fix, located as {@code file:line: reason}. */
public final class EntryException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final String reason;

  public EntryException(String file, int line, String reason) {
    super(file + ":" + line + ": " + reason);
    this.file = file;
    this.line = line;
    this.reason = reason;
  }

  /** The file the problem is in. */
  public String file() {
    return file;
  }

  /** The 1-based line of the problem. */
  public int line() {
    return line;
  }

  /** What is wrong, without the location. */
  public String reason() {
    return reason;
  }
}

package dev.runtimedoctor.bot.cli;

/**
 * The exit codes of every command, as the README documents them: scripts branch on these, so a new
 * failure reuses one rather than inventing its own.
 */
final class ExitCodes {
  /** Done, with or without a match; {@code eval}: every floor met. */
  static final int OK = 0;

  /**
   * An internal error (a reference id on stderr), the output could not be written, {@code validate}
   * found a bad entry, or {@code eval} missed a floor.
   */
  static final int INTERNAL = 1;

  /** Bad usage or unreadable input: one line on stderr saying what to change. */
  static final int USAGE = 2;

  /**
   * {@code check}: no cluster check could run (no cluster, unreadable kubeconfig, none reached).
   */
  static final int NOTHING_CHECKED = 3;

  private ExitCodes() {}
}

package dev.runtimedoctor.bot.cli;

import java.util.regex.Pattern;

/**
 * Text made safe to print on a terminal: a paste echoed byte for byte could carry escape sequences
 * that retitle the terminal ({@code ESC ] 0 ; … BEL}), move the cursor, clear the screen or hide
 * lines. Every control sequence is removed, and every control character but line feed and tab.
 */
final class TerminalText {
  /**
   * In order: OSC, DCS, SOS, PM and APC strings (up to BEL or ST, or the end if unterminated), CSI
   * sequences, other two-character escapes, 8-bit C1 string and CSI introducers with their content,
   * then any control character left (C0 but \n and \t, DEL, C1).
   */
  private static final Pattern CONTROL =
      Pattern.compile(
          "\u001b[\\]PX^_][^\u0007\u001b\u009c]*(?:\u0007|\u001b\\\\|\u009c)?"
              + "|\u001b\\[[0-?]*[ -/]*[@-~]?"
              + "|\u001b[ -/]*[0-~]?"
              + "|[\u009d\u0090\u0098\u009e\u009f][^\u0007\u001b\u009c]*(?:\u0007|\u009c)?"
              + "|\u009b[0-?]*[ -/]*[@-~]?"
              + "|[\u0000-\u0008\u000b-\u001f\u007f-\u009f]");

  private TerminalText() {}

  /** {@code text} without control sequences or control characters (line feeds and tabs kept). */
  static String safe(String text) {
    return CONTROL.matcher(text).replaceAll("");
  }
}

package dev.runtimedoctor.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TerminalTextTest {
  private static final String ERROR =
      "failed to allocate for range 0: no IP addresses available in range set:"
          + " 10.48.131.1-10.48.131.62";

  @Test
  @DisplayName("OSC, CSI, DCS, 8-bit and lone control sequences are removed; text, \\n, \\t stay")
  void stripsControlSequences() {
    assertThat(TerminalText.safe("a\u001b]0;pwned\u0007b")).isEqualTo("ab");
    assertThat(TerminalText.safe("a\u001b]8;;http://x\u001b\\link\u001b]8;;\u001b\\b"))
        .isEqualTo("alinkb");
    assertThat(TerminalText.safe("\u001b[31mred\u001b[0m \u001b[2J\u001b[1;1H")).isEqualTo("red ");
    assertThat(TerminalText.safe("x\u001bPq#0;2;0;0;0\u001b\\y")).isEqualTo("xy");
    assertThat(TerminalText.safe("x\u009b31my\u009d0;t\u0007z")).isEqualTo("xyz");
    assertThat(TerminalText.safe("x\u001b7\u001bcy\r\b\u0000\u007f")).isEqualTo("xy");
    assertThat(TerminalText.safe("line 1\n\tline 2 — è ✓")).isEqualTo("line 1\n\tline 2 — è ✓");
    assertThat(TerminalText.safe("unterminated \u001b]0;title")).isEqualTo("unterminated ");
  }

  @Test
  @DisplayName("ask does not echo a paste's escape sequences to the terminal")
  void askEchoesNoEscapes() {
    String paste =
        "\u001b]0;owned\u0007\u001b[2J" + ERROR + " \u001b[8mhidden\u001b[0m\u009b31m\r\n";
    CliRunner.Result r =
        CliRunner.run(paste.getBytes(StandardCharsets.UTF_8), Map.of(), "ask", "--lang", "en");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("pod-ip-exhaustion").contains("no IP addresses available");
    assertThat(r.out()).doesNotContainPattern("[\u0000-\u0008\u000b-\u001f\u007f-\u009f]");
  }
}

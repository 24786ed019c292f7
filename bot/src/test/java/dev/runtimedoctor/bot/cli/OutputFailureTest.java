package dev.runtimedoctor.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Output that cannot be written is an error, not a silent success: {@code > /dev/full} (Linux's
 * always-full device).
 */
class OutputFailureTest {
  private static final Path FULL = Path.of("/dev/full");

  @ParameterizedTest(name = "{0} > /dev/full")
  @ValueSource(strings = {"list", "batch", "show pod-ip-exhaustion", "completion"})
  @DisplayName("a command writing to a full device exits 1 with one line on stderr")
  void fullDevice(String command) throws IOException {
    byte[] in =
        "{\"id\":\"a\",\"text\":\"cni config uninitialized\"}\n".getBytes(StandardCharsets.UTF_8);
    StringWriter err = new StringWriter();
    int code;
    try (PrintWriter out =
        new PrintWriter(
            new OutputStreamWriter(new FileOutputStream(FULL.toFile()), StandardCharsets.UTF_8))) {
      code =
          Main.run(
              command.split(" "),
              Map.of(),
              new ByteArrayInputStream(in),
              out,
              new PrintWriter(err, true));
    }

    assertThat(code).isEqualTo(1);
    assertThat(err.toString().lines())
        .containsExactly(
            "runtime-doctor: cannot write the output (full disk, or the reader went away):"
                + " what was printed is incomplete");
  }
}

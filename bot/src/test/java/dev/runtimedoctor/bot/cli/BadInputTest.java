package dev.runtimedoctor.bot.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever arrives on standard input, ask exits 0 with an answer or 2 with one clear line, never a
 * stack trace. The timeout only guards against a hang; speed is measured by the bench command.
 */
class BadInputTest {
  static Stream<Arguments> inputs() {
    StringBuilder tenMb = new StringBuilder();
    while (tenMb.length() < 10 * 1024 * 1024) {
      tenMb.append("I1127 12:00:00.000000    1 kubelet.go:1] nothing to see here, moving on\n");
    }
    StringBuilder oneLine = new StringBuilder();
    Random r = new Random(1);
    while (oneLine.length() < 1024 * 1024) {
      oneLine.append((char) ('a' + r.nextInt(26)));
      if (r.nextInt(7) == 0) {
        oneLine.append(' ');
      }
    }
    StringBuilder distinct = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      distinct.append("term").append(Integer.toString(i, 36)).append("x ");
    }
    byte[] binary = new byte[4096];
    r.nextBytes(binary);
    binary[10] = 0;
    byte[] badUtf8 = {'c', 'n', 'i', ' ', (byte) 0xC3, (byte) 0x28, ' ', (byte) 0xFF, 'x'};
    return Stream.of(
        Arguments.of("empty", new byte[0]),
        Arguments.of("whitespace only", " \n\t \n".getBytes(StandardCharsets.UTF_8)),
        Arguments.of("10 MB", tenMb.toString().getBytes(StandardCharsets.UTF_8)),
        Arguments.of("binary", binary),
        Arguments.of("invalid UTF-8", badUtf8),
        Arguments.of("one 1 MB line", oneLine.toString().getBytes(StandardCharsets.UTF_8)),
        Arguments.of(
            "Lucene syntax", "AND OR (( \"* ~ \\ [ { title:x^3 }".getBytes(StandardCharsets.UTF_8)),
        Arguments.of("5,000 distinct terms", distinct.toString().getBytes(StandardCharsets.UTF_8)),
        Arguments.of(
            "right-to-left text",
            "\u202Eخطأ في الشبكة\u202C failed to allocate for range 0 שגיאה"
                .getBytes(StandardCharsets.UTF_8)),
        Arguments.of(
            "control characters",
            "\u0007\u0008cni\u001b[31m config\u0000".getBytes(StandardCharsets.ISO_8859_1)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  void badInputGetsAClearAnswer(String name, byte[] input) {
    for (String[] args : new String[][] {{"ask"}, {"ask", "--json"}}) {
      CliRunner.Result r =
          assertTimeoutPreemptively(
              Duration.ofSeconds(20), () -> CliRunner.run(input, Map.of(), args));

      assertThat(r.code()).as("exit code").isIn(0, 2);
      assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
      if (r.code() == 2) {
        assertThat(r.err().strip().lines().count()).as("one clear line").isEqualTo(1);
      } else {
        assertThat(r.out()).isNotBlank();
      }
    }
  }

  private static final String POD_IP =
      "failed to allocate for range 0: no IP addresses available in range set:"
          + " 10.48.131.1-10.48.131.62\n";

  static Stream<Arguments> textWithNulBytes() {
    byte[] log = "I1127 12:00:00.000000 1 kubelet.go:1] routine line\n".repeat(200).getBytes(UTF_8);
    byte[] run = new byte[300];
    return Stream.of(
        Arguments.of("one NUL in the first line", bytes("abc\0def\n" + POD_IP)),
        Arguments.of("a NUL first", bytes("\0" + POD_IP)),
        Arguments.of("NULs inside the error line", bytes(POD_IP.replace(" for ", "\0for\0"))),
        Arguments.of("a run of 300 NULs in a 10 KB log", concat(log, run, bytes(POD_IP))),
        Arguments.of(
            "NULs and Latin-1 accents in an Italian question",
            concat(
                "perch\u00e8 \0 il pod non parte?\n".getBytes(StandardCharsets.ISO_8859_1),
                bytes(POD_IP))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("textWithNulBytes")
  @org.junit.jupiter.api.DisplayName(
      "a mostly-text paste with NUL bytes is read, the NULs as spaces")
  void textWithNulBytesIsRead(String name, byte[] input) {
    CliRunner.Result r = CliRunner.run(input, Map.of(), "ask", "--json");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("\"id\":\"pod-ip-exhaustion\"").doesNotContain("\\u0000");
  }

  static Stream<Arguments> binaries() throws Exception {
    // The running JVM's own launcher: a real executable on any machine that runs the tests.
    byte[] executable;
    try (InputStream in =
        Files.newInputStream(Path.of(ProcessHandle.current().info().command().orElseThrow()))) {
      executable = in.readNBytes(4096);
    }
    ByteArrayOutputStream gzip = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gzip)) {
      Random r = new Random(3);
      for (int i = 0; i < 2000; i++) {
        out.write(("line " + r.nextInt() + " of a log " + r.nextLong() + "\n").getBytes(UTF_8));
      }
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
    Random r = new Random(4);
    for (int x = 0; x < 64; x++) {
      for (int y = 0; y < 64; y++) {
        image.setRGB(x, y, r.nextInt());
      }
    }
    ImageIO.write(image, "png", png);
    byte[] noNul = new byte[8192];
    r.nextBytes(noNul);
    for (int i = 0; i < noNul.length; i++) {
      noNul[i] = noNul[i] == 0 ? 1 : noNul[i];
    }
    return Stream.of(
        Arguments.of("an executable's first 4 KiB", executable),
        Arguments.of("a gzip", gzip.toByteArray()),
        Arguments.of("a PNG", png.toByteArray()),
        Arguments.of("random bytes without a NUL", noNul),
        Arguments.of("a binary after a line of text", concat(bytes(POD_IP), noNul)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("binaries")
  @org.junit.jupiter.api.DisplayName("a binary is refused with one line, however few NULs it has")
  void binariesAreRefused(String name, byte[] input) {
    CliRunner.Result r = CliRunner.run(input, Map.of(), "ask");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo("input looks binary, not a log: paste text");
  }

  private static byte[] bytes(String s) {
    return s.getBytes(UTF_8);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  @ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.ValueSource(strings = {"UTF-16LE", "UTF-16BE"})
  @org.junit.jupiter.api.DisplayName(
      "UTF-16 with a byte-order mark (a Windows PowerShell pipe) is read as text and answered")
  void utf16WithAMarkIsText(String charset) {
    String paste =
        "\uFEFFfailed to allocate for range 0: no IP addresses available in range set:"
            + " 10.48.131.1-10.48.131.62\r\n";

    CliRunner.Result r =
        CliRunner.run(
            paste.getBytes(java.nio.charset.Charset.forName(charset)), Map.of(), "ask", "--json");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("\"id\":\"pod-ip-exhaustion\"");
  }
}

package dev.runtimedoctor.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {
  @TempDir Path dir;

  @Test
  @DisplayName("eval prints each figure against its floor and exits 1 when one is missed")
  void floorsDecideTheExitCode() throws IOException {
    Path cases = dir.resolve("cases.jsonl");
    Files.writeString(
        cases,
        """
        {"id":"a","expected":"cni-config-uninitialized","text":"NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized"}
        {"id":"b","expected":"gpu-metrics-missing","text":"failed to allocate for range 0: no IP addresses available in range set: 10.0.0.1-10.0.0.9"}
        {"id":"c","expected":null,"text":"lunch?"}
        """);

    var strict = CliRunner.run("eval", cases.toString(), "--misses");
    var lenient = CliRunner.run("eval", cases.toString(), "--min-top1", "0.5", "--min-top3", "0.5");

    assertThat(strict.code()).isEqualTo(1);
    assertThat(strict.out())
        .contains("top1              0.5000  FAIL (floor 0.95, -0.4500)")
        .contains("false_reply_rate  0.0000  OK")
        .contains("miss b expected=gpu-metrics-missing");
    assertThat(lenient.code()).isZero();
  }

  @Test
  @DisplayName("an unreadable cases file is a usage error with one line")
  void unreadableCases() {
    var r = CliRunner.run("eval", dir.resolve("missing.jsonl").toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip().lines()).hasSize(1);
  }

  @Test
  @DisplayName("a cases file with no cases says so, exit 2")
  void emptyCases() throws IOException {
    Path cases = dir.resolve("empty.jsonl");
    Files.writeString(cases, "\n\n");

    var r = CliRunner.run("eval", cases.toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().strip())
        .isEqualTo(cases + " holds no cases: one {\"id\",\"expected\",\"text\"} object a line");
  }

  @Test
  @DisplayName("labels that name no entry are listed with a suggestion, exit 2")
  void labelsNamingNoEntry() throws IOException {
    Path cases = dir.resolve("typo.jsonl");
    Files.writeString(
        cases,
        """
        {"id":"a","expected":"pod-ip-exhaustoin","text":"failed to allocate for range 0"}
        {"id":"b","expected":null,"text":"lunch?"}
        """);

    var r = CliRunner.run("eval", cases.toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().strip())
        .isEqualTo(
            cases
                + ": 1 expected id(s) name no entry: pod-ip-exhaustoin, did you mean"
                + " 'pod-ip-exhaustion'? (runtime-doctor list shows them all)");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(
      delimiter = '|',
      ignoreLeadingAndTrailingWhitespace = false,
      value = {
        "{\"id\":\"a\",\"text\":\"x\" oops|:1: not valid JSON",
        "[1, 2]|:1: not a JSON object",
        "{\"id\":\"a\",\"expected\":null}|:1: \"text\" is missing or not a string",
        "{\"id\":7,\"expected\":null,\"text\":\"x\"}|:1: \"id\" is missing or not a string",
        "{\"id\":\"a\",\"expected\":[1],\"text\":\"x\"}|:1: \"expected\" is neither an entry id"
            + " nor null",
        "{\"id\":\"a\",\"expectd\":\"oom-killed\",\"text\":\"x\"}| holds no positive case"
      })
  @DisplayName("a malformed case is named by file and line in plain words, exit 2, no class names")
  void malformedCasesInPlainWords(String line, String said) throws IOException {
    Path cases = dir.resolve("bad.jsonl");
    Files.writeString(cases, line + "\n");

    var r = CliRunner.run("eval", cases.toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(r.err())
        .contains(cases + said)
        .doesNotContain("com.google")
        .doesNotContain("Exception");
  }

  @Test
  @DisplayName("a directory or a binary file given as cases says which, exit 2")
  void directoryOrBinaryCases() throws IOException {
    Path binary = dir.resolve("cases.bin");
    Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, (byte) 0xc3});

    var folder = CliRunner.run("eval", dir.toString());
    var bin = CliRunner.run("eval", binary.toString());

    assertThat(folder.code()).isEqualTo(2);
    assertThat(folder.err().strip())
        .isEqualTo("cannot read cases: " + dir + ": a directory, not a file");
    assertThat(bin.code()).isEqualTo(2);
    assertThat(bin.err().strip()).isEqualTo("cannot read cases: " + binary + ": not UTF-8 text");
  }
}

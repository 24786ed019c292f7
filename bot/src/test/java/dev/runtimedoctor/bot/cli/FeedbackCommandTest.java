package dev.runtimedoctor.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedbackCommandTest {
  private static final String LOG =
      String.join(
          "\n",
          "{\"at\":\"2025-03-04T10:00:00Z\",\"kind\":\"helpful\","
              + "\"entries\":[\"pod-ip-exhaustion\"],"
              + "\"surface\":\"thread\",\"fingerprint\":\"0123456789abcdef\"}",
          "{\"at\":\"2025-03-04T10:01:00Z\",\"kind\":\"not_it\","
              + "\"entries\":[\"private-registry-x509\"],"
              + "\"surface\":\"command\",\"fingerprint\":\"1111111111111111\"}",
          "{\"at\":\"2025-03-04T10:02:00Z\",\"kind\":\"actual\","
              + "\"entries\":[\"private-registry-x509\"],"
              + "\"actual\":\"insecure-registry-http\",\"surface\":\"command\","
              + "\"fingerprint\":\"1111111111111111\"}",
          "{\"at\":\"2025-03-04T10:03:00Z\",\"kind\":\"unmatched\",\"surface\":\"mention\","
              + "\"fingerprint\":\"feedfacecafebeef\",\"lines\":4}",
          "{\"at\":\"2025-03-04T11:03:00Z\",\"kind\":\"unmatched\",\"surface\":\"command\","
              + "\"fingerprint\":\"feedfacecafebeef\",\"lines\":4,"
              + "\"closest\":\"gpu-metrics-missing\"}",
          "");

  @Test
  @DisplayName("feedback prints per entry verdicts, confusions and the most frequent unmatched")
  void text(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("f.jsonl");
    Files.writeString(log, LOG);
    CliRunner.Result r =
        CliRunner.run(new byte[0], Map.of("FEEDBACK_LOG", log.toString()), "feedback");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("5 records, 1 helpful, 1 not it")
        .containsPattern("pod-ip-exhaustion\\s+1\\s+0\\s+0")
        .containsPattern("insecure-registry-http\\s+0\\s+0\\s+1")
        .contains("private-registry-x509 → insecure-registry-http")
        .containsPattern("feedfacecafebeef\\s+2\\s+2025-03-04T11:03:00Z\\s+gpu-metrics-missing");
  }

  @Test
  @DisplayName("feedback --json gives the same summary as JSON")
  void json(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("f.jsonl");
    Files.writeString(log, LOG);
    CliRunner.Result r = CliRunner.run("feedback", "--json", "--log", log.toString());
    assertThat(r.code()).isZero();
    JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
    assertThat(o.get("records").getAsInt()).isEqualTo(5);
    assertThat(o.getAsJsonArray("candidates").get(0).getAsJsonObject().get("count").getAsInt())
        .isEqualTo(2);
  }

  @Test
  @DisplayName("a missing log is a usage error with one clear line")
  void missing(@TempDir Path dir) {
    CliRunner.Result r = CliRunner.run("feedback", "--log", dir.resolve("none.jsonl").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("no feedback log at").contains("FEEDBACK_LOG");
  }

  @Test
  @DisplayName("--top 0 lists no unmatched pastes without claiming there are none")
  void topZero(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("f.jsonl");
    Files.writeString(log, LOG);

    CliRunner.Result r = CliRunner.run("feedback", "--top", "0", "--log", log.toString());
    CliRunner.Result negative = CliRunner.run("feedback", "--top", "-1", "--log", log.toString());

    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("5 records").doesNotContain("no unmatched pastes recorded");
    assertThat(r.out()).doesNotContain("feedfacecafebeef");
    assertThat(negative.code()).isEqualTo(2);
    assertThat(negative.err().strip()).isEqualTo("--top must be 0 or more, not -1");
  }

  @Test
  @DisplayName("--log naming a directory says so, rather than that the log does not exist")
  void logIsADirectory(@TempDir Path dir) {
    CliRunner.Result r = CliRunner.run("feedback", "--log", dir.toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip())
        .isEqualTo(
            dir
                + " is a directory: --log (or FEEDBACK_LOG) names the log file, e.g. "
                + dir.resolve("feedback.jsonl"));
  }

  @Test
  @DisplayName("--log naming a binary file says it is not a feedback log, in plain words")
  void logIsBinary(@TempDir Path dir) throws Exception {
    Path binary = dir.resolve("image.png");
    java.nio.file.Files.write(
        binary, new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, (byte) 0xff, (byte) 0xfe});

    CliRunner.Result r = CliRunner.run("feedback", "--log", binary.toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip())
        .isEqualTo(
            binary
                + " is not a feedback log: it is not UTF-8 text (JSON Lines, one record a line)");
  }

  @Test
  @DisplayName("feedback - picks the marked records out of mixed log lines on standard input")
  void fromStdin() {
    String logs =
        String.join(
            "\n",
            "[pod/runtime-doctor-7f9-abc/bot] 2026-11-30T10:00:00Z INFO SlackServer ready",
            "[pod/runtime-doctor-7f9-abc/bot] {\"record\":\"runtime_doctor_feedback\","
                + "\"at\":\"2025-03-04T10:00:00Z\",\"kind\":\"helpful\","
                + "\"entries\":[\"pod-ip-exhaustion\"],\"surface\":\"thread\","
                + "\"fingerprint\":\"0123456789abcdef\"}",
            "{\"kind\":\"helpful\",\"at\":\"2025-03-04T10:00:00Z\",\"msg\":\"someone else's\"}",
            "2026-11-30T10:01:00.5Z {\"record\":\"runtime_doctor_feedback\","
                + "\"at\":\"2025-03-04T10:03:00Z\",\"kind\":\"unmatched\","
                + "\"surface\":\"mention\",\"fingerprint\":\"feedfacecafebeef\",\"lines\":4}",
            "");
    CliRunner.Result r =
        CliRunner.run(
            logs.getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of(), "feedback", "-");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("2 records, 1 helpful, 0 not it").contains("feedfacecafebeef");
    assertThat(r.err()).isEmpty();
  }
}

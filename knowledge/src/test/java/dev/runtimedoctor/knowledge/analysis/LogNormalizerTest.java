package dev.runtimedoctor.knowledge.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogNormalizerTest {

  private static List<PasteLine> lines(String text) {
    return LogNormalizer.normalize(text).lines();
  }

  private static String cleaned(String line) {
    List<PasteLine> l = lines(line);
    assertThat(l).as("one line from %s", line).hasSize(1);
    return l.get(0).cleaned();
  }

  @Test
  @DisplayName("a klog prefix (level, date, time, thread, file:line]) is dropped")
  void klogPrefix() {
    assertThat(
            cleaned(
                "E1127 12:00:00.123456    1234 remote_runtime.go:116] \"RunPodSandbox from"
                    + " runtime service failed\" err=\"rpc error\""))
        .isEqualTo("\"RunPodSandbox from runtime service failed\" err=\"rpc error\"");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2023-11-27T12:00:00Z failed to pull image",
        "2023-11-27T12:00:00.123456789Z failed to pull image",
        "2023-11-27T12:00:00+01:00 failed to pull image",
        "2023-11-27 12:00:00,123 failed to pull image",
        "[2023-11-27T12:00:00.000Z] failed to pull image",
      })
  @DisplayName("an RFC 3339 or ISO timestamp prefix is dropped")
  void rfc3339Prefix(String line) {
    assertThat(cleaned(line)).isEqualTo("failed to pull image");
  }

  @Test
  @DisplayName("a journald prefix and the klog prefix under it are both dropped")
  void journaldAndKlogPrefixes() {
    assertThat(
            cleaned(
                "Nov 27 12:00:00 gke-node-1 kubelet[1234]: E1127 12:00:00.554120    1234"
                    + " kubelet.go:2373] \"Container runtime network not ready\""))
        .isEqualTo("\"Container runtime network not ready\"");
  }

  @Test
  @DisplayName("a syslog prefix with a GKE node name and microseconds is dropped")
  void syslogPrefix() {
    assertThat(
            cleaned(
                "Nov 27 12:00:00.123456 gke-prod-default-pool-1a2b3c4d-xyz1 containerd[987]:"
                    + " cni plugin not initialized"))
        .isEqualTo("cni plugin not initialized");
  }

  @Test
  @DisplayName("a logrus prefix (time=\"…\" level=error) is dropped, the message kept")
  void logrusPrefix() {
    assertThat(
            cleaned(
                "time=\"2023-11-27T12:00:00.123456789Z\" level=error msg=\"trying next host\""
                    + " error=\"failed to do request\""))
        .isEqualTo("msg=\"trying next host\" error=\"failed to do request\"");
  }

  @Test
  @DisplayName(
      "a kubectl describe event row keeps its message with spaces squeezed and counts masked")
  void describeEventRow() {
    PasteLine row =
        lines(
                "  Warning  FailedCreatePodSandBox  2m3s (x9 over 4m)    kubelet"
                    + "            Failed to create pod sandbox: rpc error")
            .get(0);

    assertThat(row.cleaned())
        .isEqualTo(
            "Warning FailedCreatePodSandBox 2m3s (x9 over 4m) kubelet Failed to create pod"
                + " sandbox: rpc error");
    assertThat(row.masked()).contains("<duration>").doesNotContain("2m3s").doesNotContain("4m)");
  }

  @Test
  @DisplayName("k9s box-drawing borders are removed and border-only lines dropped")
  void k9sBorders() {
    List<PasteLine> l =
        lines(
            "┌──────── Pods(default)[2] ────────┐\n"
                + "│ web-1 ┃ 0/1 │ ErrImagePull      │\n"
                + "└──────────────────────────────────┘\n");

    assertThat(l)
        .extracting(PasteLine::cleaned)
        .containsExactly("Pods(default)[2]", "web-1 0/1 ErrImagePull");
    assertThat(l).extracting(PasteLine::number).containsExactly(1, 2);
  }

  @Test
  @DisplayName("control and invisible characters become spaces")
  void controlCharacters() {
    assertThat(cleaned("cni\u0000plugin\u0007not\u200binitialized\u007f\t"))
        .isEqualTo("cni plugin not initialized");
  }

  @Test
  @DisplayName("CRLF line ends split lines like LF and leave no carriage return")
  void crlf() {
    List<PasteLine> l = lines("first line\r\nsecond line\r\n");

    assertThat(l).extracting(PasteLine::cleaned).containsExactly("first line", "second line");
    assertThat(l).extracting(PasteLine::original).noneMatch(s -> s.contains("\r"));
  }

  @Test
  @DisplayName("blank lines are dropped and the others keep their number in the paste")
  void blankLinesKeepNumbering() {
    List<PasteLine> l = lines("\nfirst\n\n   \n\t\nsecond\n\nthird");

    assertThat(l).extracting(PasteLine::number).containsExactly(2, 6, 8);
    assertThat(l).extracting(PasteLine::cleaned).containsExactly("first", "second", "third");
  }

  @Test
  @DisplayName("each line keeps its original text beside the cleaned and masked forms")
  void keepsOriginal() {
    String original = "E1127 12:00:00.123456    1234 pod_workers.go:965] pod 10.0.0.1 failed";

    PasteLine l = lines(original).get(0);

    assertThat(l.original()).isEqualTo(original);
    assertThat(l.cleaned()).isEqualTo("pod 10.0.0.1 failed");
    assertThat(l.masked()).isEqualTo("pod <ip> failed");
  }

  @Test
  @DisplayName("Slack markup is undone before lines are cleaned")
  void slackUnescaped() {
    assertThat(cleaned("&lt;none&gt; <https://example.com|example.com>"))
        .isEqualTo("<none> example.com");
  }

  @Test
  @DisplayName(
      "a 10 MB paste is cut to the size the engine reads, keeping both ends, without error")
  void hugePasteTruncated() {
    StringBuilder sb = new StringBuilder("FIRST LINE\n");
    String noise = "I1127 12:00:00.123456       1 main.go:12] routine line of a busy log\n";
    while (sb.length() < 10 * 1024 * 1024) {
      sb.append(noise);
    }
    sb.append("LAST LINE\n");

    NormalizedPaste p = LogNormalizer.normalize(sb.toString());

    assertThat(p.truncated()).isTrue();
    assertThat(p.lines()).isNotEmpty();
    assertThat(p.lines().get(0).cleaned()).isEqualTo("FIRST LINE");
    assertThat(p.lines().get(p.lines().size() - 1).cleaned()).isEqualTo("LAST LINE");
    assertThat(p.lines().stream().mapToInt(l -> l.original().length()).sum())
        .isLessThanOrEqualTo(LogNormalizer.MAX_CHARS);
  }

  @Test
  @DisplayName("a paste within the limit is not marked truncated")
  void smallPasteNotTruncated() {
    assertThat(LogNormalizer.normalize("cni plugin not initialized").truncated()).isFalse();
  }

  @Test
  @DisplayName("null, empty and blank pastes normalize to nothing")
  void emptyInputs() {
    assertThat(LogNormalizer.normalize(null).isEmpty()).isTrue();
    assertThat(LogNormalizer.normalize("").isEmpty()).isTrue();
    assertThat(LogNormalizer.normalize(" \n\t\r\n ").isEmpty()).isTrue();
  }

  @Test
  @DisplayName("Slack code fences keep the paste's own line numbers")
  void fencesKeepLineNumbers() {
    var lines = LogNormalizer.normalize("intro\n```\nerror line\n```\nafter").lines();

    assertThat(lines).extracting(PasteLine::number).containsExactly(1, 3, 5);
  }

  @Test
  @DisplayName("a log exported as JSON is read as the lines its \\n separate")
  void jsonEscapedLines() {
    var lines =
        LogNormalizer.normalize(
                "{\"textPayload\":\"first\\nFailed to pull image \\\"x\\\": boom\\n\\tlast\"}")
            .lines();

    assertThat(lines).extracting(PasteLine::cleaned).contains("Failed to pull image \"x\": boom");
    assertThat(lines).hasSize(3);
  }

  @Test
  @DisplayName("a single \\n, as in a Windows path or a quoted example, is left alone")
  void singleEscapeLeftAlone() {
    assertThat(LogNormalizer.normalize("open C:\\new\\file.txt: denied").lines()).hasSize(1);
  }

  /**
   * A paste of {@code count} lines, each naming its own number ("line 000042 …"), ended by {@code
   * eol}, with every tenth line blank: over 4 MiB from about 45,000 lines.
   */
  private static String numberedLines(int count, String eol) {
    StringBuilder sb = new StringBuilder();
    for (int n = 1; n <= count; n++) {
      if (n % 10 == 0) {
        sb.append(eol);
        continue;
      }
      sb.append(String.format(java.util.Locale.ROOT, "line %06d", n))
          .append(" I1127 12:00:00 routine event for pod web-7f9 in namespace shop, nothing wrong")
          .append(eol);
    }
    return sb.toString();
  }

  @ParameterizedTest
  @ValueSource(strings = {"\n", "\r\n", "\r"})
  @DisplayName(
      "the kept end of a paste over 4 MiB keeps the line numbers of the paste, whatever its line"
          + " breaks, and each kept line is whole")
  void truncatedPasteKeepsLineNumbers(String eol) {
    String paste = numberedLines(60_001, eol);
    assertThat(paste.length()).isGreaterThan(LogNormalizer.MAX_CHARS);

    NormalizedPaste p = LogNormalizer.normalize(paste);

    assertThat(p.truncation()).isEqualTo(Truncation.ENDS);
    assertThat(p.lines().get(p.lines().size() - 1).number()).isEqualTo(60_001);
    for (PasteLine l : p.lines()) {
      assertThat(l.original())
          .as("line %d", l.number())
          .startsWith(String.format(java.util.Locale.ROOT, "line %06d", l.number()))
          .endsWith("nothing wrong");
    }
    // Lines of both ends are there, and the middle is not.
    assertThat(p.lines()).anyMatch(l -> l.number() == 1).noneMatch(l -> l.number() == 30_001);
  }

  @ParameterizedTest
  @ValueSource(ints = {-41, -20, -1, 0, 1, 17})
  @DisplayName(
      "a line over 1 MiB is cut between words, so a token across the cut is dropped whole, not"
          + " left in part")
  void longLineCutBetweenWords(int tokenOffset) {
    String token = "ghp_" + "AbCdEfGhIj".repeat(4);
    StringBuilder line = new StringBuilder();
    while (line.length() < LogNormalizer.MAX_LINE_CHARS + tokenOffset) {
      line.append("routine ");
    }
    line.setLength(LogNormalizer.MAX_LINE_CHARS + tokenOffset);
    line.setCharAt(line.length() - 1, ' ');
    line.append(token).append(" and more words after it ".repeat(1000));

    NormalizedPaste p = LogNormalizer.normalize(line + "\nnext line");

    assertThat(p.truncation()).isEqualTo(Truncation.LINE_STARTS);
    String kept = p.lines().get(0).original();
    assertThat(kept.length()).isLessThanOrEqualTo(LogNormalizer.MAX_LINE_CHARS);
    assertThat(line.toString().startsWith(kept)).as("the start of the line").isTrue();
    assertThat(Character.isWhitespace(line.charAt(kept.length()))).as("cut at a space").isTrue();
    assertThat(!kept.contains("ghp_") || kept.endsWith(token)).as("the token whole").isTrue();
    assertThat(p.lines().get(1).number()).isEqualTo(2);
  }

  @Test
  @DisplayName("a paste says which of its parts were not read: its middle, long lines' ends, both")
  void truncationSaysWhatWasNotRead() {
    String longLine = "word ".repeat(LogNormalizer.MAX_LINE_CHARS / 4) + "\n";

    assertThat(LogNormalizer.normalize("cni plugin not initialized").truncation())
        .isEqualTo(Truncation.NONE);
    assertThat(LogNormalizer.normalize(longLine + "error").truncation())
        .isEqualTo(Truncation.LINE_STARTS);
    assertThat(LogNormalizer.normalize(numberedLines(60_000, "\n")).truncation())
        .isEqualTo(Truncation.ENDS);
    assertThat(LogNormalizer.normalize(longLine + numberedLines(60_000, "\n")).truncation())
        .isEqualTo(Truncation.ENDS_AND_LINE_STARTS);
  }
}

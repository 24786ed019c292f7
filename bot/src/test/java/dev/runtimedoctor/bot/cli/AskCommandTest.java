package dev.runtimedoctor.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AskCommandTest {
  private static final String POD_IP =
      "failed to allocate for range 0: no IP addresses available in range set: 10.48.131.1-10.48.131.62";

  @Test
  @DisplayName("ask TEXT names the entry, the evidence line, the affected versions and the fix")
  void askAnswersInTheTerminal() {
    var r = CliRunner.run("ask", "--lang", "en", POD_IP);

    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("pod-ip-exhaustion")
        .contains("line 1: " + POD_IP)
        .contains("<= 1.24.6-gke.1500")
        .contains("RESOLUTION")
        .contains("https://github.com/containerd/containerd/issues/5438");
    assertThat(r.err()).isEmpty();
  }

  @Test
  @DisplayName("ask --json prints matches best first with id, title, confidence and evidence")
  void askJsonShape() {
    var r = CliRunner.run("ask", "--json", POD_IP);

    JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
    assertThat(o.get("reply").getAsBoolean()).isTrue();
    JsonObject top = o.getAsJsonArray("matches").get(0).getAsJsonObject();
    assertThat(top.get("id").getAsString()).isEqualTo("pod-ip-exhaustion");
    assertThat(top.get("title").getAsString()).isNotBlank();
    assertThat(top.get("confidence").getAsDouble()).isBetween(0.6, 1.0);
    assertThat(top.getAsJsonArray("evidence").get(0).getAsString()).isEqualTo(POD_IP);
  }

  @Test
  @DisplayName("ask reads standard input when no TEXT is given")
  void askReadsStdin() {
    var r = CliRunner.run(POD_IP.getBytes(StandardCharsets.UTF_8), Map.of(), "ask", "--json");

    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("\"id\":\"pod-ip-exhaustion\"");
  }

  @Test
  @DisplayName(
      "evidence from the kept end of a paste over 4 MiB names its line as numbered in the paste")
  void truncatedPasteKeepsLineNumbers() {
    String line = "I1201 10:00:00.000000 1234 kubelet.go:100] SyncLoop (PLEG): event for pod web\n";
    byte[] paste = (line.repeat(60_000) + POD_IP + "\n").getBytes(StandardCharsets.UTF_8);

    var r = CliRunner.run(paste, Map.of(), "ask", "--lang", "en");

    assertThat(r.out()).contains("pod-ip-exhaustion").contains("line 60001: failed to allocate");
  }

  @Test
  @DisplayName(
      "a paste with a line over 1 MiB says that line's start was read, not the paste's ends, in"
          + " either language")
  void longLineSaysOnlyItsStartWasRead() {
    String longLine = "routine words of a minified blob ".repeat(40_000) + "\n";
    byte[] paste = (longLine + POD_IP + "\n").getBytes(StandardCharsets.UTF_8);

    var en = CliRunner.run(paste, Map.of(), "ask", "--lang", "en");
    var it = CliRunner.run(paste, Map.of(), "ask", "--lang", "it");
    var json = CliRunner.run(paste, Map.of(), "ask", "--json");

    assertThat(en.out())
        .contains("pod-ip-exhaustion")
        .contains("only the first 1 MiB of each line over 1 MiB was read")
        .doesNotContain("start and end");
    assertThat(it.out())
        .contains("delle righe oltre 1 MiB letto solo il primo MiB")
        .doesNotContain("inizio e la fine");
    assertThat(json.out()).contains("\"truncated\":true");
  }

  @Test
  @DisplayName(
      "a paste over 4 MiB whose middle was not read says so, with or without an answer, in the"
          + " terminal and in --json")
  void truncatedPasteSaysSo() {
    String line = "I1201 10:00:00.000000 1234 kubelet.go:100] SyncLoop (PLEG): event for pod web\n";
    StringBuilder log = new StringBuilder();
    while (log.length() < 5 * 1024 * 1024) {
      log.append(line);
    }
    byte[] noError = log.toString().getBytes(StandardCharsets.UTF_8);
    byte[] errorAtEnd = (log + POD_IP + "\n").getBytes(StandardCharsets.UTF_8);

    var silent = CliRunner.run(noError, Map.of(), "ask", "--lang", "en");
    var answered = CliRunner.run(errorAtEnd, Map.of(), "ask", "--lang", "en");
    var json = CliRunner.run(noError, Map.of(), "ask", "--json");

    assertThat(silent.out())
        .contains("No known issue recognised.")
        .contains("only its start and end were read");
    assertThat(answered.out())
        .contains("pod-ip-exhaustion")
        .contains("only its start and end were read");
    assertThat(json.out()).contains("\"truncated\":true");
  }

  @Test
  @DisplayName("no known issue: says so honestly and what to collect next")
  void askWithoutMatchIsHonest() {
    var r =
        CliRunner.run("ask", "--lang", "en", "our deploy finished and the dashboard looks fine");

    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("No known issue recognised.")
        .contains("What to collect next")
        .contains("kubectl describe pod");
  }

  @Test
  @DisplayName("the answer language follows the paste, then BOT_LANGUAGE")
  void answerLanguage() {
    var italian =
        CliRunner.run(
            new byte[0],
            Map.of("BOT_LANGUAGE", "en"),
            "ask",
            "i pod non partono più sul nodo, nel describe vedo: " + POD_IP + " — cosa devo fare?");
    var byEnv = CliRunner.run(new byte[0], Map.of("BOT_LANGUAGE", "en"), "ask", POD_IP);

    assertThat(italian.out()).contains("pod-ip-exhaustion").contains("RISOLUZIONE");
    assertThat(byEnv.out()).contains("RESOLUTION");
  }

  @Test
  @DisplayName(
      "a BOT_LANGUAGE that names no language is a usage error when it is needed, not ignored")
  void badBotLanguage() {
    var needed = CliRunner.run(new byte[0], Map.of("BOT_LANGUAGE", "xx"), "ask", POD_IP);
    var overridden =
        CliRunner.run(new byte[0], Map.of("BOT_LANGUAGE", "xx"), "ask", "--lang", "en", POD_IP);
    var list = CliRunner.run(new byte[0], Map.of("BOT_LANGUAGE", "xx"), "list");

    assertThat(needed.code()).isEqualTo(2);
    assertThat(needed.err().strip()).isEqualTo("BOT_LANGUAGE must be it or en, not 'xx'");
    assertThat(overridden.code()).isZero();
    assertThat(list.code()).isEqualTo(2);
  }

  @Test
  @DisplayName("a bad --lang is a usage error with one clear line")
  void badLanguage() {
    var r = CliRunner.run("ask", "--lang", "fr", POD_IP);

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo("--lang must be it or en, not 'fr'");
  }

  @Test
  @DisplayName("an unknown command suggests the closest one")
  void unknownCommandSuggests() {
    var r = CliRunner.run("aks", "x");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("ask");
  }

  @Test
  @DisplayName("ask with no text on a terminal says it reads standard input, then reads it")
  void askOnATerminalSaysItReadsStandardInput() {
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();

    int code =
        Main.run(
            new String[] {"ask", "--json"},
            Map.of(),
            new java.io.ByteArrayInputStream(POD_IP.getBytes(StandardCharsets.UTF_8)),
            true,
            new java.io.PrintWriter(out, true),
            new java.io.PrintWriter(err, true));
    var piped = CliRunner.run(POD_IP.getBytes(StandardCharsets.UTF_8), Map.of(), "ask", "--json");

    assertThat(code).isZero();
    assertThat(err.toString())
        .startsWith("reading the paste from standard input")
        .contains("Ctrl-D");
    assertThat(out.toString()).contains("pod-ip-exhaustion");
    assertThat(piped.err()).isEmpty();
  }
}

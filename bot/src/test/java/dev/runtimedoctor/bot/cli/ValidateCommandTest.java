package dev.runtimedoctor.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate} catches what would otherwise only fail at {@code check} time, or silently. */
class ValidateCommandTest {
  @TempDir Path dir;

  private static final String ENTRY =
      """
      ---
      id: registry-proxy-timeout
      area: registry
      title:
        it: "Il proxy del registry non risponde"
        en: "The registry proxy times out"
      signatures:
        - "dial tcp <ip>:443: i/o timeout"
      checks:
        - type: node-version
          runtime: containerd
        - type: event
          reason: Failed
          match: ["i/o timeout"]
      ---
      # Italiano
      ## Sintomo
      s
      ## Causa
      c
      ## Risoluzione
      Riavvia il proxy.
      # English
      ## Symptom
      s
      ## Cause
      c
      ## Resolution
      Restart the proxy.
      """;

  @Test
  @DisplayName("a good entry named after its id validates")
  void goodEntry() throws IOException {
    Files.writeString(dir.resolve("registry-proxy-timeout.md"), ENTRY);

    var r = CliRunner.run("validate", dir.toString());

    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(r.out().strip()).isEqualTo("ok: 1 entries in " + dir);
  }

  @Test
  @DisplayName("a check type this build lacks is rejected at its line, with a suggestion")
  void unknownCheckType() throws IOException {
    Files.writeString(
        dir.resolve("registry-proxy-timeout.md"), ENTRY.replace("type: event", "type: evnt"));

    var r = CliRunner.run("validate", dir.toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err().strip())
        .startsWith(
            dir
                + "/registry-proxy-timeout.md:12: unknown check type 'evnt', did you mean 'event'?"
                + " (this build has: event, exec-probe-timeout,");
  }

  @Test
  @DisplayName("a parameter the check does not read is rejected at its line, with a suggestion")
  void unknownCheckParameter() throws IOException {
    Files.writeString(
        dir.resolve("registry-proxy-timeout.md"), ENTRY.replace("match: [", "matches: ["));

    var r = CliRunner.run("validate", dir.toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err().strip())
        .isEqualTo(
            dir
                + "/registry-proxy-timeout.md:14: unknown parameter 'matches' for check type"
                + " 'event', did you mean 'match'? (it takes: kind, match, reason)");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(
      delimiter = '|',
      value = {
        "runtime: containerd|runtime: podman|11|'podman' for parameter 'runtime' of check type"
            + " 'node-version' (it takes: containerd, docker)",
        "runtime: containerd|runtime: dockr|11|'dockr' for parameter 'runtime' of check type"
            + " 'node-version', did you mean 'docker'? (it takes: containerd, docker)",
        "runtime: containerd|accelerator: nvidia|11|'nvidia' for parameter 'accelerator' of check type"
            + " 'node-version' (it takes: gpu)",
        "runtime: containerd|pools: autoprovisioned|11|'autoprovisioned' for parameter 'pools'"
            + " of check type 'node-version', did you mean 'auto-provisioned'? (it takes:"
            + " auto-provisioned)"
      })
  @DisplayName("a value a check knows by name and does not know is rejected at its line")
  void unknownCheckParameterValue(String from, String to, int line, String reason)
      throws IOException {
    Files.writeString(dir.resolve("registry-proxy-timeout.md"), ENTRY.replace(from, to));

    var r = CliRunner.run("validate", dir.toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err().strip())
        .isEqualTo(dir + "/registry-proxy-timeout.md:" + line + ": unknown value " + reason);
  }

  @Test
  @DisplayName("known values pass whatever their case")
  void knownValuesInAnyCase() throws IOException {
    Files.writeString(
        dir.resolve("registry-proxy-timeout.md"),
        ENTRY.replace("runtime: containerd", "runtime: Docker\n    pools: Auto-Provisioned"));

    var r = CliRunner.run("validate", dir.toString());

    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
  }

  @Test
  @DisplayName("a file whose name differs from its id is rejected at the id's line")
  void fileNameDiffersFromId() throws IOException {
    Files.writeString(dir.resolve("proxy.md"), ENTRY);

    var r = CliRunner.run("validate", dir.toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err().strip())
        .isEqualTo(
            dir
                + "/proxy.md:2: id 'registry-proxy-timeout' differs from the file name: rename"
                + " the file to registry-proxy-timeout.md (or change the id)");
  }

  @Test
  @DisplayName("a folder with no entries is an error, whether given or from KNOWLEDGE_DIR")
  void emptyFolder() throws IOException {
    Files.writeString(dir.resolve("README.txt"), "not an entry");

    var given = CliRunner.run("validate", dir.toString());
    var fromEnv = CliRunner.run(new byte[0], Map.of("KNOWLEDGE_DIR", dir.toString()), "validate");

    assertThat(given.code()).isEqualTo(1);
    assertThat(given.out()).isEmpty();
    assertThat(given.err().strip())
        .isEqualTo(
            dir
                + " holds no entries (*.md files with front"
                + " matter): is it the folder of entries?");
    assertThat(fromEnv.code()).isEqualTo(1);
    assertThat(fromEnv.err()).isEqualTo(given.err());
  }

  @Test
  @DisplayName("a folder that does not exist is a usage error, exit 2")
  void missingFolder() {
    var r = CliRunner.run("validate", dir.resolve("nope").toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip()).startsWith("cannot read " + dir.resolve("nope"));
  }

  @Test
  @DisplayName("KNOWLEDGE_DIR with no entries stops ask instead of being ignored")
  void emptyKnowledgeDirStopsAsk() {
    var r =
        CliRunner.run(
            new byte[0],
            Map.of("KNOWLEDGE_DIR", dir.toString()),
            "ask",
            "cni config uninitialized");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().strip()).contains(dir + " holds no entries");
  }
}

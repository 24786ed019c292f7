package dev.runtimedoctor.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeCommandsTest {
  @TempDir Path dir;

  private static final String EXTRA =
      """
      ---
      id: pod-ip-exhaustion
      area: networking
      title:
        it: "Voce locale sugli IP"
        en: "Local entry about IPs"
      signatures:
        - "failed to allocate for range 0: no IP addresses available in range set: <ip-range>"
      ---
      # Italiano
      ## Sintomo
      s
      ## Causa
      c
      ## Risoluzione
      Chiedi al team rete.
      # English
      ## Symptom
      s
      ## Cause
      c
      ## Resolution
      Ask the network team.
      """;

  @Test
  @DisplayName("validate accepts the bundled entries")
  void validateBundled() {
    var r = CliRunner.run("validate");

    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("ok: 39 entries (bundled)");
  }

  @Test
  @DisplayName("validate DIR exits 1 with file:line: reason on a bad entry")
  void validateReportsFileLineReason() throws IOException {
    Files.writeString(dir.resolve("bad.md"), EXTRA.replace("signatures:", "signature:"));

    var r = CliRunner.run("validate", dir.toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err().strip())
        .isEqualTo(
            dir + "/bad.md:7: unknown key 'signature' in front matter, did you mean 'signatures'?");
  }

  @Test
  @DisplayName("an extra entry with a bundled id replaces it, from --knowledge or KNOWLEDGE_DIR")
  void extraEntryReplacesBundled() throws IOException {
    Files.writeString(dir.resolve("pod-ip-exhaustion.md"), EXTRA);

    var byFlag =
        CliRunner.run("show", "pod-ip-exhaustion", "--lang", "en", "--knowledge", dir.toString());
    var byEnv =
        CliRunner.run(new byte[0], Map.of("KNOWLEDGE_DIR", dir.toString()), "list", "--lang", "en");

    assertThat(byFlag.out()).contains("Local entry about IPs").contains("Ask the network team.");
    assertThat(byEnv.out()).contains("Local entry about IPs").contains("cni-config-uninitialized");
  }

  @Test
  @DisplayName("a bad extra entry stops ask with its location, exit 2")
  void badExtraEntryIsAUsageError() throws IOException {
    Files.writeString(dir.resolve("x.md"), EXTRA.replace("area: networking", "area: netwrking"));

    var r = CliRunner.run("ask", "--knowledge", dir.toString(), "anything");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .startsWith(dir + "/x.md:3: unknown area 'netwrking', did you mean 'networking'?");
  }

  @Test
  @DisplayName("list groups entries by area; show ID suggests the closest id when unknown")
  void listAndShow() {
    var list = CliRunner.run("list", "--lang", "en");
    var show = CliRunner.run("show", "pod-ip-exhaustion", "--lang", "it");
    var typo = CliRunner.run("show", "pod-ip-exaustion");

    assertThat(list.out()).contains("NETWORKING").contains("WINDOWS").contains("pod-ip-exhaustion");
    assertThat(show.out())
        .contains("## Risoluzione")
        .contains("https://github.com/containerd/containerd/issues/5438");
    assertThat(typo.code()).isEqualTo(2);
    assertThat(typo.err()).contains("did you mean 'pod-ip-exhaustion'?");
  }

  @Test
  @DisplayName("show with a word of an id offers the ids that contain it")
  void showSuggestsIdsContainingTheWord() {
    var one = CliRunner.run("show", "x509");
    var several = CliRunner.run("show", "registry");

    assertThat(one.code()).isEqualTo(2);
    assertThat(one.err().strip())
        .isEqualTo(
            "no entry 'x509', did you mean 'private-registry-x509'?"
                + " (runtime-doctor list shows them all)");
    assertThat(several.err())
        .contains(
            "did you mean one of: image-pull-registry-unreachable, insecure-registry-http,"
                + " private-registry-certificate-missing, private-registry-x509?");
  }

  @Test
  @DisplayName(
      "show finds an id whatever its case, says an empty id is missing, and echoes at most 60"
          + " characters of an unknown one")
  void showForgivesCaseAndBoundsItsEcho() {
    var upper = CliRunner.run("show", "--lang", "en", "OOM-KILLED");
    var empty = CliRunner.run("show", "");
    var huge = CliRunner.run("show", "x".repeat(100_000));

    assertThat(upper.code()).isZero();
    assertThat(upper.out()).contains("OOMKilled");
    assertThat(empty.code()).isEqualTo(2);
    assertThat(empty.err().strip())
        .isEqualTo("no entry id given (runtime-doctor list shows them all)");
    assertThat(huge.code()).isEqualTo(2);
    assertThat(huge.err().length()).isLessThan(200);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(
      delimiter = '|',
      value = {
        "crashloop|crash-loop-backoff",
        "CrashLoopBackOff|crash-loop-backoff",
        "oomkilled|oom-killed",
        "node disk|node-disk-full"
      })
  @DisplayName("show with an id written without its hyphens offers the id")
  void showMatchesIdsWithoutTheirHyphens(String typed, String id) {
    var r = CliRunner.run("show", typed);

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("did you mean '" + id + "'?");
  }

  @Test
  @DisplayName("show of an entry whose bundled pack is off says which pack to load")
  void showNamesThePackThatIsOff() {
    var r = CliRunner.run("show", "oom-killed", "--packs", "gke-runtime");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip())
        .isEqualTo(
            "entry 'oom-killed' is in the bundled pack 'everyday', which is not loaded: add it to"
                + " --packs or KNOWLEDGE_PACKS");
  }
}

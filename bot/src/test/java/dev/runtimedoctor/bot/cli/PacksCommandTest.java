package dev.runtimedoctor.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.runtimedoctor.bot.FixturePacks;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The two kinds of entry on the command line: packs turned on and off, {@code list} by pack, and
 * known issues and failure modes shown each their way (failure modes from the test fixtures).
 */
class PacksCommandTest {
  private static final String FIXTURES = FixturePacks.dir().toString();

  private static final String OOM =
      "    Last State:     Terminated\n"
          + "      Reason:       OOMKilled\n"
          + "      Exit Code:    137\n";

  private static final String POD_IP =
      "failed to allocate for range 0: no IP addresses available in range set:"
          + " 10.48.131.1-10.48.131.62";

  @Test
  @DisplayName("list groups the entries by pack, the bundled known issues first")
  void listGroupsByPack() {
    var r = CliRunner.run("list", "--lang", "en", "--knowledge", FIXTURES);

    assertThat(r.code()).isZero();
    String out = r.out();
    assertThat(out)
        .contains("gke-runtime · Known issues of the GKE container runtime (20)")
        .contains("everyday · Everyday failures of pods and nodes (Kubernetes)");
    assertThat(out.indexOf("pod-ip-exhaustion")).isLessThan(out.indexOf("everyday ·"));
    assertThat(out.indexOf("fixture-oom-killed")).isGreaterThan(out.indexOf("everyday ·"));
  }

  @Test
  @DisplayName("--packs and KNOWLEDGE_PACKS leave a bundled pack out; extra entries still load")
  void packsTurnOff() {
    var byFlag = CliRunner.run("list", "--packs", "everyday", "--knowledge", FIXTURES);
    var byEnv =
        CliRunner.run(
            new byte[0],
            Map.of("KNOWLEDGE_PACKS", "everyday", "KNOWLEDGE_DIR", FIXTURES),
            "ask",
            "--json",
            POD_IP);
    var flagWins =
        CliRunner.run(
            new byte[0], Map.of("KNOWLEDGE_PACKS", "everyday"), "list", "--packs", "gke-runtime");

    assertThat(byFlag.code()).isZero();
    assertThat(byFlag.out()).contains("fixture-oom-killed").doesNotContain("pod-ip-exhaustion");
    assertThat(byEnv.code()).isZero();
    assertThat(byEnv.out()).doesNotContain("pod-ip-exhaustion");
    assertThat(flagWins.out()).contains("pod-ip-exhaustion");
  }

  @Test
  @DisplayName("an unknown pack is a usage error naming it, the closest pack and the list")
  void unknownPack() {
    var byFlag = CliRunner.run("list", "--packs", "gke-runtime,everday");
    var byEnv = CliRunner.run(new byte[0], Map.of("KNOWLEDGE_PACKS", "gke"), "ask", POD_IP);

    assertThat(byFlag.code()).isEqualTo(2);
    assertThat(byFlag.err().strip())
        .isEqualTo(
            "--packs: unknown pack 'everday', did you mean 'everyday'? (bundled packs:"
                + " gke-runtime, everyday)");
    assertThat(byEnv.code()).isEqualTo(2);
    assertThat(byEnv.err().strip())
        .isEqualTo(
            "KNOWLEDGE_PACKS: unknown pack 'gke', did you mean 'gke-runtime'? (bundled packs:"
                + " gke-runtime, everyday)");
    assertThat(byFlag.out()).isEmpty();
  }

  @Test
  @DisplayName("ask shows a failure mode's meaning, causes and fix, and no affected versions")
  void askFailureMode() {
    // Only the fixtures' failure modes: the bundled everyday pack would answer the same paste.
    var r =
        CliRunner.run(
            new byte[0],
            Map.of("KNOWLEDGE_DIR", FIXTURES, "KNOWLEDGE_PACKS", "gke-runtime"),
            "ask",
            "--lang",
            "en",
            OOM);

    assertThat(r.code()).isZero();
    assertThat(r.out())
        .startsWith("fixture-oom-killed  confidence")
        .contains("· failure mode")
        .contains("WHAT IT MEANS", "HOW TO TELL THE CAUSES APART", "WHAT TO DO")
        .contains("kubectl top pod <pod> --containers")
        .doesNotContain("affected:")
        .doesNotContain("fixed in:");
  }

  @Test
  @DisplayName("ask shows a known issue with its kind, affected versions and resolution")
  void askKnownIssue() {
    var r = CliRunner.run("ask", "--lang", "it", "--knowledge", FIXTURES, POD_IP);

    assertThat(r.out())
        .contains("· problema noto")
        .contains("interessati:")
        .contains("RISOLUZIONE")
        .doesNotContain("COSA SIGNIFICA");
  }

  @Test
  @DisplayName("ask --json names each match's kind, the known issue first beside a failure mode")
  void askJsonKind() {
    var r =
        CliRunner.run(
            "ask",
            "--json",
            "--packs",
            "gke-runtime",
            "--knowledge",
            FIXTURES,
            POD_IP + "\n" + OOM);

    JsonArray matches = JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonArray("matches");
    JsonObject first = matches.get(0).getAsJsonObject();
    JsonObject second = matches.get(1).getAsJsonObject();
    assertThat(first.get("id").getAsString()).isEqualTo("pod-ip-exhaustion");
    assertThat(first.get("kind").getAsString()).isEqualTo("known-issue");
    assertThat(second.get("id").getAsString()).isEqualTo("fixture-oom-killed");
    assertThat(second.get("kind").getAsString()).isEqualTo("failure-mode");
    assertThat(second.get("confidence").getAsDouble()).isGreaterThanOrEqualTo(0.6);
  }

  @Test
  @DisplayName("show gives a failure mode's kind and pack, its sections by what they answer")
  void showFailureMode() {
    var r =
        CliRunner.run(
            "show", "fixture-crash-loop-backoff", "--lang", "en", "--knowledge", FIXTURES);
    var known = CliRunner.run("show", "pod-ip-exhaustion", "--lang", "en");

    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("· failure mode · pack: everyday · area: pods")
        .contains("## What it means", "## How to tell the causes apart", "## What to do")
        .contains("kubectl logs <pod> --previous")
        .doesNotContain("affected:");
    assertThat(known.out())
        .contains("· known issue · pack: gke-runtime")
        .contains("affected: ")
        .contains("## Resolution");
  }

  @Test
  @DisplayName("with nothing recognised, ask's next steps fit the paste: a crash loop's logs")
  void askNextStepsFitThePaste() {
    var r =
        CliRunner.run(
            "ask",
            "--lang",
            "en",
            "--packs",
            "gke-runtime",
            "api-6c9f7d8b9d-7xk2p  0/1  CrashLoopBackOff  7 (2m ago)  14m");

    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("What to collect next")
        .contains("kubectl logs <pod> -n <namespace> --previous")
        .doesNotContain("`");
  }
}

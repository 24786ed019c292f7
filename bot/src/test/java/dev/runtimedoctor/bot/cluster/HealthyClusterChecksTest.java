package dev.runtimedoctor.bot.cluster;

import static dev.runtimedoctor.bot.cluster.GkeClusterChecksTest.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimedoctor.knowledge.entry.KnowledgeBase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** A current cluster with none of the issues: versions rule entries out, the rest stays open. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HealthyClusterChecksTest {
  private MockCluster cluster;
  private List<CheckResult> all;

  @BeforeAll
  void runEveryCheck(@TempDir Path dir) {
    cluster = MockCluster.crud("healthy-cluster.yaml");
    try (ClusterChecks checks = cluster.checks(dir, ClusterSettings.DEFAULT)) {
      KnowledgeBase kb = KnowledgeBase.bundledWith(List.of());
      all = checks.run(ClusterChecks.withChecks(kb.entries()), CheckScope.CLUSTER);
    }
  }

  @AfterAll
  void stop() {
    cluster.close();
  }

  @Test
  @DisplayName("nothing is confirmed and every check could run")
  void nothingConfirmed() {
    assertThat(all)
        .extracting(CheckResult::verdict)
        .doesNotContain(Verdict.CONFIRMED, Verdict.UNAVAILABLE);
  }

  @Test
  @DisplayName("a Windows node on containerd 1.6.9 is past the 1.6.6 fix")
  void fixedContainerd() {
    CheckResult r = result(all, "windows-drive-letter-mount", "node-version");
    assertThat(r.verdict()).isEqualTo(Verdict.NOT_AFFECTED);
    assertThat(r.summary())
        .isEqualTo("matches the error, but your nodes run containerd 1.6.9; fixed in 1.6.6");
  }

  @Test
  @DisplayName("a GKE 1.27.8 node is past the fix of its own minor line")
  void fixedGke() {
    assertThat(result(all, "shim-leak-io-pressure", "node-version").summary())
        .isEqualTo(
            "matches the error, but your nodes run GKE 1.27.8-gke.1067004;"
                + " fixed in 1.27.6-gke.1513000");
  }

  @Test
  @DisplayName("when both components rule an entry out, the summary names each")
  void bothComponents() {
    assertThat(result(all, "windows-attach-after-restart", "node-version").summary())
        .isEqualTo(
            "matches the error, but your nodes run GKE 1.27.8-gke.1067004 and containerd 1.6.9;"
                + " affected: GKE 1.21 - 1.21.5-gke.1802, 1.22 - 1.22.3-gke.700;"
                + " fixed in containerd 1.5.7-gke.1");
  }

  @Test
  @DisplayName("no matching event is inconclusive, never not-affected: events expire")
  void eventsNeverRuleOut() {
    assertThat(all.stream().filter(r -> r.check().equals("event")))
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.verdict()).isEqualTo(Verdict.INCONCLUSIVE));
  }

  @Test
  @DisplayName("webhooks that spare kube-system or fail open are not blamed")
  void webhooksSpareKubeSystem() {
    CheckResult r = result(all, "cni-config-uninitialized", "webhooks-kube-system");
    assertThat(r.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(r.summary()).contains("failurePolicy Ignore");
    assertThat(r.evidence()).singleElement().asString().contains("audit.example.com");
  }

  @Test
  @DisplayName(
      "no exhaustion event, Ready nodes and an exec probe on containerd leave those checks open,"
          + " the probe as exposure")
  void stateChecks() {
    assertThat(result(all, "pod-ip-exhaustion", "pods-per-node").summary())
        .startsWith("no node reports the exhaustion error now");
    assertThat(result(all, "cni-config-uninitialized", "node-condition").summary())
        .startsWith("no node reports it now (2 checked)");
    assertThat(result(all, "exec-probe-timeout", "exec-probe-timeout").summary())
        .startsWith("exposed, not seen: 1 exec probe in 1 pod on containerd nodes");
  }
}

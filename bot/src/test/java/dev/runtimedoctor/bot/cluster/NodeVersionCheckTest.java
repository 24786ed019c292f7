package dev.runtimedoctor.bot.cluster;

import static dev.runtimedoctor.bot.cluster.FakeReader.gpu;
import static dev.runtimedoctor.bot.cluster.FakeReader.node;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimedoctor.knowledge.entry.Entry;
import dev.runtimedoctor.knowledge.entry.KnowledgeBase;
import dev.runtimedoctor.knowledge.index.KnowledgeIndex;
import dev.runtimedoctor.knowledge.match.Matcher;
import dev.runtimedoctor.knowledge.version.Version;
import io.fabric8.kubernetes.api.model.Node;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The version rules of {@code node-version}, on in-memory nodes. */
class NodeVersionCheckTest {
  private final KnowledgeBase kb = KnowledgeBase.bundledWith(List.of());

  @Test
  @DisplayName("a fix counts on its own minor line, and for every later line")
  void pastFix() {
    List<Version> fixes =
        List.of(Version.parse("1.25.15-gke.1040000"), Version.parse("1.27.6-gke.1513000"));
    assertThat(NodeVersionCheck.pastFix(Version.parseReported("v1.27.8-gke.100"), fixes))
        .contains(Version.parse("1.27.6-gke.1513000"));
    assertThat(NodeVersionCheck.pastFix(Version.parseReported("v1.27.6-gke.1400000"), fixes))
        .isEmpty();
    assertThat(NodeVersionCheck.pastFix(Version.parseReported("v1.26.3-gke.1"), fixes)).isEmpty();
    assertThat(NodeVersionCheck.pastFix(Version.parseReported("v1.29.1-gke.1"), fixes))
        .contains(Version.parse("1.27.6-gke.1513000"));
    assertThat(NodeVersionCheck.pastFix(Version.parse("1.6.2"), List.of(Version.parse("1.6"))))
        .contains(Version.parse("1.6"));
  }

  @Test
  @DisplayName("a node at the fixed version is not affected though the range ends there")
  void rangeEndingAtTheFix() {
    // gpu-metrics-missing: affected "1.18.0 - 1.18.18", fixed in 1.18.18.
    assertThat(
            verdict(
                "gpu-metrics-missing",
                gpu(node("a", "linux", "v1.18.18-gke.100", "containerd://1.4.3"))))
        .isEqualTo(Verdict.NOT_AFFECTED);
    assertThat(
            verdict(
                "gpu-metrics-missing",
                gpu(node("a", "linux", "v1.18.17-gke.700", "containerd://1.4.3"))))
        .isEqualTo(Verdict.CONFIRMED);
  }

  @Test
  @DisplayName("a patched containerd build of the same version is past the fix")
  void gkeBuildOfContainerd() {
    // windows-attach-after-restart: containerd 1.5.4 and 1.5.7-gke.0, fixed in 1.5.7-gke.1.
    Node patched = node("w", "windows", "v1.21.5-gke.1302", "containerd://1.5.7-gke.1");
    Node broken = node("w", "windows", "v1.21.5-gke.1302", "containerd://1.5.7-gke.0");
    assertThat(verdict("windows-attach-after-restart", patched)).isEqualTo(Verdict.NOT_AFFECTED);
    assertThat(verdict("windows-attach-after-restart", broken)).isEqualTo(Verdict.CONFIRMED);
  }

  @Test
  @DisplayName("a containerd issue rules out Docker nodes, naming their runtime")
  void dockerNodes() {
    Finding f = run("pod-ip-exhaustion", node("d", "linux", "v1.22.8-gke.200", "docker://20.10.3"));
    assertThat(f.verdict()).isEqualTo(Verdict.NOT_AFFECTED);
    assertThat(f.summary())
        .isEqualTo(
            "matches the error, but your linux nodes run docker 20.10.3;"
                + " it affects containerd nodes only");
  }

  @Test
  @DisplayName("unreadable versions leave the verdict open rather than guess")
  void unreadableVersions() {
    assertThat(
            verdict(
                "gpu-metrics-missing", gpu(node("a", "linux", "unknown", "containerd://1.4.3"))))
        .isEqualTo(Verdict.INCONCLUSIVE);
  }

  private Verdict verdict(String entry, Node node) {
    return run(entry, node).verdict();
  }

  private Finding run(String id, Node node) {
    Entry entry = kb.get(id).orElseThrow();
    ClusterView view =
        new ClusterView(
            new FakeReader(List.of(node)),
            CheckScope.CLUSTER,
            () -> new Matcher(KnowledgeIndex.build(kb)));
    return new NodeVersionCheck()
        .run(
            entry,
            entry.checks().stream()
                .filter(c -> c.type().equals("node-version"))
                .findFirst()
                .orElseThrow(),
            view);
  }
}

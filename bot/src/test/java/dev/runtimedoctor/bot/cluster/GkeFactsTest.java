package dev.runtimedoctor.bot.cluster;

import static dev.runtimedoctor.bot.cluster.GkeClusterChecksTest.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimedoctor.knowledge.entry.KnowledgeBase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Facts of a GKE cluster that decide an entry beyond node versions: GPUs, the control plane's
 * version and auto-provisioned pools, the OS image, and where pod IPs leak.
 */
class GkeFactsTest {
  private final KnowledgeBase kb = KnowledgeBase.bundledWith(List.of());

  @TempDir Path dir;

  @Test
  @DisplayName("gpu-metrics-missing on an affected version needs a GPU node to confirm")
  void gpuNodes() {
    try (MockCluster cluster = MockCluster.crud()) {
      cluster.addYaml(
          node("gke-ml-default-pool-a1", "default-pool", "v1.18.12-gke.1210", "cos", ""));
      CheckResult none = run(cluster, "gpu-metrics-missing", "node-version");
      assertThat(none.verdict()).isEqualTo(Verdict.NOT_AFFECTED);
      assertThat(none.summary())
          .isEqualTo(
              "matches the error, but none of your 1 nodes has a GPU (no nvidia.com/gpu capacity,"
                  + " no cloud.google.com/gke-accelerator label); it affects GPU nodes only");

      cluster.addYaml(
          node(
              "gke-ml-gpu-pool-b2", "gpu-pool", "v1.18.12-gke.1210", "cos", "nvidia.com/gpu: '1'"));
      CheckResult gpu = run(cluster, "gpu-metrics-missing", "node-version");
      assertThat(gpu.verdict()).isEqualTo(Verdict.CONFIRMED);
      assertThat(gpu.summary()).contains("pool gpu-pool").doesNotContain("default-pool");
    }
  }

  @Test
  @DisplayName(
      "nap-docker-only reads the control plane's version and the auto-provisioned pools, not the"
          + " nodes' versions")
  void autoProvisioning() {
    try (MockCluster cluster = MockCluster.crud()) {
      // Old nodes under an upgraded control plane: the nodes' versions do not decide.
      cluster.controlPlane("v1.21.5-gke.1302");
      cluster.addYaml(node("gke-a-default-pool-1", "default-pool", "v1.19.9-gke.1900", "cos", ""));
      CheckResult upgraded = run(cluster, "nap-docker-only", "node-version");
      assertThat(upgraded.verdict()).isEqualTo(Verdict.NOT_AFFECTED);
      assertThat(upgraded.summary())
          .startsWith("matches the error, but your control plane runs GKE 1.21.5-gke.1302");

      cluster.controlPlane("v1.19.9-gke.1900");
      CheckResult exposed = run(cluster, "nap-docker-only", "node-version");
      assertThat(exposed.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
      assertThat(exposed.summary())
          .startsWith("exposed, not seen: your control plane runs GKE 1.19.9-gke.1900")
          .endsWith("no auto-provisioned pool (nap-…) exists now");

      cluster.addYaml(
          node(
                  "gke-a-nap-n1-standard-4-1b2c3d4e-x1",
                  "nap-n1-standard-4-1b2c3d4e",
                  "v1.19.9-gke.1900",
                  "cos",
                  "")
              .replace("containerd://1.4.3", "docker://19.3.14"));
      CheckResult happening = run(cluster, "nap-docker-only", "node-version");
      assertThat(happening.verdict()).isEqualTo(Verdict.CONFIRMED);
      assertThat(happening.summary()).contains("pool nap-n1-standard-4-1b2c3d4e", "docker 19.3.14");
    }
  }

  @Test
  @DisplayName("the Secret Manager certificate entry applies to Container-Optimized OS nodes only")
  void osImage() {
    try (MockCluster cluster = MockCluster.crud()) {
      cluster.addYaml(
          node(
              "gke-u-ubuntu-pool-1",
              "ubuntu-pool",
              "v1.27.8-gke.1067004",
              "ubuntu_containerd",
              ""));
      CheckResult ubuntu = run(cluster, "private-registry-certificate-missing", "node-version");
      assertThat(ubuntu.verdict()).isEqualTo(Verdict.NOT_AFFECTED);
      assertThat(ubuntu.summary())
          .isEqualTo(
              "matches the error, but your nodes run ubuntu_containerd; it affects cos nodes only");
      cluster.addYaml(node("gke-u-cos-pool-1", "cos-pool", "v1.27.8-gke.1067004", "cos", ""));
      CheckResult cos = run(cluster, "private-registry-certificate-missing", "node-version");
      assertThat(cos.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
      assertThat(cos.evidence()).singleElement().asString().contains("pool cos-pool");
    }
  }

  @Test
  @DisplayName(
      "the pod-IP leak names the node in the exhaustion events that runs few pods, not the"
          + " fullest node")
  void podIpLeak() {
    try (MockCluster cluster = MockCluster.crud()) {
      String leaky = "gke-p-default-pool-5e6f-l3ak";
      String busy = "gke-p-default-pool-5e6f-bu5y";
      cluster.addYaml(
          node(leaky, "default-pool", "v1.24.5-gke.600", "cos", "")
              .replace("10.60.0.0/24", "10.60.1.0/24"));
      cluster.addYaml(node(busy, "default-pool", "v1.24.5-gke.600", "cos", ""));
      StringBuilder pods = new StringBuilder();
      for (int i = 0; i < 100; i++) {
        pods.append(pod("busy-" + i, busy, "Running", false));
      }
      for (int i = 0; i < 8; i++) {
        pods.append(pod("small-" + i, leaky, "Running", false));
      }
      for (int i = 0; i < 3; i++) {
        pods.append(pod("stuck-" + i, leaky, "Pending", true));
      }
      cluster.addYaml(pods.toString());
      cluster.addYaml(
          EventMatchingTest.event(
                  "Pod",
                  "FailedCreatePodSandBox",
                  "Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup"
                      + " network for sandbox \"9a8b7c6d5e4f\": plugin type=\"gke\" failed (add):"
                      + " failed to allocate for range 0: no IP addresses available in range set:"
                      + " 10.60.1.1-10.60.1.254")
              .replace("gke-prod-default-pool-1d2e3f4a-l1n1", leaky));
      CheckResult r = run(cluster, "pod-ip-exhaustion", "pods-per-node");
      assertThat(r.verdict()).isEqualTo(Verdict.CONFIRMED);
      assertThat(r.summary())
          .isEqualTo(
              "node "
                  + leaky
                  + " (pool default-pool) runs only 8 pods holding an IP for the 254 addresses of"
                  + " its podCIDR 10.60.1.0/24 (max pods 110), yet sandbox creation fails with the"
                  + " exhaustion error (×3); 3 pods stuck in ContainerCreating: its pod IPs leaked");
      assertThat(cluster.requests())
          .extracting(q -> q.getPath())
          .contains("/api/v1/pods?fieldSelector=spec.nodeName%3D" + leaky + "&limit=500")
          .noneMatch(p -> p.contains(busy));
    }
  }

  private CheckResult run(MockCluster cluster, String entry, String check) {
    try (ClusterChecks checks = cluster.checks(dir, ClusterSettings.DEFAULT)) {
      return result(
          checks.run(List.of(kb.get(entry).orElseThrow()), CheckScope.CLUSTER), entry, check);
    }
  }

  /** A Linux containerd node as GKE reports it; {@code capacity} adds e.g. a GPU. */
  static String node(String name, String pool, String kubelet, String os, String capacity) {
    List<String> lines = new ArrayList<>();
    lines.add("apiVersion: v1");
    lines.add("kind: Node");
    lines.add("metadata:");
    lines.add("  name: " + name);
    lines.add("  labels:");
    lines.add("    cloud.google.com/gke-nodepool: " + pool);
    lines.add("    cloud.google.com/gke-os-distribution: " + os);
    lines.add("    cloud.google.com/gke-max-pods-per-node: '110'");
    lines.add("    kubernetes.io/os: linux");
    lines.add("spec: {podCIDR: 10.60.0.0/24}");
    lines.add("status:");
    lines.add(
        "  capacity: {cpu: '4', pods: '110'" + (capacity.isEmpty() ? "" : ", " + capacity) + "}");
    lines.add("  allocatable: {cpu: 3920m, pods: '110'}");
    lines.add("  nodeInfo:");
    lines.add("    operatingSystem: linux");
    lines.add("    architecture: amd64");
    lines.add("    kubeletVersion: " + kubelet);
    lines.add("    containerRuntimeVersion: containerd://1.4.3");
    lines.add("    osImage: Container-Optimized OS from Google");
    lines.add("    kernelVersion: 5.4.89+");
    lines.add("    kubeProxyVersion: " + kubelet);
    lines.add("    machineID: '1'");
    lines.add("    systemUUID: '1'");
    lines.add("    bootID: '1'");
    lines.add("");
    return String.join("\n", lines);
  }

  private static String pod(String name, String node, String phase, boolean creating) {
    return String.join(
        "\n",
        "---",
        "apiVersion: v1",
        "kind: Pod",
        "metadata: {name: " + name + ", namespace: shop}",
        "spec:",
        "  nodeName: " + node,
        "  containers: [{name: app, image: nginx}]",
        "status:",
        "  phase: " + phase,
        creating
            ? "  containerStatuses: [{name: app, image: nginx, imageID: '', ready: false,"
                + " restartCount: 0, state: {waiting: {reason: ContainerCreating}}}]"
            : "",
        "");
  }
}

package dev.runtimedoctor.bot.cluster;

import dev.runtimedoctor.knowledge.version.Version;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeSystemInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the checks read from a node: its pool, OS and versions as {@code status.nodeInfo} reports
 * them ({@code containerd://1.5.7-gke.0}, {@code v1.21.5-gke.1302}).
 *
 * @param runtime the runtime's name, {@code containerd} or {@code docker}; empty when unreported
 * @param runtimeVersion the runtime's version as reported, without the scheme
 * @param gke the node's GKE version, read from the kubelet version
 */
record NodeFacts(
    String name,
    String pool,
    String os,
    String runtime,
    String runtimeVersion,
    Optional<Version> gke,
    Optional<Version> containerd) {

  static final String POOL_LABEL = "cloud.google.com/gke-nodepool";

  static NodeFacts of(Node node) {
    String name = node.getMetadata() == null ? "?" : node.getMetadata().getName();
    Map<String, String> labels =
        node.getMetadata() == null || node.getMetadata().getLabels() == null
            ? Map.of()
            : node.getMetadata().getLabels();
    NodeSystemInfo info = node.getStatus() == null ? null : node.getStatus().getNodeInfo();
    String os =
        info != null && info.getOperatingSystem() != null
            ? info.getOperatingSystem()
            : labels.getOrDefault("kubernetes.io/os", "");
    String runtimeText =
        info == null || info.getContainerRuntimeVersion() == null
            ? ""
            : info.getContainerRuntimeVersion();
    int scheme = runtimeText.indexOf("://");
    String runtime = scheme < 0 ? "" : runtimeText.substring(0, scheme);
    String runtimeVersion = scheme < 0 ? runtimeText : runtimeText.substring(scheme + 3);
    Optional<Version> gke = parse(info == null ? null : info.getKubeletVersion());
    Optional<Version> containerd =
        runtime.equals("containerd") ? parse(runtimeVersion) : Optional.empty();
    return new NodeFacts(
        name, labels.getOrDefault(POOL_LABEL, ""), os, runtime, runtimeVersion, gke, containerd);
  }

  private static Optional<Version> parse(String reported) {
    if (reported == null || reported.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Version.parseReported(reported));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** "node gke-…-abcd · pool win-pool · windows · GKE 1.21.5-gke.1302 · containerd 1.5.7". */
  String describe() {
    List<String> parts = new ArrayList<>();
    parts.add("node " + name);
    if (!pool.isEmpty()) {
      parts.add("pool " + pool);
    }
    if (!os.isEmpty()) {
      parts.add(os);
    }
    gke.ifPresent(v -> parts.add("GKE " + v));
    if (!runtime.isEmpty()) {
      parts.add(runtime + " " + runtimeVersion);
    }
    return String.join(" · ", parts);
  }

  /** "node X (pool P)" for summaries. */
  String label() {
    return "node " + name + (pool.isEmpty() ? "" : " (pool " + pool + ")");
  }
}

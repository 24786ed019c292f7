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
 * @param image the OS image family: the {@code cloud.google.com/gke-os-distribution} label ({@code
 *     cos}, {@code ubuntu}, {@code windows_ltsc} …), else {@code cos} when {@code
 *     status.nodeInfo.osImage} says Container-Optimized OS; empty when neither tells
 * @param gpu whether it has GPUs: {@code nvidia.com/gpu} capacity above zero, or the {@code
 *     cloud.google.com/gke-accelerator} label
 * @param maxPods the pods it may run: the {@code cloud.google.com/gke-max-pods-per-node} label,
 *     else allocatable {@code pods}
 */
record NodeFacts(
    String name,
    String pool,
    String os,
    String runtime,
    String runtimeVersion,
    Optional<Version> gke,
    Optional<Version> containerd,
    String image,
    boolean gpu,
    Optional<Integer> maxPods) {

  static final String POOL_LABEL = "cloud.google.com/gke-nodepool";
  static final String OS_LABEL = "cloud.google.com/gke-os-distribution";
  static final String ACCELERATOR_LABEL = "cloud.google.com/gke-accelerator";
  static final String MAX_PODS_LABEL = "cloud.google.com/gke-max-pods-per-node";
  static final String GPU_RESOURCE = "nvidia.com/gpu";

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
    String image = labels.getOrDefault(OS_LABEL, "");
    if (image.isEmpty()
        && info != null
        && info.getOsImage() != null
        && info.getOsImage().startsWith("Container-Optimized OS")) {
      image = "cos";
    }
    var status = node.getStatus();
    boolean gpu =
        labels.containsKey(ACCELERATOR_LABEL)
            || (status != null
                && status.getCapacity() != null
                && status.getCapacity().get(GPU_RESOURCE) != null
                && status.getCapacity().get(GPU_RESOURCE).getNumericalAmount().signum() > 0);
    Optional<Integer> maxPods =
        integer(labels.get(MAX_PODS_LABEL))
            .or(
                () ->
                    status == null || status.getAllocatable() == null
                        ? Optional.empty()
                        : Optional.ofNullable(status.getAllocatable().get("pods"))
                            .flatMap(q -> integer(q.getAmount())));
    return new NodeFacts(
        name,
        labels.getOrDefault(POOL_LABEL, ""),
        os,
        runtime,
        runtimeVersion,
        gke,
        containerd,
        image,
        gpu,
        maxPods);
  }

  private static Optional<Integer> integer(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Integer.parseInt(text.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
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

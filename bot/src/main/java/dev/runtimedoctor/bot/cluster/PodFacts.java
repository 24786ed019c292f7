package dev.runtimedoctor.bot.cluster;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.VolumeDevice;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The little the checks need of a pod, kept instead of the pod: a 150,000-pod cluster's pods fit in
 * a few tens of megabytes this way, where the full objects would not fit in the bot's heap.
 *
 * @param node the node it is scheduled on; empty when not yet scheduled
 * @param phase {@code status.phase}, empty when unreported
 * @param creating whether a container waits in {@code ContainerCreating} (no sandbox yet)
 * @param labels the pod's labels when the reader asked to keep them, else empty
 * @param execProbes the exec probes of its init and app containers
 * @param privilegedDevices "container · devicePath, …" for privileged containers with volumeDevices
 */
record PodFacts(
    String namespace,
    String name,
    String node,
    String phase,
    boolean hostNetwork,
    boolean creating,
    Map<String, String> labels,
    List<ExecProbe> execProbes,
    List<String> privilegedDevices) {

  /** Kubernetes' default {@code timeoutSeconds} of a probe. */
  static final int DEFAULT_PROBE_TIMEOUT = 1;

  PodFacts {
    labels = Map.copyOf(labels);
    execProbes = List.copyOf(execProbes);
    privilegedDevices = List.copyOf(privilegedDevices);
  }

  /**
   * One exec probe.
   *
   * @param kind {@code livenessProbe}, {@code readinessProbe} or {@code startupProbe}
   * @param timeoutSeconds as set, or 1 when unset
   * @param defaulted whether {@code timeoutSeconds} was unset
   */
  record ExecProbe(
      String container, String kind, String command, int timeoutSeconds, boolean defaulted) {}

  static PodFacts of(Pod pod, boolean keepLabels) {
    var meta = pod.getMetadata();
    var spec = pod.getSpec();
    List<ExecProbe> probes = new ArrayList<>();
    List<String> devices = new ArrayList<>();
    if (spec != null) {
      for (Container c : containers(pod)) {
        probe(c, "livenessProbe", c.getLivenessProbe(), probes);
        probe(c, "readinessProbe", c.getReadinessProbe(), probes);
        probe(c, "startupProbe", c.getStartupProbe(), probes);
        boolean privileged =
            c.getSecurityContext() != null
                && Boolean.TRUE.equals(c.getSecurityContext().getPrivileged());
        if (privileged && c.getVolumeDevices() != null && !c.getVolumeDevices().isEmpty()) {
          devices.add(
              c.getName()
                  + " · "
                  + c.getVolumeDevices().stream()
                      .map(VolumeDevice::getDevicePath)
                      .collect(Collectors.joining(", ")));
        }
      }
    }
    var status = pod.getStatus();
    boolean creating =
        status != null
            && status.getContainerStatuses() != null
            && status.getContainerStatuses().stream().anyMatch(PodFacts::waitsForSandbox);
    return new PodFacts(
        meta == null || meta.getNamespace() == null ? "" : meta.getNamespace(),
        meta == null || meta.getName() == null ? "?" : meta.getName(),
        spec == null || spec.getNodeName() == null ? "" : spec.getNodeName(),
        status == null || status.getPhase() == null ? "" : status.getPhase(),
        spec != null && Boolean.TRUE.equals(spec.getHostNetwork()),
        creating,
        keepLabels && meta != null && meta.getLabels() != null ? meta.getLabels() : Map.of(),
        probes,
        devices);
  }

  /** Whether it holds a pod IP of its node's range: scheduled, not host-network, not finished. */
  boolean holdsAddress() {
    return !node.isEmpty()
        && !hostNetwork
        && !creating
        && !"Succeeded".equals(phase)
        && !"Failed".equals(phase);
  }

  /** "pod shop/web-1 (node n)". */
  String label() {
    return "pod " + namespace + "/" + name + (node.isEmpty() ? "" : " (node " + node + ")");
  }

  private static boolean waitsForSandbox(ContainerStatus s) {
    return s.getState() != null
        && s.getState().getWaiting() != null
        && "ContainerCreating".equals(s.getState().getWaiting().getReason());
  }

  private static List<Container> containers(Pod pod) {
    List<Container> all = new ArrayList<>();
    if (pod.getSpec().getInitContainers() != null) {
      all.addAll(pod.getSpec().getInitContainers());
    }
    if (pod.getSpec().getContainers() != null) {
      all.addAll(pod.getSpec().getContainers());
    }
    return all;
  }

  private static void probe(Container c, String kind, Probe probe, List<ExecProbe> out) {
    if (probe == null || probe.getExec() == null) {
      return;
    }
    Integer set = probe.getTimeoutSeconds();
    List<String> command = probe.getExec().getCommand();
    out.add(
        new ExecProbe(
            c.getName(),
            kind,
            command == null ? "[]" : command.toString(),
            set == null ? DEFAULT_PROBE_TIMEOUT : set,
            set == null));
  }
}

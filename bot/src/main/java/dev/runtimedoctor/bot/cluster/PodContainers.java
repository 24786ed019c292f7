package dev.runtimedoctor.bot.cluster;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.List;

/** The init and app containers of a pod, and how evidence names a pod. */
final class PodContainers {
  private PodContainers() {}

  static List<Container> of(Pod pod) {
    List<Container> all = new ArrayList<>();
    if (pod.getSpec() != null) {
      if (pod.getSpec().getInitContainers() != null) {
        all.addAll(pod.getSpec().getInitContainers());
      }
      if (pod.getSpec().getContainers() != null) {
        all.addAll(pod.getSpec().getContainers());
      }
    }
    return all;
  }

  /** "pod shop/web-1 (node n)". */
  static String label(Pod pod) {
    String node = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
    return "pod "
        + pod.getMetadata().getNamespace()
        + "/"
        + pod.getMetadata().getName()
        + (node == null ? "" : " (node " + node + ")");
  }
}

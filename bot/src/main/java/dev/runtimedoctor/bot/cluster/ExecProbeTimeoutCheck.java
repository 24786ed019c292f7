package dev.runtimedoctor.bot.cluster;

import dev.runtimedoctor.knowledge.entry.CheckSpec;
import dev.runtimedoctor.knowledge.entry.Entry;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Probe;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code exec-probe-timeout}: exec probes whose {@code timeoutSeconds} (1 when unset) is at most
 * {@code max_seconds} (default 1). With ExecProbeTimeout off, as GKE has it, containerd ignores the
 * result of an exec probe that answers after its timeout instead of failing the probe.
 */
final class ExecProbeTimeoutCheck implements ClusterCheck {
  private static final int KUBERNETES_DEFAULT_TIMEOUT = 1;

  @Override
  public String type() {
    return "exec-probe-timeout";
  }

  @Override
  public Finding run(Entry entry, CheckSpec spec, ClusterView view) {
    int max;
    try {
      max = Integer.parseInt(spec.first("max_seconds").orElse("1").trim());
    } catch (NumberFormatException e) {
      return Finding.unavailable(
          "the entry's exec-probe-timeout check needs a whole number of max_seconds ("
              + entry.source()
              + ")",
          List.of());
    }
    List<Pod> pods = view.pods();
    List<String> evidence = new ArrayList<>();
    for (Pod pod : pods) {
      for (Container c : PodContainers.of(pod)) {
        Map<String, Probe> probes = new LinkedHashMap<>();
        probes.put("livenessProbe", c.getLivenessProbe());
        probes.put("readinessProbe", c.getReadinessProbe());
        probes.put("startupProbe", c.getStartupProbe());
        probes.forEach(
            (kind, probe) -> {
              if (probe == null || probe.getExec() == null) {
                return;
              }
              Integer set = probe.getTimeoutSeconds();
              int timeout = set == null ? KUBERNETES_DEFAULT_TIMEOUT : set;
              if (timeout <= max) {
                evidence.add(
                    PodContainers.label(pod)
                        + " · container "
                        + c.getName()
                        + " · "
                        + kind
                        + " exec "
                        + probe.getExec().getCommand()
                        + " · timeoutSeconds "
                        + timeout
                        + (set == null ? " (default)" : ""));
              }
            });
      }
    }
    if (evidence.isEmpty()) {
      return Finding.inconclusive(
          "no exec probe"
              + view.scope().describe()
              + " times out within "
              + max
              + " s ("
              + pods.size()
              + " pods read)",
          List.of());
    }
    return Finding.confirmed(
        evidence.size()
            + (evidence.size() == 1 ? " exec probe times" : " exec probes time")
            + " out within "
            + max
            + " s: containerd ignores a result that comes later, so a hung"
            + " probe never fails",
        evidence);
  }
}

package dev.runtimedoctor.bot.cluster;

import dev.runtimedoctor.knowledge.entry.CheckSpec;
import dev.runtimedoctor.knowledge.entry.Entry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code exec-probe-timeout}: exec probes of pods on containerd nodes. With ExecProbeTimeout off,
 * as GKE has it, containerd ignores the result of an exec probe that answers after its {@code
 * timeoutSeconds} — whatever that is — instead of failing the probe; dockershim enforces it, so
 * pods on Docker nodes are left out. A probe that may hang is exposure, not the issue happening:
 * the verdict is {@code inconclusive}, and the entry's event check confirms from the kubelet's
 * "timed out" events.
 */
final class ExecProbeTimeoutCheck implements ClusterCheck {

  @Override
  public String type() {
    return "exec-probe-timeout";
  }

  @Override
  public Finding run(Entry entry, CheckSpec spec, ClusterView view) {
    Map<String, String> runtimes = new HashMap<>();
    for (var node : view.nodes()) {
      NodeFacts f = NodeFacts.of(node);
      runtimes.put(f.name(), f.runtime());
    }
    List<PodFacts> pods = view.pods();
    List<String> evidence = new ArrayList<>();
    int podsWithProbes = 0;
    int onContainerd = 0;
    for (PodFacts pod : pods) {
      if (!"containerd".equals(runtimes.get(pod.node()))) {
        continue;
      }
      onContainerd++;
      if (!pod.execProbes().isEmpty()) {
        podsWithProbes++;
      }
      for (PodFacts.ExecProbe p : pod.execProbes()) {
        evidence.add(
            pod.label()
                + " · container "
                + p.container()
                + " · "
                + p.kind()
                + " exec "
                + p.command()
                + " · timeoutSeconds "
                + p.timeoutSeconds()
                + (p.defaulted() ? " (default)" : ""));
      }
    }
    if (onContainerd == 0) {
      return Finding.inconclusive(
          "no pod"
              + view.scope().describe()
              + " runs on a containerd node ("
              + pods.size()
              + " pods read); Docker nodes enforce the exec probe timeout",
          List.of());
    }
    if (evidence.isEmpty()) {
      return Finding.inconclusive(
          "no pod on a containerd node"
              + view.scope().describe()
              + " has an exec probe ("
              + onContainerd
              + " pods read)",
          List.of());
    }
    return Finding.inconclusive(
        "exposed, not seen: "
            + evidence.size()
            + (evidence.size() == 1 ? " exec probe" : " exec probes")
            + " in "
            + podsWithProbes
            + (podsWithProbes == 1 ? " pod" : " pods")
            + " on containerd nodes: containerd ignores a result that comes after timeoutSeconds,"
            + " so a probe that hangs never fails; the event check tells whether one has",
        evidence);
  }
}

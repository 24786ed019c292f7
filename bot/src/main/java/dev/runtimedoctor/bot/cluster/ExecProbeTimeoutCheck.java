package dev.runtimedoctor.bot.cluster;

import dev.runtimedoctor.bot.text.Message;
import dev.runtimedoctor.bot.text.Msg;
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
          Message.of(Msg.EP_NO_CONTAINERD, view.scope().describe(), pods.size()), List.of());
    }
    if (evidence.isEmpty()) {
      return Finding.inconclusive(
          Message.of(Msg.EP_NO_PROBES, view.scope().describe(), onContainerd), List.of());
    }
    Message probes =
        Message.of(
            evidence.size() == 1 ? Msg.COUNT_EXEC_PROBE : Msg.COUNT_EXEC_PROBES, evidence.size());
    Message inPods =
        Message.of(podsWithProbes == 1 ? Msg.COUNT_POD : Msg.COUNT_PODS, podsWithProbes);
    return Finding.inconclusive(Message.of(Msg.EP_EXPOSED, probes, inPods), evidence);
  }
}

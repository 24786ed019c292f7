package dev.runtimedoctor.bot.diagnosis;

import dev.runtimedoctor.knowledge.entry.Language;
import java.util.List;

/** What to collect when no known issue is recognised, for the terminal and for Slack. */
public final class NextSteps {
  private static final List<String> IT =
      List.of(
          "`kubectl describe pod <pod> -n <namespace>`: gli eventi in fondo, con il messaggio completo",
          "`kubectl get events -n <namespace> --sort-by=.lastTimestamp` (gli eventi scadono dopo circa un'ora)",
          "il journal di kubelet e containerd sul nodo: `journalctl -u kubelet -u containerd --since \"-1h\"`",
          "`kubectl get nodes -o wide`: versione di GKE, runtime del container e sistema operativo dei nodi");
  private static final List<String> EN =
      List.of(
          "`kubectl describe pod <pod> -n <namespace>`: the events at the end, with the full message",
          "`kubectl get events -n <namespace> --sort-by=.lastTimestamp` (events expire after about an hour)",
          "the node's kubelet and containerd journal: `journalctl -u kubelet -u containerd --since \"-1h\"`",
          "`kubectl get nodes -o wide`: the nodes' GKE version, container runtime and OS");

  private NextSteps() {}

  /** The steps in {@code language}, Markdown. */
  public static List<String> of(Language language) {
    return language == Language.IT ? IT : EN;
  }
}

package dev.runtimedoctor.bot.cluster;

import dev.runtimedoctor.bot.text.Message;
import dev.runtimedoctor.bot.text.Msg;
import dev.runtimedoctor.knowledge.entry.CheckSpec;
import dev.runtimedoctor.knowledge.entry.Entry;
import io.fabric8.kubernetes.api.model.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code pods-per-node}: the node where pod IPs leaked. GKE sizes a node's podCIDR at about twice
 * its maximum pods (a /24 for 110, a /26 for 32), so pods never fill it; a node whose runtime
 * leaked addresses runs <em>few</em> pods while sandbox creation fails with the exhaustion error.
 * The check takes the nodes named in the events the engine recognises as this entry ({@code
 * reason}, default {@code FailedCreatePodSandBox}; every namespace, since a node's range serves
 * them all), reads the pods on each (field selector {@code spec.nodeName}) and compares those
 * holding an IP with the addresses of its podCIDR and its maximum pods ({@code
 * cloud.google.com/gke-max-pods-per-node}, else allocatable pods). Without such events the API
 * cannot show a leak: {@code inconclusive}.
 */
final class PodsPerNodeCheck implements ClusterCheck {
  /** Nodes looked at in detail: the ones with the most exhaustion events. */
  private static final int MAX_NODES = 5;

  @Override
  public String type() {
    return "pods-per-node";
  }

  @Override
  public Finding run(Entry entry, CheckSpec spec, ClusterView view) {
    // A --node that does not exist stops here, as every other check does.
    List<Node> inScope = view.nodes();
    List<String> reasons = spec.list("reason");
    if (reasons.isEmpty()) {
      reasons = List.of("FailedCreatePodSandBox");
    }
    List<EventFacts> hits = new ArrayList<>();
    long read = 0;
    for (String reason : reasons) {
      ClusterView.Events e =
          view.events(ListSelection.ALL.with("reason", reason).with("involvedObject.kind", "Pod"));
      read += e.read();
      hits.addAll(EventCheck.matching(entry, List.of(), e.kept(), view));
    }
    Map<String, Integer> byNode = new LinkedHashMap<>();
    for (EventFacts e : hits) {
      if (!e.host().isEmpty() && view.scope().node().map(n -> n.equals(e.host())).orElse(true)) {
        byNode.merge(e.host(), e.count(), Integer::sum);
      }
    }
    if (byNode.isEmpty()) {
      return Finding.inconclusive(
          Message.of(Msg.PP_NONE, EventCheck.read(read, reasons, "Pod")), List.of());
    }
    Map<String, Node> nodes = new LinkedHashMap<>();
    for (Node n : inScope) {
      nodes.put(n.getMetadata().getName(), n);
    }
    List<String> leaking = new ArrayList<>();
    List<String> evidence = new ArrayList<>();
    Message first = null;
    for (var e :
        byNode.entrySet().stream()
            .sorted(Map.Entry.comparingByValue((a, b) -> b - a))
            .limit(MAX_NODES)
            .toList()) {
      Node node = nodes.get(e.getKey());
      if (node == null) {
        evidence.add("node " + e.getKey() + ": exhaustion events ×" + e.getValue() + ", node gone");
        continue;
      }
      NodeFacts facts = NodeFacts.of(node);
      List<PodFacts> pods = view.podsOnNode(facts.name());
      long holding = pods.stream().filter(PodFacts::holdsAddress).count();
      long creating = pods.stream().filter(PodFacts::creating).count();
      Optional<String> cidr = podCidr(node);
      Optional<Integer> addresses = cidr.flatMap(PodsPerNodeCheck::usableAddresses);
      String line =
          facts.label()
              + ": exhaustion events ×"
              + e.getValue()
              + "; "
              + holding
              + " pods hold an IP"
              + addresses
                  .map(a -> " of the " + a + " addresses of podCIDR " + cidr.get())
                  .orElse("")
              + facts.maxPods().map(m -> " (max pods " + m + ")").orElse("")
              + "; "
              + creating
              + " pods stuck in ContainerCreating";
      evidence.add(line);
      // The range reports itself empty while its pods hold fewer addresses than it has: leaked.
      int room = addresses.or(facts::maxPods).orElse(Integer.MAX_VALUE);
      boolean leak = holding < room - 2;
      if (leak) {
        leaking.add(facts.name());
        if (first == null) {
          first =
              Message.of(
                  Msg.PP_LEAK,
                  facts.label(),
                  holding,
                  addresses
                      .<Object>map(a -> Message.of(Msg.PP_FOR_ADDRESSES, a, cidr.get()))
                      .orElse(""),
                  facts.maxPods().map(m -> " (max pods " + m + ")").orElse(""),
                  e.getValue(),
                  creating > 0 ? Message.of(Msg.PP_STUCK, creating) : "");
        }
      }
    }
    if (leaking.isEmpty()) {
      return Finding.inconclusive(Message.of(Msg.PP_IN_USE), evidence);
    }
    return Finding.confirmed(
        leaking.size() == 1 ? first : Message.of(Msg.PP_MANY, leaking.size(), first), evidence);
  }

  private static Optional<String> podCidr(Node node) {
    if (node.getSpec() == null) {
      return Optional.empty();
    }
    if (node.getSpec().getPodCIDR() != null) {
      return Optional.of(node.getSpec().getPodCIDR());
    }
    List<String> cidrs = node.getSpec().getPodCIDRs();
    return cidrs == null
        ? Optional.empty()
        : cidrs.stream().filter(c -> !c.contains(":")).findFirst();
  }

  /** Host addresses of an IPv4 CIDR: a /26 has 62. Empty for IPv6 or a malformed value. */
  static Optional<Integer> usableAddresses(String cidr) {
    int slash = cidr.indexOf('/');
    if (slash < 0 || cidr.contains(":")) {
      return Optional.empty();
    }
    try {
      int prefix = Integer.parseInt(cidr.substring(slash + 1).trim());
      if (prefix < 8 || prefix > 30) {
        return Optional.empty();
      }
      return Optional.of((1 << (32 - prefix)) - 2);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}

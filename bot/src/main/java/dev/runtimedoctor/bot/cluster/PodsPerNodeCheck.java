package dev.runtimedoctor.bot.cluster;

import dev.runtimedoctor.knowledge.entry.CheckSpec;
import dev.runtimedoctor.knowledge.entry.Entry;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code pods-per-node}: a node whose pods use (nearly) every address of its {@code podCIDR}. The
 * CNI's host-local range skips the network and broadcast addresses (a /26 gives
 * 10.48.131.1-10.48.131.62); host-network pods and finished pods hold no address. A range that is
 * full while few pods run is a leak, which the API cannot show: then the check is {@code
 * inconclusive}.
 */
final class PodsPerNodeCheck implements ClusterCheck {

  @Override
  public String type() {
    return "pods-per-node";
  }

  @Override
  public Finding run(Entry entry, CheckSpec spec, ClusterView view) {
    List<Node> nodes = view.nodes();
    Map<String, Integer> podsByNode = new HashMap<>();
    for (Pod p : view.allPods()) {
      if (holdsAddress(p)) {
        podsByNode.merge(p.getSpec().getNodeName(), 1, Integer::sum);
      }
    }
    List<String> full = new ArrayList<>();
    String fullest = null;
    double fullestShare = -1;
    String first = null;
    for (Node node : nodes) {
      NodeFacts facts = NodeFacts.of(node);
      Optional<String> cidr = podCidr(node);
      Optional<Integer> size = cidr.flatMap(PodsPerNodeCheck::usableAddresses);
      if (size.isEmpty()) {
        continue;
      }
      int used = podsByNode.getOrDefault(facts.name(), 0);
      int addresses = size.get();
      String line =
          facts.label()
              + ": "
              + used
              + " pods for the "
              + addresses
              + " addresses of podCIDR "
              + cidr.get();
      double share = (double) used / addresses;
      if (share > fullestShare) {
        fullestShare = share;
        fullest = line;
      }
      if (addresses - used <= Math.max(2, addresses / 20)) {
        full.add(line);
        if (first == null) {
          first =
              facts.label()
                  + " runs "
                  + used
                  + " pods for the "
                  + addresses
                  + " addresses of its podCIDR "
                  + cidr.get()
                  + ": new pods get no IP";
        }
      }
    }
    if (fullest == null) {
      return Finding.inconclusive(
          "no node in scope reports an IPv4 podCIDR to compare its pods with", List.of());
    }
    if (full.isEmpty()) {
      return Finding.inconclusive(
          "no node is near the size of its podCIDR (fullest: "
              + fullest
              + "); addresses leaked"
              + " by the runtime do not show in pod counts",
          List.of(fullest));
    }
    return Finding.confirmed(
        (full.size() == 1 ? "" : full.size() + " nodes are full, e.g. ") + first, full);
  }

  private static boolean holdsAddress(Pod p) {
    if (p.getSpec() == null || p.getSpec().getNodeName() == null) {
      return false;
    }
    if (Boolean.TRUE.equals(p.getSpec().getHostNetwork())) {
      return false;
    }
    String phase = p.getStatus() == null ? null : p.getStatus().getPhase();
    return !"Succeeded".equals(phase) && !"Failed".equals(phase);
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

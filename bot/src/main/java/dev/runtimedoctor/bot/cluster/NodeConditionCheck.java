package dev.runtimedoctor.bot.cluster;

import dev.runtimedoctor.bot.text.Message;
import dev.runtimedoctor.bot.text.Msg;
import dev.runtimedoctor.knowledge.entry.CheckSpec;
import dev.runtimedoctor.knowledge.entry.Entry;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code node-condition}: a node reports the {@code condition} (default {@code Ready}) with a
 * message carrying one of the {@code match} substrings, e.g. Ready=False with "NetworkReady=false
 * reason:NetworkPluginNotReady … cni config uninitialized". Without {@code match}, any unhealthy
 * status of the condition counts. Conditions are the node's state now: a node that recovered shows
 * nothing, hence {@code inconclusive} when none reports it.
 */
final class NodeConditionCheck implements ClusterCheck {

  @Override
  public String type() {
    return "node-condition";
  }

  @Override
  public Finding run(Entry entry, CheckSpec spec, ClusterView view) {
    String type = spec.first("condition").orElse("Ready");
    List<String> needles =
        spec.list("match").stream().map(m -> m.toLowerCase(Locale.ROOT)).toList();
    List<Node> nodes = view.nodes();
    List<String> evidence = new ArrayList<>();
    Message first = null;
    for (Node node : nodes) {
      NodeFacts facts = NodeFacts.of(node);
      List<NodeCondition> conditions =
          node.getStatus() == null || node.getStatus().getConditions() == null
              ? List.of()
              : node.getStatus().getConditions();
      for (NodeCondition c : conditions) {
        if (type.equalsIgnoreCase(c.getType()) && unhealthy(c, needles)) {
          String line =
              facts.label()
                  + ": "
                  + c.getType()
                  + "="
                  + c.getStatus()
                  + (c.getReason() == null ? "" : " (" + c.getReason() + ")")
                  + (c.getLastTransitionTime() == null ? "" : " since " + c.getLastTransitionTime())
                  + ": "
                  + c.getMessage();
          evidence.add(line);
          if (first == null) {
            first =
                Message.of(
                    Msg.NC_REPORTS,
                    facts.label(),
                    c.getType() + "=" + c.getStatus(),
                    String.valueOf(c.getMessage()));
          }
        }
      }
    }
    if (evidence.isEmpty()) {
      return Finding.inconclusive(Message.of(Msg.NC_NONE, nodes.size()), List.of());
    }
    return Finding.confirmed(
        evidence.size() == 1 ? first : Message.of(Msg.NC_MANY, evidence.size(), first), evidence);
  }

  private static boolean unhealthy(NodeCondition c, List<String> needles) {
    if (!needles.isEmpty()) {
      String message = c.getMessage() == null ? "" : c.getMessage().toLowerCase(Locale.ROOT);
      return needles.stream().anyMatch(message::contains);
    }
    // Ready is healthy when True; the pressure and NetworkUnavailable conditions when False.
    boolean ready = "Ready".equalsIgnoreCase(c.getType());
    return ready ? !"True".equals(c.getStatus()) : "True".equals(c.getStatus());
  }
}

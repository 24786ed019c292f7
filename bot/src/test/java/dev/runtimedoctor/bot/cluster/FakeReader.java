package dev.runtimedoctor.bot.cluster;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** An in-memory cluster of nodes only, for checks whose logic needs no API server. */
final class FakeReader implements ClusterReader {
  private final List<Node> nodes;

  FakeReader(List<Node> nodes) {
    this.nodes = List.copyOf(nodes);
  }

  /** A node as GKE reports it. */
  static Node node(String name, String os, String kubelet, String runtime) {
    return new NodeBuilder()
        .withNewMetadata()
        .withName(name)
        .addToLabels(NodeFacts.POOL_LABEL, "pool-" + name)
        .endMetadata()
        .withNewStatus()
        .withNewNodeInfo()
        .withOperatingSystem(os)
        .withKubeletVersion(kubelet)
        .withContainerRuntimeVersion(runtime)
        .endNodeInfo()
        .endStatus()
        .build();
  }

  /** The node with an NVIDIA T4, as GKE labels GPU nodes. */
  static Node gpu(Node node) {
    node.getMetadata().getLabels().put(NodeFacts.ACCELERATOR_LABEL, "nvidia-tesla-t4");
    return node;
  }

  @Override
  public String context() {
    return "fake";
  }

  @Override
  public void listNodes(Consumer<Node> each) {
    nodes.forEach(each);
  }

  @Override
  public Optional<Node> getNode(String name) {
    return nodes.stream().filter(n -> n.getMetadata().getName().equals(name)).findFirst();
  }

  @Override
  public void listPods(ListSelection selection, Consumer<Pod> each) {}

  @Override
  public void listEvents(ListSelection selection, Consumer<Event> each) {}

  @Override
  public Optional<Namespace> getNamespace(String name) {
    return Optional.empty();
  }

  @Override
  public List<MutatingWebhookConfiguration> listMutatingWebhooks() {
    return List.of();
  }

  @Override
  public List<ValidatingWebhookConfiguration> listValidatingWebhooks() {
    return List.of();
  }

  @Override
  public String serverVersion() {
    return "v1.24.5-gke.600";
  }

  @Override
  public void close() {}
}

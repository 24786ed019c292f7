package dev.runtimedoctor.bot.cluster;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The cluster as one run of checks sees it: each list is read once, when a check first needs it,
 * and filtered to the run's {@link CheckScope}. Safe to share between the run's threads.
 */
final class ClusterView {
  private final ClusterReader reader;
  private final CheckScope scope;
  private final Memo<List<Node>> nodes;
  private final Memo<List<Pod>> allPods;
  private final Memo<List<Pod>> namespacePods;
  private final Memo<List<Event>> events;
  private final Memo<List<MutatingWebhookConfiguration>> mutating;
  private final Memo<List<ValidatingWebhookConfiguration>> validating;
  private final ConcurrentMap<String, Memo<Optional<Namespace>>> namespaces =
      new ConcurrentHashMap<>();

  ClusterView(ClusterReader reader, CheckScope scope) {
    this.reader = Objects.requireNonNull(reader, "reader");
    this.scope = Objects.requireNonNull(scope, "scope");
    this.nodes = new Memo<>(this::readNodes);
    this.allPods = new Memo<>(() -> reader.listPods(Optional.empty()));
    this.namespacePods =
        new Memo<>(
            () -> {
              requireNamespace();
              return reader.listPods(scope.namespace());
            });
    this.events =
        new Memo<>(
            () -> {
              requireNamespace();
              // The pod is filtered here, not with a field selector: every API server (and the
              // test double) honours a plain list.
              return reader.listEvents(scope.namespace());
            });
    this.mutating = new Memo<>(reader::listMutatingWebhooks);
    this.validating = new Memo<>(reader::listValidatingWebhooks);
  }

  CheckScope scope() {
    return scope;
  }

  /** The nodes in scope: the {@code --node} one, else all. */
  List<Node> nodes() {
    return nodes.get();
  }

  /** Every pod of the cluster, whatever the scope: a node's pods live in every namespace. */
  List<Pod> allPods() {
    return allPods.get();
  }

  /** The pods in scope: namespace, pod name and node. */
  List<Pod> pods() {
    List<Pod> pods = scope.namespace().isPresent() ? namespacePods.get() : allPods.get();
    return pods.stream().filter(this::inScope).toList();
  }

  /** The events in scope; for {@code --node}, those the node's kubelet reported or about it. */
  List<Event> events() {
    return events.get().stream().filter(this::inScope).toList();
  }

  Optional<Namespace> namespace(String name) {
    return namespaces.computeIfAbsent(name, n -> new Memo<>(() -> reader.getNamespace(n))).get();
  }

  List<MutatingWebhookConfiguration> mutatingWebhooks() {
    return mutating.get();
  }

  List<ValidatingWebhookConfiguration> validatingWebhooks() {
    return validating.get();
  }

  private List<Node> readNodes() {
    if (scope.node().isEmpty()) {
      return reader.listNodes();
    }
    String name = scope.node().get();
    return List.of(
        reader
            .getNode(name)
            .orElseThrow(() -> new ClusterAccessException("node '" + name + "' does not exist")));
  }

  private void requireNamespace() {
    if (scope.namespace().isPresent() && namespace(scope.namespace().get()).isEmpty()) {
      throw new ClusterAccessException(
          "namespace '" + scope.namespace().get() + "' does not exist");
    }
  }

  private boolean inScope(Pod p) {
    var meta = p.getMetadata();
    if (meta == null) {
      return false;
    }
    if (scope.pod().isPresent() && !scope.pod().get().equals(meta.getName())) {
      return false;
    }
    String node = p.getSpec() == null ? null : p.getSpec().getNodeName();
    return scope.node().isEmpty() || scope.node().get().equals(node);
  }

  private boolean inScope(Event e) {
    var involved = e.getInvolvedObject();
    if (scope.pod().isPresent()
        && (involved == null || !scope.pod().get().equals(involved.getName()))) {
      return false;
    }
    if (scope.node().isEmpty()) {
      return true;
    }
    String node = scope.node().get();
    boolean fromNode = e.getSource() != null && node.equals(e.getSource().getHost());
    boolean aboutNode =
        involved != null && "Node".equals(involved.getKind()) && node.equals(involved.getName());
    return fromNode || aboutNode || node.equals(e.getReportingInstance());
  }
}

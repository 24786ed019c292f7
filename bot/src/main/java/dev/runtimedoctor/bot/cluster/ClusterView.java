package dev.runtimedoctor.bot.cluster;

import dev.runtimedoctor.knowledge.entry.Suggestions;
import dev.runtimedoctor.knowledge.match.Basis;
import dev.runtimedoctor.knowledge.match.Match;
import dev.runtimedoctor.knowledge.match.Matcher;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The cluster as one run of checks sees it: each read is made once, when a check first needs it,
 * narrowed on the server (namespace, field selectors) to the run's {@link CheckScope}, and kept as
 * the small facts the checks use ({@link PodFacts}, {@link EventFacts}, nodes without their image
 * lists), so memory grows with what the checks need rather than with the cluster. Safe to share
 * between the run's threads.
 */
final class ClusterView {
  /** Events kept per list: far more than any check shows, bounded whatever the cluster does. */
  static final int MAX_EVENTS = 50_000;

  private final ClusterReader reader;
  private final CheckScope scope;
  private final Memo<Matcher> matcher;
  private final Memo<List<Node>> allNodes;
  private final Memo<Optional<Node>> scopeNode;
  private final Memo<List<PodFacts>> scopedPods;
  private final Memo<List<PodFacts>> kubeSystemPods;
  private final Memo<String> serverVersion;
  private final Memo<List<MutatingWebhookConfiguration>> mutating;
  private final Memo<List<ValidatingWebhookConfiguration>> validating;
  private final ConcurrentMap<String, Memo<Optional<Namespace>>> namespaces =
      new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Memo<List<PodFacts>>> podsOnNode = new ConcurrentHashMap<>();
  private final ConcurrentMap<ListSelection, Memo<Events>> events = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Set<String>> recognised = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, AtomicLong> reading = new ConcurrentHashMap<>();

  /** What one event list gave: the facts kept, and how many the server sent in all. */
  record Events(List<EventFacts> kept, long read) {}

  ClusterView(ClusterReader reader, CheckScope scope, Supplier<Matcher> matcher) {
    this.reader = Objects.requireNonNull(reader, "reader");
    this.scope = Objects.requireNonNull(scope, "scope");
    this.matcher = new Memo<>(Objects.requireNonNull(matcher, "matcher"));
    this.allNodes = new Memo<>(this::readNodes);
    this.scopeNode =
        new Memo<>(() -> reader.getNode(scope.node().orElseThrow()).map(ClusterView::slim));
    this.scopedPods = new Memo<>(this::readScopedPods);
    this.kubeSystemPods =
        new Memo<>(
            () -> {
              List<PodFacts> pods = new ArrayList<>();
              this.<Pod>track(
                  "kube-system pods",
                  sink -> reader.listPods(ListSelection.in(Optional.of("kube-system")), sink),
                  p -> pods.add(PodFacts.of(p, true)));
              return List.copyOf(pods);
            });
    this.serverVersion = new Memo<>(reader::serverVersion);
    this.mutating = new Memo<>(reader::listMutatingWebhooks);
    this.validating = new Memo<>(reader::listValidatingWebhooks);
  }

  CheckScope scope() {
    return scope;
  }

  /** The nodes in scope: the {@code --node} one, else all. */
  List<Node> nodes() {
    if (scope.node().isPresent()) {
      return List.of(requireNode());
    }
    return allNodes.get();
  }

  /** The pods in scope ({@code --namespace}, {@code --pod}, {@code --node}), read page by page. */
  List<PodFacts> pods() {
    return scopedPods.get();
  }

  /** The pods scheduled on one node, whatever the scope: a node's pod IPs serve every namespace. */
  List<PodFacts> podsOnNode(String node) {
    return podsOnNode
        .computeIfAbsent(
            node,
            n ->
                new Memo<>(
                    () -> {
                      List<PodFacts> pods = new ArrayList<>();
                      this.<Pod>track(
                          "pods on node " + n,
                          sink -> reader.listPods(ListSelection.ALL.with("spec.nodeName", n), sink),
                          p -> pods.add(PodFacts.of(p, false)));
                      // Also filtered here: a server that ignored the selector must not mislead.
                      return pods.stream().filter(p -> p.node().equals(n)).toList();
                    }))
        .get();
  }

  /** The pods of {@code kube-system}, with their labels, whatever the scope. */
  List<PodFacts> kubeSystemPods() {
    return kubeSystemPods.get();
  }

  /**
   * The events in scope with one of {@code reasons} about objects of {@code kind}: asked of the
   * server with field selectors (one list per reason), and for {@code --node}, kept when that
   * node's kubelet reported them or they are about the node.
   */
  Events events(List<String> reasons, String kind) {
    requireNamespace();
    if (scope.node().isPresent()) {
      requireNode();
    }
    List<EventFacts> kept = new ArrayList<>();
    long read = 0;
    for (String reason : reasons.isEmpty() ? List.of("") : reasons) {
      ListSelection sel = ListSelection.in(scope.namespace());
      if (!reason.isEmpty()) {
        sel = sel.with("reason", reason);
      }
      sel = sel.with("involvedObject.kind", kind);
      if (scope.pod().isPresent()) {
        sel = sel.with("involvedObject.name", scope.pod().get());
      }
      Events e = events(sel);
      read += e.read();
      e.kept().stream().filter(this::inScope).forEach(kept::add);
    }
    return new Events(List.copyOf(kept), read);
  }

  /** The events of one selection, whatever the scope (e.g. kube-system's DaemonSets). */
  Events events(ListSelection selection) {
    return events.computeIfAbsent(selection, s -> new Memo<>(() -> readEvents(s))).get();
  }

  /**
   * The ids of the entries the knowledge engine recognises in {@code message} with confidence
   * enough to answer, through a signature: the same judgement a paste of that line would get.
   */
  Set<String> recognised(String message) {
    return recognised.computeIfAbsent(
        message,
        m ->
            matcher.get().diagnose(m).confident().stream()
                .filter(x -> x.basis() == Basis.SIGNATURE)
                .map(Match::entry)
                .map(e -> e.id())
                .collect(Collectors.toUnmodifiableSet()));
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

  /** The control plane's version, {@code gitVersion} of {@code /version}. */
  String serverVersion() {
    return serverVersion.get();
  }

  /**
   * The lists still being read, e.g. "pods: 61,500 read so far", for a timeout that must tell a
   * slow API server from one that does not answer; empty when none is under way.
   */
  Optional<String> inProgress() {
    String running =
        reading.entrySet().stream()
            .map(
                e -> {
                  String what = e.getKey().substring(0, e.getKey().lastIndexOf(" #"));
                  long n = e.getValue().get();
                  return n == 0
                      ? "waiting for the first page of " + what
                      : String.format("%s: %,d read so far", what, n);
                })
            .sorted()
            .collect(Collectors.joining("; "));
    return running.isEmpty() ? Optional.empty() : Optional.of(running);
  }

  /** The node of {@code --node}; a node that does not exist stops every check, once. */
  private Node requireNode() {
    String name = scope.node().orElseThrow();
    return scopeNode
        .get()
        .orElseThrow(
            () ->
                new ClusterAccessException(
                    missingNode(
                        name,
                        allNodes.get().stream().map(n -> n.getMetadata().getName()).toList())));
  }

  /** "node 'x' does not exist, did you mean 'y'?", else how many nodes there are. */
  static String missingNode(String name, List<String> names) {
    String suggestion = Suggestions.didYouMean(name, names);
    return "node '"
        + name
        + "' does not exist"
        + (suggestion.isEmpty() ? " (the cluster has " + names.size() + " nodes)" : suggestion);
  }

  private void requireNamespace() {
    if (scope.namespace().isPresent() && namespace(scope.namespace().get()).isEmpty()) {
      throw new ClusterAccessException(
          "namespace '" + scope.namespace().get() + "' does not exist");
    }
  }

  private List<Node> readNodes() {
    List<Node> nodes = new ArrayList<>();
    track("nodes", reader::listNodes, n -> nodes.add(slim(n)));
    return List.copyOf(nodes);
  }

  private List<PodFacts> readScopedPods() {
    requireNamespace();
    ListSelection sel = ListSelection.in(scope.namespace());
    if (scope.pod().isPresent()) {
      sel = sel.with("metadata.name", scope.pod().get());
    }
    if (scope.node().isPresent()) {
      requireNode();
      sel = sel.with("spec.nodeName", scope.node().get());
    }
    // Thousands of pods share a few namespace and node names: keep one copy of each.
    Map<String, String> names = new HashMap<>();
    List<PodFacts> pods = new ArrayList<>();
    ListSelection selection = sel;
    this.<Pod>track(
        "pods",
        sink -> reader.listPods(selection, sink),
        p -> {
          PodFacts f = PodFacts.of(p, false);
          pods.add(
              new PodFacts(
                  names.computeIfAbsent(f.namespace(), k -> k),
                  f.name(),
                  names.computeIfAbsent(f.node(), k -> k),
                  names.computeIfAbsent(f.phase(), k -> k),
                  f.hostNetwork(),
                  f.creating(),
                  f.labels(),
                  f.execProbes(),
                  f.privilegedDevices()));
        });
    return pods.stream().filter(this::inScope).toList();
  }

  private Events readEvents(ListSelection sel) {
    List<EventFacts> kept = new ArrayList<>();
    long[] read = {0};
    this.<Event>track(
        "events" + sel.fieldSelector().map(f -> " (" + f + ")").orElse(""),
        sink -> reader.listEvents(sel, sink),
        e -> {
          read[0]++;
          EventFacts f = EventFacts.of(e);
          // Filtered here too: the selector narrows the transfer, this keeps the meaning.
          if (kept.size() < MAX_EVENTS && selects(sel, f)) {
            kept.add(f);
          }
        });
    return new Events(List.copyOf(kept), read[0]);
  }

  private static boolean selects(ListSelection sel, EventFacts e) {
    for (var t : sel.fields().entrySet()) {
      String actual =
          switch (t.getKey()) {
            case "reason" -> e.reason();
            case "involvedObject.kind" -> e.kind();
            case "involvedObject.name" -> e.name();
            default -> t.getValue();
          };
      if (!t.getValue().equals(actual)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Runs one list, counting what it hands on while it runs so that {@link #inProgress()} can tell a
   * slow server from a silent one.
   */
  private <T> void track(String what, Consumer<Consumer<T>> list, Consumer<T> sink) {
    AtomicLong count = new AtomicLong();
    String key = what + " #" + System.identityHashCode(count);
    reading.put(key, count);
    try {
      list.accept(
          item -> {
            sink.accept(item);
            count.incrementAndGet();
          });
    } finally {
      reading.remove(key);
    }
  }

  /** A node without what no check reads and real nodes carry in bulk (images, managed fields). */
  private static Node slim(Node n) {
    if (n.getMetadata() != null) {
      n.getMetadata().setManagedFields(null);
      n.getMetadata().setAnnotations(null);
    }
    if (n.getStatus() != null) {
      n.getStatus().setImages(null);
      n.getStatus().setVolumesAttached(null);
      n.getStatus().setVolumesInUse(null);
    }
    return n;
  }

  private boolean inScope(PodFacts p) {
    if (scope.pod().isPresent() && !scope.pod().get().equals(p.name())) {
      return false;
    }
    return scope.node().isEmpty() || scope.node().get().equals(p.node());
  }

  private boolean inScope(EventFacts e) {
    if (scope.node().isEmpty()) {
      return true;
    }
    String node = scope.node().get();
    return node.equals(e.host()) || ("Node".equals(e.kind()) && node.equals(e.name()));
  }
}

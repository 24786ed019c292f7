package dev.runtimedoctor.bot.cluster;

import dev.runtimedoctor.bot.text.Message;
import dev.runtimedoctor.bot.text.Msg;
import dev.runtimedoctor.knowledge.entry.Affected;
import dev.runtimedoctor.knowledge.entry.CheckSpec;
import dev.runtimedoctor.knowledge.entry.Entry;
import dev.runtimedoctor.knowledge.entry.Language;
import dev.runtimedoctor.knowledge.entry.Platform;
import dev.runtimedoctor.knowledge.version.Version;
import dev.runtimedoctor.knowledge.version.VersionRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code node-version}: holds each node's OS, runtime and versions ({@code status.nodeInfo}) to the
 * entry's {@code affected} platform, GKE and containerd ranges and its {@code fixed_in} versions.
 *
 * <p>A node at or past a fixed version of its own minor line (or on a line newer than every fix) is
 * not affected even when a range's upper bound equals the fix: the seed writes "1.18.0 to 1.18.18"
 * beside "fixed in 1.18.18". The optional {@code runtime} parameter ({@code containerd} or {@code
 * docker}) limits the entry to nodes of that runtime; containerd ranges imply it. {@code image}
 * (e.g. {@code cos}) limits it to nodes of that OS image family, {@code accelerator: gpu} to nodes
 * with GPUs: a cluster without such nodes is not affected.
 *
 * <p>{@code pools: auto-provisioned} judges what node auto-provisioning will create rather than the
 * nodes there are: the control plane's version ({@code /version}) against the ranges, and the
 * auto-provisioned pools ({@code nap-…}) that exist. An affected control plane with no such pool
 * running the wrong runtime is exposure, not confirmation.
 */
final class NodeVersionCheck implements ClusterCheck {
  /** GKE names the pools node auto-provisioning creates {@code nap-<machine type>-<suffix>}. */
  static final String AUTO_PROVISIONED_PREFIX = "nap-";

  @Override
  public String type() {
    return "node-version";
  }

  @Override
  public Finding run(Entry entry, CheckSpec spec, ClusterView view) {
    Affected a = entry.affected();
    boolean containerdRules = narrows(a.containerd()) || !a.fixedContainerd().isEmpty();
    Optional<String> runtime =
        spec.first("runtime")
            .map(r -> r.toLowerCase(Locale.ROOT))
            .or(() -> containerdRules ? Optional.of("containerd") : Optional.empty());
    boolean versioned = narrows(a.gke()) || !a.fixedGke().isEmpty() || containerdRules;
    if (spec.first("pools").filter("auto-provisioned"::equalsIgnoreCase).isPresent()) {
      return autoProvisioned(a, view);
    }
    List<NodeFacts> nodes = view.nodes().stream().map(NodeFacts::of).toList();
    List<String> all = nodes.stream().map(NodeFacts::describe).toList();
    if (nodes.isEmpty()) {
      return Finding.inconclusive(Message.of(Msg.NV_NO_NODES), List.of());
    }
    if (spec.first("accelerator").filter("gpu"::equalsIgnoreCase).isPresent()) {
      nodes = nodes.stream().filter(NodeFacts::gpu).toList();
      if (nodes.isEmpty()) {
        return Finding.notAffected(
            Message.of(Msg.NV_NO_GPU, all.size(), NodeFacts.ACCELERATOR_LABEL), List.of());
      }
    }
    Optional<String> image = spec.first("image").map(i -> i.toLowerCase(Locale.ROOT));
    if (image.isPresent()) {
      List<NodeFacts> known = nodes.stream().filter(n -> !n.image().isEmpty()).toList();
      List<NodeFacts> on = known.stream().filter(n -> n.image().equals(image.get())).toList();
      if (on.isEmpty() && known.size() < nodes.size()) {
        return Finding.inconclusive(
            Message.of(Msg.NV_IMAGE_UNKNOWN, image.get(), NodeFacts.OS_LABEL), all);
      }
      if (on.isEmpty()) {
        return Finding.notAffected(
            Message.of(
                Msg.NV_NODES_RUN_OTHER,
                known.stream().map(NodeFacts::image).distinct().collect(Collectors.joining(", ")),
                image.get()),
            all);
      }
      nodes = on;
    }
    if (a.platform() == Platform.ANY && !versioned && runtime.isEmpty()) {
      return Finding.inconclusive(Message.of(Msg.NV_EVERY_NODE), all);
    }
    List<NodeFacts> onPlatform = nodes.stream().filter(n -> a.platform().includes(n.os())).toList();
    if (onPlatform.isEmpty()) {
      String systems =
          nodes.stream()
              .map(NodeFacts::os)
              .filter(s -> !s.isEmpty())
              .distinct()
              .collect(Collectors.joining(", "));
      return Finding.notAffected(
          Message.of(
              Msg.NV_NODES_RUN_OTHER,
              systems.isEmpty() ? Message.of(Msg.NV_ANOTHER_OS) : systems,
              a.platform().code()),
          all);
    }
    if (runtime.isPresent()
        && onPlatform.stream().noneMatch(n -> n.runtime().isEmpty() || runtimeIs(n, runtime))) {
      String runtimes =
          onPlatform.stream()
              .map(n -> n.runtime() + " " + n.runtimeVersion())
              .distinct()
              .collect(Collectors.joining(", "));
      return Finding.notAffected(
          Message.of(Msg.NV_RUNTIME_RULES_OUT, platformWord(a.platform()), runtimes, runtime.get()),
          all);
    }
    // Nodes of another runtime are ruled out like those of another platform: the summary speaks
    // of the nodes the versions decide for.
    List<NodeFacts> eligible =
        onPlatform.stream().filter(n -> runtime.isEmpty() || runtimeIs(n, runtime)).toList();
    List<Judgement> judged = eligible.stream().map(n -> judge(n, a)).toList();
    List<NodeFacts> hit = judged.stream().filter(Judgement::affected).map(Judgement::node).toList();
    String kind = platformWord(a.platform()) + runtime.map(r -> r + " ").orElse("");
    if (!hit.isEmpty()) {
      List<String> evidence = hit.stream().map(NodeFacts::describe).toList();
      if (!versioned) {
        Msg counted = hit.size() == 1 ? Msg.COUNT_NODE : Msg.COUNT_NODES;
        return Finding.inconclusive(
            Message.of(Msg.NV_NO_RANGE, kind, Message.of(counted, hit.size())), evidence);
      }
      return Finding.confirmed(
          eligible.size() == 1
              ? Message.of(Msg.NV_ONLY_NODE_AFFECTED, kind, pools(hit))
              : Message.of(Msg.NV_NODES_AFFECTED, hit.size(), eligible.size(), kind, pools(hit)),
          evidence);
    }
    List<Judgement> ruledOut = judged.stream().filter(j -> !j.reasons().isEmpty()).toList();
    if (ruledOut.isEmpty()) {
      return Finding.inconclusive(Message.of(Msg.NV_NO_VERSIONS), all);
    }
    return Finding.notAffected(
        notAffectedSummary(ruledOut),
        ruledOut.stream()
            .map(j -> j.node().describe() + ": " + english(tails(List.of(j), false)))
            .toList());
  }

  /**
   * Whether some range has a bound: {@code all}, an entry's "every version is affected", neither
   * confirms nor rules out a node.
   */
  private static boolean narrows(List<VersionRange> ranges) {
    return ranges.stream().anyMatch(r -> r.lower().isPresent() || r.upper().isPresent());
  }

  /** What node auto-provisioning creates is decided by the control plane's version. */
  private static Finding autoProvisioned(Affected a, ClusterView view) {
    String reported = view.serverVersion();
    Version plane;
    try {
      plane = Version.parseReported(reported);
    } catch (IllegalArgumentException e) {
      return Finding.inconclusive(Message.of(Msg.NV_PLANE_NOT_GKE, reported), List.of());
    }
    List<NodeFacts> nap =
        view.nodes().stream()
            .map(NodeFacts::of)
            .filter(n -> n.pool().startsWith(AUTO_PROVISIONED_PREFIX))
            .toList();
    List<String> evidence = new ArrayList<>();
    evidence.add("control plane · GKE " + plane);
    nap.stream().map(NodeFacts::describe).forEach(evidence::add);
    Optional<Reason> out = rule("GKE", plane, a.gke(), a.fixedGke());
    if (out.isPresent()) {
      return Finding.notAffected(
          Message.of(Msg.NV_PLANE_NOT_AFFECTED, plane.toString(), out.get().tail(false)), evidence);
    }
    List<NodeFacts> docker = nap.stream().filter(n -> n.runtime().equals("docker")).toList();
    if (!docker.isEmpty()) {
      return Finding.confirmed(
          Message.of(Msg.NV_PLANE_DOCKER, plane.toString(), pools(docker)), evidence);
    }
    return Finding.inconclusive(
        Message.of(
            Msg.NV_PLANE_EXPOSED,
            plane.toString(),
            nap.isEmpty()
                ? Message.of(Msg.NV_NO_NAP_POOL)
                : Message.of(Msg.NV_NAP_POOLS, pools(nap))),
        evidence);
  }

  private static boolean runtimeIs(NodeFacts n, Optional<String> runtime) {
    return runtime.isPresent() && runtime.get().equals(n.runtime());
  }

  private static Judgement judge(NodeFacts n, Affected a) {
    List<Reason> reasons = new ArrayList<>();
    boolean unknown = false;
    if (narrows(a.gke()) || !a.fixedGke().isEmpty()) {
      if (n.gke().isEmpty()) {
        unknown = true;
      } else {
        rule("GKE", n.gke().get(), a.gke(), a.fixedGke()).ifPresent(reasons::add);
      }
    }
    boolean containerdRules = narrows(a.containerd()) || !a.fixedContainerd().isEmpty();
    if (containerdRules && n.runtime().equals("containerd")) {
      if (n.containerd().isEmpty()) {
        unknown = true;
      } else {
        rule("containerd", n.containerd().get(), a.containerd(), a.fixedContainerd())
            .ifPresent(reasons::add);
      }
    }
    return new Judgement(n, reasons, unknown);
  }

  /** Why {@code v} is not affected, if it is not. */
  private static Optional<Reason> rule(
      String component, Version v, List<VersionRange> ranges, List<Version> fixes) {
    Optional<Version> fix = pastFix(v, fixes);
    if (fix.isPresent()) {
      return Optional.of(new Reason(component, v.toString(), Rule.FIXED, fix.get().toString()));
    }
    if (!ranges.isEmpty() && ranges.stream().noneMatch(r -> r.contains(v))) {
      String affected =
          ranges.stream().map(VersionRange::toString).collect(Collectors.joining(", "));
      return Optional.of(new Reason(component, v.toString(), Rule.RANGE, affected));
    }
    return Optional.empty();
  }

  /**
   * The fix {@code v} is at or past: one of its own minor line, or the newest fix when {@code v} is
   * on a later line than all of them.
   */
  static Optional<Version> pastFix(Version v, List<Version> fixes) {
    Optional<Version> sameLine =
        fixes.stream()
            .filter(f -> f.major() == v.major() && f.minor() == v.minor())
            .filter(f -> v.compareToPrefix(f) >= 0)
            .findFirst();
    if (sameLine.isPresent() || fixes.isEmpty()) {
      return sameLine;
    }
    boolean newerLine = fixes.stream().allMatch(f -> compareLines(v, f) > 0);
    return newerLine ? fixes.stream().max(Comparator.naturalOrder()) : Optional.empty();
  }

  private static int compareLines(Version a, Version b) {
    int c = Integer.compare(a.major(), b.major());
    return c != 0 ? c : Integer.compare(a.minor(), b.minor());
  }

  /** "matches the error, but your nodes run containerd 1.6.9; fixed in 1.6.6". */
  private static Message notAffectedSummary(List<Judgement> ruledOut) {
    Map<String, Set<String>> versions = new LinkedHashMap<>();
    for (String component : List.of("GKE", "containerd")) {
      for (Judgement j : ruledOut) {
        for (Reason r : j.reasons()) {
          if (r.component().equals(component)) {
            versions.computeIfAbsent(component, c -> new LinkedHashSet<>()).add(r.version());
          }
        }
      }
    }
    List<String> parts = new ArrayList<>();
    versions.forEach(
        (component, vs) -> {
          String list = vs.stream().limit(4).collect(Collectors.joining(", "));
          String more = vs.size() > 4 ? ", …" : "";
          parts.add(component + " " + list + more);
        });
    // Two components at most: GKE and containerd.
    boolean multi = parts.size() > 1;
    Object nodesRun = multi ? Message.of(Msg.BOTH, parts.get(0), parts.get(1)) : parts.get(0);
    return Message.of(Msg.NV_NOT_AFFECTED, nodesRun, tails(ruledOut, multi));
  }

  /** Why the nodes are not affected, one reason each, said as a list. */
  private static List<Message> tails(List<Judgement> judged, boolean nameComponent) {
    return judged.stream()
        .flatMap(j -> j.reasons().stream())
        .map(r -> r.tail(nameComponent))
        .distinct()
        .toList();
  }

  /** Evidence lines are the cluster's facts, kept in English as the API states them. */
  private static String english(List<Message> reasons) {
    return reasons.stream()
        .map(m -> m.in(Language.EN))
        .collect(Collectors.joining(Message.LIST_SEPARATOR));
  }

  /** "pool win-pool (GKE 1.21.5-gke.1302, containerd 1.5.7-gke.0)", up to three pools. */
  private static String pools(List<NodeFacts> nodes) {
    Set<String> pools = new LinkedHashSet<>();
    for (NodeFacts n : nodes) {
      List<String> v = new ArrayList<>();
      n.gke().ifPresent(g -> v.add("GKE " + g));
      if (!n.runtime().isEmpty()) {
        v.add(n.runtime() + " " + n.runtimeVersion());
      }
      String name = n.pool().isEmpty() ? n.label() : "pool " + n.pool();
      pools.add(name + (v.isEmpty() ? "" : " (" + String.join(", ", v) + ")"));
    }
    String shown = pools.stream().limit(3).collect(Collectors.joining("; "));
    return pools.size() > 3 ? shown + "; …" : shown;
  }

  private static String platformWord(Platform p) {
    return p == Platform.ANY ? "" : p.code() + " ";
  }

  private record Judgement(NodeFacts node, List<Reason> reasons, boolean unknown) {
    boolean affected() {
      return reasons.isEmpty() && !unknown;
    }
  }

  private enum Rule {
    FIXED,
    RANGE
  }

  /**
   * Why one node is not affected: its version of a component and what rules it out.
   *
   * @param detail the fix it is past, or the affected ranges
   */
  private record Reason(String component, String version, Rule rule, String detail) {
    /** "fixed in 1.6.6", "affected: GKE 1.18.0 - 1.18.14". */
    Message tail(boolean nameComponent) {
      return switch (rule) {
        case FIXED -> Message.of(Msg.NV_FIXED_IN, (nameComponent ? component + " " : "") + detail);
        case RANGE -> Message.of(Msg.NV_OUT_OF_RANGE, component + " " + detail);
      };
    }
  }
}

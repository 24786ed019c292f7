package dev.runtimedoctor.bot.cluster;

import dev.runtimedoctor.knowledge.entry.Affected;
import dev.runtimedoctor.knowledge.entry.CheckSpec;
import dev.runtimedoctor.knowledge.entry.Entry;
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
    if (spec.first("pools").filter("auto-provisioned"::equals).isPresent()) {
      return autoProvisioned(a, view);
    }
    List<NodeFacts> nodes = view.nodes().stream().map(NodeFacts::of).toList();
    List<String> all = nodes.stream().map(NodeFacts::describe).toList();
    if (nodes.isEmpty()) {
      return Finding.inconclusive("the cluster has no nodes to check", List.of());
    }
    if (spec.first("accelerator").filter("gpu"::equalsIgnoreCase).isPresent()) {
      nodes = nodes.stream().filter(NodeFacts::gpu).toList();
      if (nodes.isEmpty()) {
        return Finding.notAffected(
            "matches the error, but none of your "
                + all.size()
                + " nodes has a GPU (no nvidia.com/gpu capacity, no "
                + NodeFacts.ACCELERATOR_LABEL
                + " label); it affects GPU nodes only",
            List.of());
      }
    }
    Optional<String> image = spec.first("image").map(i -> i.toLowerCase(Locale.ROOT));
    if (image.isPresent()) {
      List<NodeFacts> known = nodes.stream().filter(n -> !n.image().isEmpty()).toList();
      List<NodeFacts> on = known.stream().filter(n -> n.image().equals(image.get())).toList();
      if (on.isEmpty() && known.size() < nodes.size()) {
        return Finding.inconclusive(
            "this issue affects "
                + image.get()
                + " nodes only, and your nodes do not say their OS image ("
                + NodeFacts.OS_LABEL
                + " label, nodeInfo.osImage)",
            all);
      }
      if (on.isEmpty()) {
        return Finding.notAffected(
            "matches the error, but your nodes run "
                + known.stream().map(NodeFacts::image).distinct().collect(Collectors.joining(", "))
                + "; it affects "
                + image.get()
                + " nodes only",
            all);
      }
      nodes = on;
    }
    if (a.platform() == Platform.ANY && !versioned && runtime.isEmpty()) {
      return Finding.inconclusive(
          "this issue can affect every node: versions neither confirm nor rule it out", all);
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
          "matches the error, but your nodes run "
              + (systems.isEmpty() ? "another OS" : systems)
              + "; it affects "
              + a.platform().code()
              + " nodes only",
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
          "matches the error, but your "
              + platformWord(a.platform())
              + "nodes run "
              + runtimes
              + "; it affects "
              + runtime.get()
              + " nodes only",
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
        return Finding.inconclusive(
            "your "
                + kind
                + "nodes can have this issue; no version range narrows it down ("
                + count(hit.size(), "node")
                + ")",
            evidence);
      }
      String who =
          eligible.size() == 1
              ? "your only " + kind + "node runs"
              : hit.size() + " of " + eligible.size() + " " + kind + "nodes run";
      return Finding.confirmed(who + " an affected version: " + pools(hit), evidence);
    }
    List<Judgement> ruledOut = judged.stream().filter(j -> !j.reasons().isEmpty()).toList();
    if (ruledOut.isEmpty()) {
      return Finding.inconclusive(
          "your nodes do not report the versions this issue depends on", all);
    }
    return Finding.notAffected(
        notAffectedSummary(ruledOut),
        ruledOut.stream().map(j -> j.node().describe() + ": " + tails(List.of(j), false)).toList());
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
      return Finding.inconclusive(
          "the control plane reports version " + reported + ", which is not a GKE version",
          List.of());
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
          "matches the error, but your control plane runs GKE "
              + plane
              + "; "
              + out.get().tail(false)
              + " (node auto-provisioning creates pools as the control plane decides)",
          evidence);
    }
    List<NodeFacts> docker = nap.stream().filter(n -> n.runtime().equals("docker")).toList();
    if (!docker.isEmpty()) {
      return Finding.confirmed(
          "your control plane runs GKE "
              + plane
              + ", an affected version, and auto-provisioned pools run Docker: "
              + pools(docker),
          evidence);
    }
    return Finding.inconclusive(
        "exposed, not seen: your control plane runs GKE "
            + plane
            + ", an affected version, so pools that node auto-provisioning creates get"
            + " Container-Optimized OS with Docker; "
            + (nap.isEmpty()
                ? "no auto-provisioned pool (nap-…) exists now"
                : "the auto-provisioned pools there now run " + pools(nap)),
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
  private static String notAffectedSummary(List<Judgement> ruledOut) {
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
    boolean multi = versions.size() > 1;
    return "matches the error, but your nodes run "
        + String.join(" and ", parts)
        + "; "
        + tails(ruledOut, multi);
  }

  private static String tails(List<Judgement> judged, boolean nameComponent) {
    return judged.stream()
        .flatMap(j -> j.reasons().stream())
        .map(r -> r.tail(nameComponent))
        .distinct()
        .collect(Collectors.joining("; "));
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

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
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
    String tail(boolean nameComponent) {
      return switch (rule) {
        case FIXED -> "fixed in " + (nameComponent ? component + " " : "") + detail;
        case RANGE -> "affected: " + component + " " + detail;
      };
    }
  }
}

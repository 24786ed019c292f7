package dev.runtimedoctor.knowledge.entry;

import dev.runtimedoctor.knowledge.version.Version;
import dev.runtimedoctor.knowledge.version.VersionRange;
import java.util.List;
import java.util.Objects;

/**
 * Which nodes an issue affects: platform, GKE and containerd version ranges (empty means every
 * version), and the first versions that fix it.
 */
public record Affected(
    Platform platform,
    List<VersionRange> gke,
    List<VersionRange> containerd,
    List<Version> fixedGke,
    List<Version> fixedContainerd) {

  /** Every platform and version, nothing fixed. */
  public static final Affected ALL =
      new Affected(Platform.ANY, List.of(), List.of(), List.of(), List.of());

  public Affected {
    Objects.requireNonNull(platform, "platform");
    gke = List.copyOf(gke);
    containerd = List.copyOf(containerd);
    fixedGke = List.copyOf(fixedGke);
    fixedContainerd = List.copyOf(fixedContainerd);
  }

  /** Whether the entry names a platform or version ranges a node can be held to. */
  public boolean isRestricted() {
    return platform != Platform.ANY || !gke.isEmpty() || !containerd.isEmpty();
  }

  /** Whether a GKE version is within the affected ranges (true when none are given). */
  public boolean gkeAffected(Version v) {
    return gke.isEmpty() || gke.stream().anyMatch(r -> r.contains(v));
  }

  /** Whether a containerd version is within the affected ranges (true when none are given). */
  public boolean containerdAffected(Version v) {
    return containerd.isEmpty() || containerd.stream().anyMatch(r -> r.contains(v));
  }
}

package dev.runtimedoctor.bot.cluster;

import java.util.Map;
import java.util.Set;

/**
 * The check types this build runs and the parameters each reads: what {@code validate} holds an
 * entry's {@code checks} front matter to, so a misspelt type or key fails before {@code check}
 * time. A test holds this table to the checks {@link ClusterChecks} really has.
 */
public final class CheckTypes {
  /** Check type → the parameter keys it reads (every value a string or a list of strings). */
  public static final Map<String, Set<String>> PARAMETERS =
      Map.of(
          "node-version", Set.of("runtime", "accelerator", "image", "pools"),
          "event", Set.of("match", "reason", "kind"),
          "node-condition", Set.of("condition", "match"),
          "pods-per-node", Set.of("reason"),
          "webhooks-kube-system", Set.of(),
          "privileged-volume-devices", Set.of(),
          "exec-probe-timeout", Set.of("max_seconds"));

  /**
   * Per check type, the parameters whose values the check knows by name, with those values (case
   * ignored): any other value would silently match nothing.
   */
  public static final Map<String, Map<String, Set<String>>> VALUES =
      Map.of(
          "node-version",
          Map.of(
              "runtime", Set.of("containerd", "docker"),
              "accelerator", Set.of("gpu"),
              "pools", Set.of("auto-provisioned")));

  private CheckTypes() {}
}

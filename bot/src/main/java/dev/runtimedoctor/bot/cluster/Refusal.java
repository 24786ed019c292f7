package dev.runtimedoctor.bot.cluster;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A read the API server answered with 403 Forbidden or 404 Not Found: what it was about, for a
 * summary that names every grant a run lacks at once.
 *
 * @param code 403 or 404
 * @param resource as {@code kubectl auth can-i} names it ({@code nodes}, {@code
 *     x.admissionregistration.k8s.io}), or {@code /version}
 * @param verbs the verbs the checks need on it ({@link KubeClusterReader#PERMISSIONS})
 * @param namespace the namespace the read was limited to, if any
 * @param user who the API server says asked ({@code system:serviceaccount:ns:name}), if it said
 */
public record Refusal(
    int code,
    String resource,
    List<String> verbs,
    Optional<String> namespace,
    Optional<String> user) {

  public Refusal {
    if (code != 403 && code != 404) {
      throw new IllegalArgumentException("a refusal is a 403 or a 404, not " + code);
    }
    Objects.requireNonNull(resource, "resource");
    verbs = List.copyOf(verbs);
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(user, "user");
  }

  /** "get/list on nodes", "list on events in namespace shop": the rule that would allow it. */
  public String grant() {
    return String.join("/", verbs)
        + " on "
        + resource
        + namespace.map(n -> " in namespace " + n).orElse("");
  }
}

package dev.runtimedoctor.bot.cluster;

import java.util.List;
import java.util.Objects;

/**
 * One RBAC rule the cluster checks need: the verbs on a resource of an API group ({@code ""} is the
 * core group). {@link KubeClusterReader#PERMISSIONS} lists them all; the deploy manifests'
 * ClusterRole is held to that list.
 */
public record ApiPermission(String apiGroup, String resource, List<String> verbs) {

  public ApiPermission {
    Objects.requireNonNull(apiGroup, "apiGroup");
    Objects.requireNonNull(resource, "resource");
    verbs = List.copyOf(verbs);
  }

  /**
   * The resource as {@code kubectl auth can-i} names it: {@code nodes}, {@code
   * x.admissionregistration.k8s.io}.
   */
  public String qualifiedResource() {
    return apiGroup.isEmpty() ? resource : resource + "." + apiGroup;
  }
}

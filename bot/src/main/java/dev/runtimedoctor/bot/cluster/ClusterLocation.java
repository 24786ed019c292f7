package dev.runtimedoctor.bot.cluster;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the environment says a cluster may be, as {@code kubectl} looks: kubeconfig files, the home
 * directory holding {@code .kube/config}, and the API server a pod is given. Read from the
 * environment by {@code config.Environment}; {@link ClusterTarget} decides which one is usable.
 *
 * @param kubeconfig the files {@code KUBECONFIG} lists, in order; empty when it is not set
 * @param home the home directory; empty when {@code HOME} is not set
 * @param serviceHost the in-cluster API server's host ({@code KUBERNETES_SERVICE_HOST})
 * @param servicePort the in-cluster API server's port ({@code KUBERNETES_SERVICE_PORT})
 */
public record ClusterLocation(
    List<Path> kubeconfig,
    Optional<Path> home,
    Optional<String> serviceHost,
    Optional<String> servicePort) {

  /** No cluster anywhere: the checks answer "unavailable" (tests, benchmarks). */
  public static final ClusterLocation NONE =
      new ClusterLocation(List.of(), Optional.empty(), Optional.empty(), Optional.empty());

  public ClusterLocation {
    kubeconfig = List.copyOf(kubeconfig);
    Objects.requireNonNull(home, "home");
    Objects.requireNonNull(serviceHost, "serviceHost");
    Objects.requireNonNull(servicePort, "servicePort");
  }

  /** One kubeconfig file and nothing else. */
  public static ClusterLocation kubeconfig(Path file) {
    return new ClusterLocation(List.of(file), Optional.empty(), Optional.empty(), Optional.empty());
  }
}

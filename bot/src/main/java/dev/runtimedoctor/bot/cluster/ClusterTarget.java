package dev.runtimedoctor.bot.cluster;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the checks connect, decided from the environment the way {@code kubectl} does: the first
 * readable file of {@code KUBECONFIG}, else {@code $HOME/.kube/config}, else the pod's service
 * account. Reading only the given environment (not {@code System.getenv}) keeps tests hermetic.
 */
public sealed interface ClusterTarget {

  /** The service account directory a pod gets from Kubernetes. */
  Path SERVICE_ACCOUNT_DIR = Path.of("/var/run/secrets/kubernetes.io/serviceaccount");

  /** A kubeconfig file and, when {@code --context} was given, the context to use. */
  record Kubeconfig(Path file, Optional<String> context) implements ClusterTarget {
    public Kubeconfig {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(context, "context");
    }
  }

  /** The API server of the cluster this process runs in, with the pod's service account. */
  record InCluster(String host, String port, Path serviceAccountDir) implements ClusterTarget {
    public InCluster {
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(port, "port");
      Objects.requireNonNull(serviceAccountDir, "serviceAccountDir");
    }
  }

  /** No cluster can be reached; {@code reason} says what to set up. */
  record Missing(String reason) implements ClusterTarget {
    public Missing {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Resolves the target from {@code env} and an optional {@code --context}. */
  static ClusterTarget resolve(Map<String, String> env, Optional<String> context) {
    return resolve(env, context, SERVICE_ACCOUNT_DIR);
  }

  /** As {@link #resolve(Map, Optional)}, with the service account directory given (tests). */
  static ClusterTarget resolve(
      Map<String, String> env, Optional<String> context, Path serviceAccountDir) {
    String kubeconfig = env.get("KUBECONFIG");
    if (kubeconfig != null && !kubeconfig.isBlank()) {
      List<String> files =
          Arrays.stream(kubeconfig.split(File.pathSeparator)).filter(s -> !s.isBlank()).toList();
      // Like fabric8, use the first file that exists rather than merging the list.
      return files.stream()
          .map(Path::of)
          .filter(Files::isReadable)
          .findFirst()
          .<ClusterTarget>map(f -> new Kubeconfig(f, context))
          .orElseGet(() -> new Missing("KUBECONFIG names no readable file: " + kubeconfig));
    }
    String home = env.get("HOME");
    if (home != null && !home.isBlank()) {
      Path file = Path.of(home, ".kube", "config");
      if (Files.isReadable(file)) {
        return new Kubeconfig(file, context);
      }
    }
    String host = env.get("KUBERNETES_SERVICE_HOST");
    String port = env.get("KUBERNETES_SERVICE_PORT");
    if (host != null && port != null && Files.isReadable(serviceAccountDir.resolve("token"))) {
      if (context.isPresent()) {
        return new Missing(
            "--context "
                + context.get()
                + " needs a kubeconfig (KUBECONFIG or ~/.kube/config);"
                + " in a pod the checks use the pod's service account");
      }
      return new InCluster(host, port, serviceAccountDir);
    }
    return new Missing(
        "no cluster configured: set KUBECONFIG, create ~/.kube/config"
            + " (gcloud container clusters get-credentials …), or run in a pod with a service"
            + " account");
  }
}

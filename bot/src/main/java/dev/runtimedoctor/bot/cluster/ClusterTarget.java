package dev.runtimedoctor.bot.cluster;

import dev.runtimedoctor.bot.text.Message;
import dev.runtimedoctor.bot.text.Msg;
import dev.runtimedoctor.knowledge.entry.Language;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where the checks connect, decided the way {@code kubectl} does: the first readable file of {@code
 * KUBECONFIG}, else {@code $HOME/.kube/config}, else the pod's service account. Deciding from a
 * {@link ClusterLocation} read once (not from {@code System.getenv}) keeps tests hermetic.
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

  /** No cluster can be reached; {@code said} says what to set up, in the reader's language. */
  record Missing(Message said) implements ClusterTarget {
    public Missing {
      Objects.requireNonNull(said, "said");
    }

    /** What to set up, in English: for logs and {@code --json}. */
    public String reason() {
      return said.in(Language.EN);
    }
  }

  /** Resolves the target from {@code location} and an optional {@code --context}. */
  static ClusterTarget resolve(ClusterLocation location, Optional<String> context) {
    return resolve(location, context, SERVICE_ACCOUNT_DIR);
  }

  /**
   * As {@link #resolve(ClusterLocation, Optional)}, with the service account directory given
   * (tests).
   */
  static ClusterTarget resolve(
      ClusterLocation location, Optional<String> context, Path serviceAccountDir) {
    if (!location.kubeconfig().isEmpty()) {
      // Like fabric8, use the first file that exists rather than merging the list.
      return location.kubeconfig().stream()
          .filter(Files::isReadable)
          .findFirst()
          .<ClusterTarget>map(f -> new Kubeconfig(f, context))
          .orElseGet(
              () ->
                  new Missing(
                      Message.of(
                          Msg.CT_KUBECONFIG_UNREADABLE,
                          location.kubeconfig().stream()
                              .map(Path::toString)
                              .collect(Collectors.joining(File.pathSeparator)))));
    }
    if (location.home().isPresent()) {
      Path file = location.home().get().resolve(".kube").resolve("config");
      if (Files.isReadable(file)) {
        return new Kubeconfig(file, context);
      }
    }
    Optional<String> host = location.serviceHost();
    Optional<String> port = location.servicePort();
    if (host.isPresent()
        && port.isPresent()
        && Files.isReadable(serviceAccountDir.resolve("token"))) {
      if (context.isPresent()) {
        return new Missing(Message.of(Msg.CT_CONTEXT_IN_POD, context.get()));
      }
      return new InCluster(host.get(), port.get(), serviceAccountDir);
    }
    return new Missing(Message.of(Msg.CT_NO_CLUSTER));
  }
}

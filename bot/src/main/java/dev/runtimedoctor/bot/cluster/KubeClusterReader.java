package dev.runtimedoctor.bot.cluster;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.VersionInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read-only cluster client: the one class in the code base that touches fabric8's client. It
 * can only get and list what {@link #PERMISSIONS} names, every call bounded by the connect and
 * request timeouts, and it turns every failure into a {@link ClusterAccessException} that says what
 * to do. An ArchUnit rule holds the rest of the code base to that.
 */
public final class KubeClusterReader implements ClusterReader {
  private static final Logger log = LoggerFactory.getLogger(KubeClusterReader.class);

  private static final String ADMISSION = "admissionregistration.k8s.io";
  private static final ApiPermission NODES = perm("", "nodes", "get", "list");
  private static final ApiPermission PODS = perm("", "pods", "list");
  private static final ApiPermission EVENTS = perm("", "events", "list");
  private static final ApiPermission NAMESPACES = perm("", "namespaces", "get");
  private static final ApiPermission MUTATING =
      perm(ADMISSION, "mutatingwebhookconfigurations", "list");
  private static final ApiPermission VALIDATING =
      perm(ADMISSION, "validatingwebhookconfigurations", "list");

  /**
   * Every (API group, resource, verbs) the checks use, and no more: the one source of truth for the
   * ClusterRole the bot is deployed with. Nothing here writes, and there is no secret, log, exec,
   * attach, port-forward, proxy or watch access. The tests hold every request the checks send to
   * this list.
   */
  public static final List<ApiPermission> PERMISSIONS =
      List.of(NODES, PODS, EVENTS, NAMESPACES, MUTATING, VALIDATING);

  /**
   * The non-resource URLs the checks read: {@code /version}, which the default ClusterRole {@code
   * system:public-info-viewer} lets every authenticated user get, so the deployed ClusterRole needs
   * no rule for it.
   */
  public static final List<String> NON_RESOURCE_URLS = List.of("/version");

  private final KubernetesClient client;
  private final String context;
  private final String server;
  private final String requestTimeout;

  private KubeClusterReader(
      KubernetesClient client, String context, String server, String requestTimeout) {
    this.client = client;
    this.context = context;
    this.server = server;
    this.requestTimeout = requestTimeout;
  }

  /**
   * Connects to {@code target}. Never throws: a target that cannot be configured yields a reader
   * whose every read fails with the reason.
   */
  public static ClusterReader open(ClusterTarget target, ClusterSettings settings) {
    Objects.requireNonNull(settings, "settings");
    if (target instanceof ClusterTarget.Missing missing) {
      return ClusterReader.unavailable("none", missing.reason());
    }
    String wanted = "none";
    try {
      Config config;
      if (target instanceof ClusterTarget.Kubeconfig k) {
        wanted = k.context().orElse("current-context of " + k.file());
        config = kubeconfig(k);
      } else {
        wanted = "in-cluster";
        config = inCluster((ClusterTarget.InCluster) target);
      }
      config.setConnectionTimeout(Math.toIntExact(settings.connectTimeout().toMillis()));
      config.setRequestTimeout(Math.toIntExact(settings.requestTimeout().toMillis()));
      // A check is asked once; retrying with back-off would only delay "unavailable".
      config.setRequestRetryBackoffLimit(0);
      String context =
          target instanceof ClusterTarget.InCluster
              ? "in-cluster"
              : Optional.ofNullable(config.getCurrentContext())
                  .map(NamedContext::getName)
                  .orElse("default");
      KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
      log.debug("cluster client ready context={} server={}", context, config.getMasterUrl());
      return new KubeClusterReader(
          client,
          context,
          config.getMasterUrl(),
          ClusterSettings.describe(settings.requestTimeout()));
    } catch (ClusterAccessException e) {
      return ClusterReader.unavailable(wanted, e.getMessage());
    } catch (RuntimeException e) {
      return ClusterReader.unavailable(
          wanted, "cannot configure the cluster client: " + e.getMessage());
    }
  }

  private static Config kubeconfig(ClusterTarget.Kubeconfig k) {
    Config config = Config.fromKubeconfig(k.context().orElse(null), k.file().toFile());
    // With no context to use, fabric8 quietly falls back to the in-cluster address: say what is
    // missing instead of "cannot reach https://kubernetes.default.svc/".
    if (config.getCurrentContext() == null && k.context().isEmpty()) {
      throw new ClusterAccessException(
          k.file()
              + (config.getContexts() == null || config.getContexts().isEmpty()
                  ? " has no contexts"
                  : " sets no current-context")
              + ": run gcloud container clusters get-credentials CLUSTER, or pass --context");
    }
    if (k.context().isPresent()) {
      String current =
          Optional.ofNullable(config.getCurrentContext()).map(NamedContext::getName).orElse("");
      if (!current.equals(k.context().get())) {
        List<String> known =
            config.getContexts() == null
                ? List.of()
                : config.getContexts().stream().map(NamedContext::getName).toList();
        throw new ClusterAccessException(
            "no context '"
                + k.context().get()
                + "' in "
                + k.file()
                + " (it has: "
                + String.join(", ", known)
                + ")");
      }
    }
    return config;
  }

  private static Config inCluster(ClusterTarget.InCluster c) {
    Config config = Config.empty();
    String host = c.host().contains(":") ? "[" + c.host() + "]" : c.host();
    config.setMasterUrl("https://" + host + ":" + c.port());
    config.setCaCertFile(c.serviceAccountDir().resolve("ca.crt").toString());
    Path token = c.serviceAccountDir().resolve("token");
    // Kubernetes rotates the projected token: read it for every request instead of once.
    config.setOauthTokenProvider(() -> readToken(token));
    return config;
  }

  private static String readToken(Path token) {
    try {
      return Files.readString(token, StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the service account token " + token, e);
    }
  }

  @Override
  public String context() {
    return context;
  }

  @Override
  public void listNodes(Consumer<Node> each) {
    pages(Op.list(NODES, ListSelection.ALL), o -> client.nodes().list(o), each);
  }

  @Override
  public Optional<Node> getNode(String name) {
    return call(
        Op.get(NODES, name), () -> Optional.ofNullable(client.nodes().withName(name).get()));
  }

  @Override
  public void listPods(ListSelection selection, Consumer<Pod> each) {
    pages(
        Op.list(PODS, selection),
        o ->
            selection.namespace().isPresent()
                ? client.pods().inNamespace(selection.namespace().get()).list(o)
                : client.pods().inAnyNamespace().list(o),
        each);
  }

  @Override
  public void listEvents(ListSelection selection, Consumer<Event> each) {
    pages(
        Op.list(EVENTS, selection),
        o ->
            selection.namespace().isPresent()
                ? client.v1().events().inNamespace(selection.namespace().get()).list(o)
                : client.v1().events().inAnyNamespace().list(o),
        each);
  }

  @Override
  public Optional<Namespace> getNamespace(String name) {
    return call(
        Op.get(NAMESPACES, name),
        () -> Optional.ofNullable(client.namespaces().withName(name).get()));
  }

  @Override
  public List<MutatingWebhookConfiguration> listMutatingWebhooks() {
    List<MutatingWebhookConfiguration> all = new ArrayList<>();
    pages(
        Op.list(MUTATING, ListSelection.ALL),
        o -> client.admissionRegistration().v1().mutatingWebhookConfigurations().list(o),
        all::add);
    return all;
  }

  @Override
  public List<ValidatingWebhookConfiguration> listValidatingWebhooks() {
    List<ValidatingWebhookConfiguration> all = new ArrayList<>();
    pages(
        Op.list(VALIDATING, ListSelection.ALL),
        o -> client.admissionRegistration().v1().validatingWebhookConfigurations().list(o),
        all::add);
    return all;
  }

  @Override
  public String serverVersion() {
    return call(
        Op.version(),
        () -> {
          VersionInfo v = client.getKubernetesVersion();
          if (v == null || v.getGitVersion() == null) {
            throw new ClusterAccessException("the API server's /version names no gitVersion");
          }
          return v.getGitVersion();
        });
  }

  /**
   * Reads a list page by page ({@code limit}, then {@code continue} until the server gives none),
   * handing each item on before the next page is asked for: the memory a list takes is one page,
   * whatever the cluster's size, and each page has the request timeout of its own.
   */
  private <T extends HasMetadata, L extends KubernetesResourceList<T>> void pages(
      Op op, Function<ListOptions, L> fetch, Consumer<T> each) {
    String token = null;
    do {
      ListOptions options =
          new ListOptionsBuilder()
              .withLimit((long) PAGE_SIZE)
              .withContinue(token)
              .withFieldSelector(op.selection().fieldSelector().orElse(null))
              .build();
      L page = call(op, () -> fetch.apply(options));
      page.getItems().forEach(each);
      token = page.getMetadata() == null ? null : page.getMetadata().getContinue();
    } while (token != null && !token.isEmpty());
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (RuntimeException e) {
      log.debug("closing the cluster client failed: {}", e.toString());
    }
  }

  private <T> T call(Op op, Supplier<T> read) {
    long start = System.nanoTime();
    try {
      T result = read.get();
      log.debug("cluster read op={} millis={}", op, (System.nanoTime() - start) / 1_000_000);
      return result;
    } catch (RuntimeException e) {
      ClusterAccessException failure = translate(op, e);
      // INFO, not WARN: the verdict already tells the user; a terminal should not say it twice.
      log.info("cluster read failed op={} reason={}", op, failure.getMessage());
      throw failure;
    }
  }

  /** Turns what fabric8 threw into a message that names the permission or the fix. */
  private ClusterAccessException translate(Op op, RuntimeException e) {
    int code = e instanceof KubernetesClientException k ? k.getCode() : 0;
    String status =
        e instanceof KubernetesClientException k && k.getStatus() != null
            ? k.getStatus().getMessage()
            : null;
    String what = op.verb() + " " + op.target();
    return switch (code) {
      case 401 ->
          new ClusterAccessException(
              "the API server at "
                  + server
                  + " rejected the credentials of context "
                  + context
                  + " (401): renew them, e.g. gcloud container clusters get-credentials",
              status,
              e);
      case 403 -> new ClusterAccessException("cannot " + what + ": grant " + op.grant(), status, e);
      case 404 ->
          new ClusterAccessException(
              "cannot " + what + ": the API server does not serve " + op.resource() + " (404)",
              status,
              e);
      case 410 ->
          new ClusterAccessException(
              "cannot "
                  + what
                  + ": the list changed faster than it could be read (410 Gone: the continue"
                  + " token expired), try again",
              status,
              e);
      case 429 ->
          new ClusterAccessException(
              "cannot " + what + ": the API server is throttling requests (429), try again later",
              status,
              e);
      default ->
          code >= 500
              ? new ClusterAccessException(
                  "cannot " + what + ": the API server failed (HTTP " + code + ")", status, e)
              : transport(what, e, status);
    };
  }

  private ClusterAccessException transport(String what, RuntimeException e, String status) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String name = t.getClass().getSimpleName();
      if (name.contains("Timeout") || t instanceof java.io.InterruptedIOException) {
        return new ClusterAccessException(
            "cannot "
                + what
                + ": no answer from the API server at "
                + server
                + " within "
                + requestTimeout,
            t.getMessage(),
            e);
      }
      if (t instanceof ConnectException) {
        return new ClusterAccessException(
            "cannot "
                + what
                + ": cannot reach the API server at "
                + server
                + " (connection refused)",
            t.getMessage(),
            e);
      }
      if (t instanceof UnknownHostException) {
        return new ClusterAccessException(
            "cannot " + what + ": unknown API server host in " + server, t.getMessage(), e);
      }
      if (t instanceof SSLException) {
        return new ClusterAccessException(
            "cannot " + what + ": TLS with the API server at " + server + " failed",
            t.getMessage(),
            e);
      }
    }
    return new ClusterAccessException(
        "cannot " + what + ": " + Objects.toString(e.getMessage(), e.getClass().getSimpleName()),
        status,
        e);
  }

  private static ApiPermission perm(String group, String resource, String... verbs) {
    return new ApiPermission(group, resource, List.of(verbs));
  }

  /** One read, described the way an RBAC error needs it. */
  private record Op(
      String verb, ApiPermission permission, ListSelection selection, Optional<String> name) {

    static Op list(ApiPermission p, ListSelection selection) {
      return new Op("list", p, selection, Optional.empty());
    }

    static Op get(ApiPermission p, String name) {
      return new Op("get", p, ListSelection.ALL, Optional.of(name));
    }

    /** {@code GET /version}: a non-resource URL, not a resource permission. */
    static Op version() {
      return new Op("get", null, ListSelection.ALL, Optional.of("/version"));
    }

    /** "nodes at cluster scope", "events in namespace shop", "namespace kube-system". */
    String target() {
      if (permission == null) {
        return "the API server's /version";
      }
      if (name.isPresent()) {
        return permission.resource() + " " + name.get();
      }
      return permission.qualifiedResource()
          + selection.namespace().map(n -> " in namespace " + n).orElse(" at cluster scope")
          + selection.fieldSelector().map(f -> " (" + f + ")").orElse("");
    }

    /** "get on namespaces", or the non-resource URL for {@code /version}. */
    String grant() {
      if (permission == null) {
        return "get on the non-resource URL /version (by default every authenticated user has it"
            + " through the ClusterRole system:public-info-viewer)";
      }
      return verb
          + " on "
          + permission.qualifiedResource()
          + selection.namespace().map(n -> " in namespace " + n).orElse("");
    }

    String resource() {
      return permission == null ? "/version" : permission.qualifiedResource();
    }

    @Override
    public String toString() {
      return verb + " " + target();
    }
  }
}

package dev.runtimedoctor.bot.cluster;

import dev.runtimedoctor.bot.text.Message;
import dev.runtimedoctor.bot.text.Msg;
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
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
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

  /** Who a 403's status message says asked: {@code User "system:serviceaccount:ns:name"}. */
  private static final Pattern USER = Pattern.compile("User \"([^\"]+)\"");

  /** The start of a quoted text that Jackson could not read, when that text is a tag. */
  private static final Pattern HTML = Pattern.compile("'\\s*<");

  private final KubernetesClient client;
  private final String context;
  private final String server;
  private final String connectTimeout;
  private final String requestTimeout;
  private final ServerSilence silence;

  private KubeClusterReader(
      KubernetesClient client, String context, String server, ClusterSettings settings) {
    this.client = client;
    this.context = context;
    this.server = server;
    this.connectTimeout = ClusterSettings.describe(settings.connectTimeout());
    this.requestTimeout = ClusterSettings.describe(settings.requestTimeout());
    this.silence = new ServerSilence(settings.requestTimeout(), System::nanoTime);
  }

  /**
   * Connects to {@code target}. Never throws: a target that cannot be configured yields a reader
   * whose every read fails with the reason.
   */
  public static ClusterReader open(ClusterTarget target, ClusterSettings settings) {
    Objects.requireNonNull(settings, "settings");
    if (target instanceof ClusterTarget.Missing missing) {
      return ClusterReader.unavailable("none", missing.said());
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
      return new KubeClusterReader(client, context, config.getMasterUrl(), settings);
    } catch (ClusterAccessException e) {
      return ClusterReader.unavailable(wanted, e.said());
    } catch (RuntimeException e) {
      return ClusterReader.unavailable(
          wanted, Message.of(Msg.CA_CLIENT, Objects.toString(e.getMessage(), e.toString())));
    }
  }

  /** The names of the contexts {@code config} holds, comma-separated. */
  private static String known(Config config) {
    return config.getContexts() == null
        ? ""
        : String.join(", ", config.getContexts().stream().map(NamedContext::getName).toList());
  }

  private static Config kubeconfig(ClusterTarget.Kubeconfig k) {
    Config config = Config.fromKubeconfig(k.context().orElse(null), k.file().toFile());
    // With no context to use, fabric8 quietly falls back to the in-cluster address: say what is
    // missing instead of "cannot reach https://kubernetes.default.svc/".
    if (config.getCurrentContext() == null && k.context().isEmpty()) {
      String named = KubeConfigUtils.parseConfig(k.file().toFile()).getCurrentContext();
      if (named != null && !named.isBlank()) {
        throw new ClusterAccessException(
            Message.of(Msg.CA_CURRENT_CONTEXT_MISSING, named, k.file().toString(), known(config)));
      }
      throw new ClusterAccessException(
          Message.of(
              config.getContexts() == null || config.getContexts().isEmpty()
                  ? Msg.CA_NO_CONTEXTS
                  : Msg.CA_NO_CURRENT_CONTEXT,
              k.file().toString()));
    }
    if (k.context().isPresent()) {
      String current =
          Optional.ofNullable(config.getCurrentContext()).map(NamedContext::getName).orElse("");
      if (!current.equals(k.context().get())) {
        throw new ClusterAccessException(
            Message.of(
                Msg.CA_UNKNOWN_CONTEXT, k.context().get(), k.file().toString(), known(config)));
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
            throw new ClusterAccessException(Message.of(Msg.CA_NO_GIT_VERSION));
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
    Optional<ServerSilence.Failure> known = silence.current();
    if (known.isPresent()) {
      // The server just gave another read no answer: say so now rather than wait for it again.
      log.debug("cluster read skipped op={}: the API server did not answer just before", op);
      throw cannot(op, known.get().reason(), known.get().detail(), null, true);
    }
    long start = silence.now();
    try {
      T result = read.get();
      silence.answered();
      log.debug("cluster read op={} millis={}", op, (System.nanoTime() - start) / 1_000_000);
      return result;
    } catch (RuntimeException e) {
      ClusterAccessException failure = translate(op, e);
      if (failure.serverUnanswered()) {
        Message said = failure.said();
        silence.failed(
            said.key() == Msg.CA_CANNOT ? (Message) said.args().get(1) : said,
            failure.detail().orElse(null),
            start);
      } else {
        silence.answered();
      }
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
    return switch (code) {
      case 401 ->
          new ClusterAccessException(
              Message.of(Msg.CA_CREDENTIALS, server, context), status, e, null, true);
      case 403 ->
          refused(op, Message.of(Msg.CA_GRANT, op.grant()), status, e, op.refusal(403, status));
      // An API server says what it did not find in a Status with a reason; a bare 404 page
      // (a file server, a proxy's wrong path) is another server.
      case 404 ->
          e instanceof KubernetesClientException k && notFoundByApiServer(k)
              ? refused(
                  op,
                  Message.of(Msg.CA_NOT_SERVED, op.resource()),
                  status,
                  e,
                  op.refusal(404, null))
              : cannot(
                  op,
                  Message.of(
                      Msg.CA_NOT_KUBERNETES,
                      server,
                      Message.of(
                          looksLikeHtml(status) || looksLikeHtml(e.getMessage())
                              ? Msg.CA_ANSWERED_HTML
                              : Msg.CA_ANSWERED_OTHER)),
                  null,
                  e,
                  true);
      case 410 -> cannot(op, Message.of(Msg.CA_GONE), status, e, false);
      case 429 -> cannot(op, Message.of(Msg.CA_THROTTLED), status, e, false);
      default ->
          code >= 500
              ? cannot(op, Message.of(Msg.CA_SERVER_FAILED, String.valueOf(code)), status, e, false)
              : transport(op, e, status);
    };
  }

  /**
   * A failure below HTTP, named by the most telling exception in the cause chain: fabric8 and the
   * JDK's client wrap one in another (an unresolvable host arrives as a {@link ConnectException}
   * caused by an {@link UnresolvedAddressException}), so the first one found would often mislead.
   */
  private ClusterAccessException transport(Op op, RuntimeException e, String status) {
    Transport kind = Transport.UNKNOWN;
    Throwable telling = e;
    for (Throwable t = e; t != null; t = t.getCause()) {
      Transport k = Transport.of(t);
      if (k.ordinal() < kind.ordinal()) {
        kind = k;
        telling = t;
      }
    }
    String host = URI.create(server).getHost();
    Message reason =
        switch (kind) {
          case UNKNOWN_HOST -> Message.of(Msg.CA_UNKNOWN_HOST, String.valueOf(host), server);
          case TLS_HOSTNAME -> Message.of(Msg.CA_TLS_HOSTNAME, server, String.valueOf(host));
          case TLS_UNTRUSTED -> Message.of(Msg.CA_TLS_UNTRUSTED, server);
          case TLS -> Message.of(Msg.CA_TLS, server);
          case CONNECT_TIMEOUT -> Message.of(Msg.CA_NO_CONNECTION, server, connectTimeout);
          case TIMEOUT -> Message.of(Msg.CA_NO_ANSWER, server, requestTimeout);
          case REFUSED -> Message.of(Msg.CA_REFUSED, server);
          case NOT_KUBERNETES ->
              Message.of(
                  Msg.CA_NOT_KUBERNETES,
                  server,
                  Message.of(
                      looksLikeHtml(telling.getMessage())
                          ? Msg.CA_ANSWERED_HTML
                          : Msg.CA_ANSWERED_OTHER));
          case UNKNOWN ->
              e instanceof ClusterAccessException ours
                  ? ours.said()
                  : Message.of(
                      Msg.AS_IS, Objects.toString(e.getMessage(), e.getClass().getSimpleName()));
        };
    String detail =
        kind == Transport.UNKNOWN
            ? status
            : kind == Transport.NOT_KUBERNETES ? null : telling.getMessage();
    return cannot(op, reason, detail, e, kind != Transport.UNKNOWN);
  }

  /** Whether a 404 came with a Kubernetes Status naming a reason, as API servers send. */
  private static boolean notFoundByApiServer(KubernetesClientException e) {
    return e.getStatus() != null
        && e.getStatus().getReason() != null
        && !e.getStatus().getReason().isBlank();
  }

  /** Jackson quotes the text it could not read: an answer that starts with a tag is a web page. */
  private static boolean looksLikeHtml(String parseError) {
    return parseError != null && HTML.matcher(parseError).find();
  }

  private static ClusterAccessException cannot(
      Op op, Message reason, String detail, Throwable cause, boolean serverUnanswered) {
    return new ClusterAccessException(
        Message.of(Msg.CA_CANNOT, op.toString(), reason), detail, cause, null, serverUnanswered);
  }

  private static ClusterAccessException refused(
      Op op, Message reason, String detail, Throwable cause, Refusal refusal) {
    return new ClusterAccessException(
        Message.of(Msg.CA_CANNOT, op.toString(), reason), detail, cause, refusal, false);
  }

  /** What went wrong below HTTP, most telling first: the order picks among a cause chain. */
  private enum Transport {
    UNKNOWN_HOST,
    TLS_HOSTNAME,
    TLS_UNTRUSTED,
    TLS,
    CONNECT_TIMEOUT,
    TIMEOUT,
    REFUSED,
    NOT_KUBERNETES,
    UNKNOWN;

    static Transport of(Throwable t) {
      String message = Objects.toString(t.getMessage(), "");
      if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
        return UNKNOWN_HOST;
      }
      // The JDK's hostname check says "No subject alternative … matching" or "No name matching".
      if (t instanceof CertificateException
          && (message.startsWith("No subject alternative") || message.startsWith("No name"))) {
        return TLS_HOSTNAME;
      }
      if (t instanceof CertPathBuilderException) {
        return TLS_UNTRUSTED;
      }
      if (t instanceof SSLException) {
        return TLS;
      }
      if (t instanceof HttpConnectTimeoutException) {
        return CONNECT_TIMEOUT;
      }
      if (t.getClass().getSimpleName().contains("Timeout")
          || t instanceof java.io.InterruptedIOException) {
        return TIMEOUT;
      }
      if (t instanceof ConnectException) {
        return REFUSED;
      }
      // fabric8 8 reads JSON with Jackson 3 (tools.jackson), earlier versions with Jackson 2:
      // matching the package keeps this true for both without a compile dependency on either.
      String type = t.getClass().getName();
      if (type.startsWith("tools.jackson.") || type.startsWith("com.fasterxml.jackson.")) {
        return NOT_KUBERNETES;
      }
      return UNKNOWN;
    }
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

    /** This read refused with {@code code}; {@code status} may name the user it was refused to. */
    Refusal refusal(int code, String status) {
      Optional<String> user =
          Optional.ofNullable(status)
              .map(USER::matcher)
              .filter(java.util.regex.Matcher::find)
              .map(m -> m.group(1));
      return new Refusal(
          code,
          resource(),
          permission == null ? List.of("get") : permission.verbs(),
          selection.namespace(),
          user);
    }

    @Override
    public String toString() {
      return verb + " " + target();
    }
  }
}

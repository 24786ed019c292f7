package dev.runtimedoctor.bot.cluster;

import dev.runtimedoctor.bot.config.Environment;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * fabric8's mock API server for the cluster tests: CRUD mode seeded from YAML fixtures under {@code
 * src/test/resources/cluster/}, or expectations mode for error paths. It records every request sent
 * after seeding, and {@link #close()} fails the test unless each was a GET that {@link
 * KubeClusterReader#PERMISSIONS} allows: every test that uses a mock cluster checks that the code
 * under test only reads.
 */
public final class MockCluster implements AutoCloseable {
  /** The context name the written kubeconfig uses, as gcloud names GKE contexts. */
  public static final String CONTEXT = "gke_acme-prod_europe-west1_prod";

  private final KubernetesMockServer server;
  private final PagingCrudDispatcher crud;
  private final List<RecordedRequest> requests = new ArrayList<>();

  private MockCluster(KubernetesMockServer server, PagingCrudDispatcher crud) {
    this.server = server;
    this.crud = crud;
  }

  /**
   * A CRUD-mode server holding the objects of the given fixture files, listing page by page with
   * field selectors as a real API server does, and answering {@code /version}.
   */
  public static MockCluster crud(String... fixtures) {
    PagingCrudDispatcher crud = new PagingCrudDispatcher();
    KubernetesMockServer server =
        new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), crud, false);
    server.init();
    MockCluster cluster = new MockCluster(server, crud);
    try (NamespacedKubernetesClient seed = server.createClient()) {
      for (String fixture : fixtures) {
        for (HasMetadata item : load(seed, fixture)) {
          seed.resource(item).create();
        }
      }
    }
    cluster.drain();
    cluster.requests.clear();
    return cluster;
  }

  /** An expectations-mode server: set answers with {@link #server()}{@code .expect()}. */
  public static MockCluster expectations() {
    KubernetesMockServer server = new KubernetesMockServer(false);
    server.init();
    return new MockCluster(server, null);
  }

  /** Sets the control plane version a CRUD-mode server's {@code /version} answers. */
  public MockCluster controlPlane(String gitVersion) {
    crud.version(gitVersion);
    return this;
  }

  /**
   * Makes a CRUD-mode server answer every read of {@code resources} (as RBAC names them: {@code
   * nodes}, {@code mutatingwebhookconfigurations}) with {@code code}: 403 as RBAC forbids, 404 as
   * an API the server does not serve.
   */
  public MockCluster refuse(int code, String... resources) {
    for (String r : resources) {
      crud.refuse(r, code);
    }
    return this;
  }

  /** Adds the objects of a YAML text (documents split by {@code ---}) to a CRUD-mode server. */
  public MockCluster addYaml(String yaml) {
    try (NamespacedKubernetesClient seed = server.createClient()) {
      for (HasMetadata item :
          seed.load(new java.io.ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)))
              .items()) {
        seed.resource(item).create();
      }
    }
    forget();
    return this;
  }

  /**
   * Adds objects to a CRUD-mode server, e.g. built by a test; drops the requests recorded so far,
   * so call it before the checks run.
   */
  public MockCluster add(HasMetadata... items) {
    try (NamespacedKubernetesClient seed = server.createClient()) {
      for (HasMetadata item : items) {
        seed.resource(item).create();
      }
    }
    forget();
    return this;
  }

  public KubernetesMockServer server() {
    return server;
  }

  /** Writes a kubeconfig for this server into {@code dir}; returns the file. */
  public Path kubeconfig(Path dir) {
    return writeKubeconfig(dir, "http://localhost:" + server.getPort());
  }

  /** The environment the bot reads: {@code KUBECONFIG} naming a file for this server. */
  public Map<String, String> env(Path dir) {
    return Map.of("KUBECONFIG", kubeconfig(dir).toString());
  }

  /** Checks connected to this server through a kubeconfig, as the command line connects. */
  public ClusterChecks checks(Path dir, ClusterSettings settings) {
    return ClusterChecks.connect(
        Environment.of(env(dir)).cluster(), java.util.Optional.empty(), settings);
  }

  /** A kubeconfig for any server URL, e.g. a port nothing listens on. */
  public static Path writeKubeconfig(Path dir, String serverUrl) {
    return writeKubeconfig(dir, serverUrl, Optional.empty());
  }

  /**
   * A kubeconfig for any server URL, trusting the CA certificate {@code ca} (DER or PEM bytes) when
   * given.
   */
  public static Path writeKubeconfig(Path dir, String serverUrl, Optional<byte[]> ca) {
    String yaml =
        String.join(
            "\n",
            "apiVersion: v1",
            "kind: Config",
            "clusters:",
            "- name: prod",
            "  cluster:",
            "    server: " + serverUrl,
            ca.map(
                    c ->
                        "    certificate-authority-data: "
                            + java.util.Base64.getEncoder().encodeToString(c))
                .orElse(""),
            "contexts:",
            "- name: " + CONTEXT,
            "  context:",
            "    cluster: prod",
            "    user: tester",
            "    namespace: default",
            "- name: staging",
            "  context:",
            "    cluster: prod",
            "    user: tester",
            "current-context: " + CONTEXT,
            "users:",
            "- name: tester",
            "  user:",
            "    token: not-a-real-token",
            "");
    try {
      Path file = dir.resolve("kubeconfig");
      Files.writeString(file, yaml, StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every request sent since seeding (or since the server started), oldest first. */
  public List<RecordedRequest> requests() {
    drain();
    return List.copyOf(requests);
  }

  /** Drops the requests recorded so far (for tests that send forbidden ones on purpose). */
  public void forget() {
    drain();
    requests.clear();
  }

  /**
   * Fails unless every request was a GET on a resource and verb {@link
   * KubeClusterReader#PERMISSIONS} names, or on one of its {@link
   * KubeClusterReader#NON_RESOURCE_URLS}.
   */
  public void assertReadOnly() {
    for (RecordedRequest r : requests()) {
      if (!"GET".equals(r.getMethod())) {
        throw new AssertionError("the checks sent a " + r.getMethod() + ": " + r.getPath());
      }
      if (KubeClusterReader.NON_RESOURCE_URLS.contains(URI.create(r.getPath()).getPath())) {
        continue;
      }
      Access access = Access.of(r.getPath());
      boolean allowed =
          KubeClusterReader.PERMISSIONS.stream()
              .anyMatch(
                  p ->
                      p.apiGroup().equals(access.group())
                          && p.resource().equals(access.resource())
                          && p.verbs().contains(access.verb()));
      if (!allowed) {
        throw new AssertionError("request outside PERMISSIONS: " + access + " <- " + r.getPath());
      }
    }
  }

  /** Checks that the code under test only read, then stops the server. */
  @Override
  public void close() {
    try {
      assertReadOnly();
    } finally {
      server.destroy();
    }
  }

  private void drain() {
    try {
      RecordedRequest r;
      while ((r = server.takeRequest(1, TimeUnit.MILLISECONDS)) != null) {
        requests.add(r);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static List<HasMetadata> load(NamespacedKubernetesClient client, String fixture) {
    try (InputStream in = MockCluster.class.getResourceAsStream("/cluster/" + fixture)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture cluster/" + fixture);
      }
      return client.load(in).items();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The (group, resource, verb) a request path stands for, as RBAC sees it. */
  record Access(String group, String resource, String verb) {
    static Access of(String pathAndQuery) {
      URI uri = URI.create(pathAndQuery);
      String[] s = uri.getPath().replaceAll("^/+", "").split("/");
      String group;
      int rest;
      if (s[0].equals("api")) {
        group = "";
        rest = 2;
      } else if (s[0].equals("apis") && s.length > 2) {
        group = s[1];
        rest = 3;
      } else {
        return new Access("", "non-resource " + uri.getPath(), "get");
      }
      List<String> tail = List.of(s).subList(Math.min(rest, s.length), s.length);
      String resource;
      int nameAt;
      if (tail.size() >= 3 && tail.get(0).equals("namespaces")) {
        resource = tail.get(2);
        nameAt = 3;
      } else {
        resource = tail.isEmpty() ? "" : tail.get(0);
        nameAt = 1;
      }
      boolean named = tail.size() > nameAt;
      if (tail.size() > nameAt + 1) {
        // A subresource such as pods/log, pods/exec or nodes/proxy is a permission of its own.
        resource = resource + "/" + tail.get(nameAt + 1);
      }
      String query = uri.getQuery() == null ? "" : uri.getQuery();
      String verb = named ? "get" : query.contains("watch=true") ? "watch" : "list";
      return new Access(group, resource, verb);
    }
  }
}

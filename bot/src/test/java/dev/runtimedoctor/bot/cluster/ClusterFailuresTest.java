package dev.runtimedoctor.bot.cluster;

import static dev.runtimedoctor.bot.cluster.GkeClusterChecksTest.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimedoctor.knowledge.entry.Entry;
import dev.runtimedoctor.knowledge.entry.KnowledgeBase;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.EventListBuilder;
import io.fabric8.kubernetes.api.model.NodeListBuilder;
import io.fabric8.kubernetes.api.model.PodListBuilder;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failures a person can act on: RBAC, missing APIs, server errors, silence, no cluster. */
class ClusterFailuresTest {
  private static final ClusterSettings FAST =
      new ClusterSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(5), 4);

  private final KnowledgeBase kb = KnowledgeBase.bundledWith(List.of());

  @TempDir Path dir;

  @Test
  @DisplayName("403 on nodes names the permission; the event check still confirms")
  void forbiddenNodes() {
    try (MockCluster cluster = MockCluster.expectations()) {
      cluster
          .server()
          .expect()
          .get()
          .withPath("/api/v1/nodes?limit=500")
          .andReturn(403, forbidden("nodes"))
          .always();
      cluster
          .server()
          .expect()
          .get()
          .withPath(
              "/api/v1/events?fieldSelector=reason%3DFailedCreatePodSandBox%2CinvolvedObject.kind%3DPod&limit=500")
          .andReturn(200, new EventListBuilder().addToItems(ipEvent()).build())
          .always();
      List<CheckResult> results = run(cluster, FAST, entry("pod-ip-exhaustion"));

      CheckResult nodes = result(results, "pod-ip-exhaustion", "node-version");
      assertThat(nodes.verdict()).isEqualTo(Verdict.UNAVAILABLE);
      assertThat(nodes.summary())
          .isEqualTo("cannot list nodes at cluster scope: grant list on nodes");
      assertThat(nodes.evidence()).singleElement().asString().contains("is forbidden");
      assertThat(result(results, "pod-ip-exhaustion", "pods-per-node").summary())
          .isEqualTo(nodes.summary());
      assertThat(result(results, "pod-ip-exhaustion", "event").verdict())
          .isEqualTo(Verdict.CONFIRMED);
    }
  }

  @Test
  @DisplayName("403 on events in one namespace names the namespace of the grant")
  void forbiddenNamespacedEvents() {
    try (MockCluster cluster = MockCluster.expectations()) {
      cluster
          .server()
          .expect()
          .get()
          .withPath("/api/v1/namespaces/shop")
          .andReturn(
              200,
              new io.fabric8.kubernetes.api.model.NamespaceBuilder()
                  .withNewMetadata()
                  .withName("shop")
                  .endMetadata()
                  .build())
          .always();
      cluster
          .server()
          .expect()
          .get()
          .withPath(
              "/api/v1/namespaces/shop/events?fieldSelector=reason%3DFailed%2CinvolvedObject.kind%3DPod&limit=500")
          .andReturn(403, forbidden("events"))
          .always();
      try (ClusterChecks checks = cluster.checks(dir, FAST)) {
        List<CheckResult> results =
            checks.run(List.of(entry("insecure-registry-http")), CheckScope.of("shop", null, null));
        assertThat(result(results, "insecure-registry-http", "event").summary())
            .isEqualTo(
                "cannot list events in namespace shop (reason=Failed,involvedObject.kind=Pod):"
                    + " grant list on events in namespace shop");
      }
    }
  }

  @Test
  @DisplayName("404 on the webhook API says the API server does not serve it")
  void missingApi() {
    try (MockCluster cluster = MockCluster.expectations()) {
      cluster
          .server()
          .expect()
          .get()
          .withPath("/api/v1/nodes?limit=500")
          .andReturn(200, new NodeListBuilder().build())
          .always();
      cluster
          .server()
          .expect()
          .get()
          .withPath("/apis/admissionregistration.k8s.io/v1/mutatingwebhookconfigurations?limit=500")
          .andReturn(404, notFound())
          .always();
      cluster
          .server()
          .expect()
          .get()
          .withPath(
              "/apis/admissionregistration.k8s.io/v1/validatingwebhookconfigurations?limit=500")
          .andReturn(404, notFound())
          .always();
      List<CheckResult> results = run(cluster, FAST, entry("cni-config-uninitialized"));
      CheckResult webhooks = result(results, "cni-config-uninitialized", "webhooks-kube-system");
      assertThat(webhooks.verdict()).isEqualTo(Verdict.UNAVAILABLE);
      assertThat(webhooks.summary())
          .isEqualTo(
              "cannot list mutatingwebhookconfigurations.admissionregistration.k8s.io at cluster"
                  + " scope: the API server does not serve"
                  + " mutatingwebhookconfigurations.admissionregistration.k8s.io (404)");
      assertThat(result(results, "cni-config-uninitialized", "node-condition").verdict())
          .isEqualTo(Verdict.INCONCLUSIVE);
    }
  }

  @Test
  @DisplayName("500 is unavailable with the server's status; other lists still answer")
  void serverError() {
    try (MockCluster cluster = MockCluster.expectations()) {
      cluster
          .server()
          .expect()
          .get()
          .withPath("/api/v1/nodes?limit=500")
          .andReturn(
              500,
              new StatusBuilder().withCode(500).withMessage("etcdserver: leader changed").build())
          .always();
      cluster
          .server()
          .expect()
          .get()
          .withPath("/api/v1/pods?limit=500")
          .andReturn(200, new PodListBuilder().build())
          .always();
      List<CheckResult> results =
          run(cluster, FAST, entry("windows-drive-letter-mount"), entry("exec-probe-timeout"));
      CheckResult nodes = result(results, "windows-drive-letter-mount", "node-version");
      assertThat(nodes.summary())
          .isEqualTo("cannot list nodes at cluster scope: the API server failed (HTTP 500)");
      assertThat(nodes.evidence()).containsExactly("etcdserver: leader changed");
      // The probe check needs the nodes' runtimes: without them it says so instead of guessing.
      assertThat(result(results, "exec-probe-timeout", "exec-probe-timeout").summary())
          .isEqualTo(nodes.summary());
    }
  }

  @Test
  @DisplayName("a server that does not answer is unavailable after the request timeout")
  void silentServer() {
    try (MockCluster cluster = MockCluster.expectations()) {
      cluster
          .server()
          .expect()
          .get()
          .delay(10, TimeUnit.SECONDS)
          .withPath("/api/v1/nodes?limit=500")
          .andReturn(200, new NodeListBuilder().build())
          .always();
      long start = System.nanoTime();
      List<CheckResult> results = run(cluster, FAST, entry("windows-drive-letter-mount"));
      long millis = (System.nanoTime() - start) / 1_000_000;
      CheckResult nodes = result(results, "windows-drive-letter-mount", "node-version");
      assertThat(nodes.verdict()).isEqualTo(Verdict.UNAVAILABLE);
      assertThat(nodes.summary()).contains("no answer from the API server", "within 1 s");
      assertThat(millis).isLessThan(4_000);
    }
  }

  @Test
  @DisplayName("every check has a verdict within the check timeout, whatever the requests do")
  void checkTimeout() {
    ClusterSettings patient =
        new ClusterSettings(
            Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMillis(800), 2);
    try (MockCluster cluster = MockCluster.expectations()) {
      cluster
          .server()
          .expect()
          .get()
          .delay(5, TimeUnit.SECONDS)
          .withPath("/api/v1/nodes?limit=500")
          .andReturn(200, new NodeListBuilder().build())
          .always();
      long start = System.nanoTime();
      List<CheckResult> results =
          run(cluster, patient, entry("windows-drive-letter-mount"), entry("gpu-metrics-missing"));
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertThat(results)
          .hasSize(3)
          .allSatisfy(r -> assertThat(r.verdict()).isEqualTo(Verdict.UNAVAILABLE));
      assertThat(result(results, "gpu-metrics-missing", "node-version").summary())
          .startsWith("no verdict within 800 ms");
      assertThat(millis).isLessThan(3_000);
    }
  }

  @Test
  @DisplayName("an API server nobody listens on is unavailable within seconds")
  void unreachable() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path kubeconfig = MockCluster.writeKubeconfig(dir, "http://localhost:" + port);
    long start = System.nanoTime();
    try (ClusterChecks checks =
        ClusterChecks.connect(ClusterLocation.kubeconfig(kubeconfig), Optional.empty(), FAST)) {
      List<CheckResult> results =
          checks.run(List.of(entry("pod-ip-exhaustion")), CheckScope.CLUSTER);
      assertThat(results)
          .allSatisfy(r -> assertThat(r.verdict()).isEqualTo(Verdict.UNAVAILABLE))
          .allSatisfy(r -> assertThat(r.summary()).contains("cannot reach the API server"));
    }
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(4_000);
  }

  @Test
  @DisplayName("without a kubeconfig or service account, every check says what to set up")
  void noCluster() {
    try (ClusterChecks checks =
        ClusterChecks.connect(ClusterLocation.NONE, Optional.empty(), FAST)) {
      List<CheckResult> results =
          checks.run(List.of(entry("pod-ip-exhaustion")), CheckScope.CLUSTER);
      assertThat(checks.context()).isEqualTo("none");
      assertThat(results)
          .allSatisfy(r -> assertThat(r.verdict()).isEqualTo(Verdict.UNAVAILABLE))
          .allSatisfy(
              r -> assertThat(r.summary()).startsWith("no cluster configured: set KUBECONFIG"));
    }
  }

  @Test
  @DisplayName("an unknown --context lists the contexts the kubeconfig has")
  void unknownContext() {
    Path kubeconfig = MockCluster.writeKubeconfig(dir, "http://localhost:1");
    try (ClusterChecks checks =
        ClusterChecks.connect(ClusterLocation.kubeconfig(kubeconfig), Optional.of("prod"), FAST)) {
      CheckResult r = checks.run(List.of(entry("gpu-metrics-missing")), CheckScope.CLUSTER).get(0);
      assertThat(r.verdict()).isEqualTo(Verdict.UNAVAILABLE);
      assertThat(r.summary())
          .isEqualTo(
              "no context 'prod' in "
                  + kubeconfig
                  + " (it has: "
                  + MockCluster.CONTEXT
                  + ", staging)");
    }
  }

  private List<CheckResult> run(MockCluster cluster, ClusterSettings settings, Entry... entries) {
    try (ClusterChecks checks = cluster.checks(dir, settings)) {
      return checks.run(List.of(entries), CheckScope.CLUSTER);
    }
  }

  private Entry entry(String id) {
    return kb.get(id).orElseThrow();
  }

  private static Status forbidden(String resource) {
    return new StatusBuilder()
        .withStatus("Failure")
        .withReason("Forbidden")
        .withCode(403)
        .withMessage(
            resource
                + " is forbidden: User \"system:serviceaccount:runtime-doctor:runtime-doctor\""
                + " cannot list resource \""
                + resource
                + "\" in API group \"\" at the cluster scope")
        .build();
  }

  private static Status notFound() {
    return new StatusBuilder()
        .withStatus("Failure")
        .withReason("NotFound")
        .withCode(404)
        .withMessage("the server could not find the requested resource")
        .build();
  }

  private static io.fabric8.kubernetes.api.model.Event ipEvent() {
    return new EventBuilder()
        .withNewMetadata()
        .withName("web.1")
        .withNamespace("shop")
        .endMetadata()
        .withNewInvolvedObject()
        .withKind("Pod")
        .withNamespace("shop")
        .withName("web-1")
        .endInvolvedObject()
        .withReason("FailedCreatePodSandBox")
        .withMessage(
            "failed to allocate for range 0: no IP addresses available in range set:"
                + " 10.48.131.1-10.48.131.62")
        .build();
  }
}

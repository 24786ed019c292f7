package dev.runtimedoctor.bot.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtimedoctor.knowledge.entry.KnowledgeBase;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every request the checks send is a GET that {@link KubeClusterReader#PERMISSIONS} allows. {@link
 * MockCluster#close()} asserts it after every test that uses a mock cluster; this test shows the
 * recorder sees the requests and catches what it must.
 */
class ReadOnlyRequestsTest {

  @Test
  @DisplayName("all checks in every scope send only GETs on the listed resources")
  void everyRequestIsAPermittedGet(@TempDir Path dir) {
    KnowledgeBase kb = KnowledgeBase.bundledWith(List.of());
    try (MockCluster cluster = MockCluster.crud("gke-cluster.yaml", "default-pool-pods.yaml");
        ClusterChecks checks = cluster.checks(dir, ClusterSettings.DEFAULT)) {
      var entries = ClusterChecks.withChecks(kb.entries());
      checks.run(entries, CheckScope.CLUSTER);
      checks.run(entries, CheckScope.of("shop", "web-7d9c8b6f5d-xk2lp", null));
      checks.run(entries, CheckScope.of(null, null, "gke-prod-default-pool-8c1e7f02-x7k2"));
      List<RecordedRequest> requests = cluster.requests();
      assertThat(requests).hasSizeGreaterThanOrEqualTo(12);
      assertThat(requests).extracting(RecordedRequest::getMethod).containsOnly("GET");
      cluster.assertReadOnly();
    }
  }

  @Test
  @DisplayName("the recorder maps paths to RBAC rules, subresources included")
  void accessOfPaths() {
    assertThat(MockCluster.Access.of("/api/v1/nodes"))
        .isEqualTo(new MockCluster.Access("", "nodes", "list"));
    assertThat(MockCluster.Access.of("/api/v1/namespaces/kube-system"))
        .isEqualTo(new MockCluster.Access("", "namespaces", "get"));
    assertThat(MockCluster.Access.of("/api/v1/namespaces/shop/events?limit=500"))
        .isEqualTo(new MockCluster.Access("", "events", "list"));
    assertThat(MockCluster.Access.of("/api/v1/pods?watch=true"))
        .isEqualTo(new MockCluster.Access("", "pods", "watch"));
    assertThat(MockCluster.Access.of("/api/v1/namespaces/shop/pods/web-1/log"))
        .isEqualTo(new MockCluster.Access("", "pods/log", "get"));
    assertThat(
            MockCluster.Access.of(
                "/apis/admissionregistration.k8s.io/v1/mutatingwebhookconfigurations"))
        .isEqualTo(
            new MockCluster.Access(
                "admissionregistration.k8s.io", "mutatingwebhookconfigurations", "list"));
  }

  @Test
  @DisplayName("a write, a secret read or a verb the checks do not use fails the check")
  void catchesWhatItMust() {
    try (MockCluster cluster = MockCluster.crud();
        var client = cluster.server().createClient()) {
      client.nodes().list();
      client.pods().inAnyNamespace().list();
      cluster.assertReadOnly();

      client.pods().inNamespace("shop").withName("web-1").get();
      assertThatThrownBy(cluster::assertReadOnly).hasMessageContaining("resource=pods, verb=get");
      cluster.forget();

      client.secrets().inNamespace("shop").list();
      assertThatThrownBy(cluster::assertReadOnly)
          .hasMessageContaining("request outside PERMISSIONS")
          .hasMessageContaining("secrets");
      cluster.forget();

      client.pods().inNamespace("shop").withName("web-1").delete();
      assertThatThrownBy(cluster::assertReadOnly).hasMessageContaining("sent a DELETE");
      cluster.forget();
    }
  }
}

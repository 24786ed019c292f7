package dev.runtimedoctor.bot.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimedoctor.knowledge.entry.KnowledgeBase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Event checks judge an event's message with the knowledge engine, on the entry's signatures, among
 * the events with the entry's reason about pods: another problem worded alike does not confirm, and
 * a variant the signatures know does.
 */
class EventMatchingTest {
  private final KnowledgeBase kb = KnowledgeBase.bundledWith(List.of());

  @TempDir Path dir;

  @ParameterizedTest(name = "{0} → {3}")
  @DisplayName("each event confirms its own entry only")
  @CsvSource(
      delimiter = '|',
      value = {
        // A webhook's certificate error on a ReplicaSet is not a registry's.
        "private-registry-x509 | ReplicaSet | FailedCreate | inconclusive | Error creating: Internal error occurred: failed calling webhook \"validate.kyverno.svc\": failed to call webhook: Post \"https://kyverno-svc.kyverno.svc:443/validate?timeout=10s\": tls: failed to verify certificate: x509: certificate signed by unknown authority",
        // A registry that lacks a blob is not the octet-stream media type.
        "octet-stream-media-type | Pod | Failed | inconclusive | Failed to pull image \"europe-docker.pkg.dev/acme/shop/web:4.2.0\": rpc error: code = NotFound desc = failed to pull and unpack image \"europe-docker.pkg.dev/acme/shop/web:4.2.0\": failed to copy: httpReadSeeker: failed open: content at https://europe-docker.pkg.dev/v2/acme/shop/web/blobs/sha256:5d41402abc4b2a76b9719d911017c5925d41402abc4b2a76b9719d911017c592 not found: not found",
        // The kaniko layer error as containerd 1.6 words it: lstat, not mkparent.
        "kaniko-not-a-directory | Pod | Failed | confirmed | Failed to pull image \"registry.corp.example/tools/builder:1.4\": rpc error: code = Unknown desc = failed to pull and unpack image \"registry.corp.example/tools/builder:1.4\": unpack: failed to extract layer sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08: lstat /var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/112/fs/usr/lib/jvm: not a directory: unknown",
        "private-registry-x509 | Pod | Failed | confirmed | Failed to pull image \"registry.corp.example:5000/payments/api:2.3.1\": rpc error: code = Unknown desc = failed to pull and unpack image \"registry.corp.example:5000/payments/api:2.3.1\": failed to resolve reference \"registry.corp.example:5000/payments/api:2.3.1\": failed to do request: Head \"https://registry.corp.example:5000/v2/payments/api/manifests/2.3.1\": tls: failed to verify certificate: x509: certificate signed by unknown authority",
        // The right message under another reason is not the event the entry describes.
        "private-registry-x509 | Pod | BackOff | inconclusive | Failed to pull image \"registry.corp.example:5000/payments/api:2.3.1\": rpc error: code = Unknown desc = failed to pull and unpack image \"registry.corp.example:5000/payments/api:2.3.1\": failed to resolve reference \"registry.corp.example:5000/payments/api:2.3.1\": failed to do request: Head \"https://registry.corp.example:5000/v2/payments/api/manifests/2.3.1\": x509: certificate signed by unknown authority",
      })
  void ownEntryOnly(String entry, String kind, String reason, String verdict, String message) {
    try (MockCluster cluster = MockCluster.crud("healthy-cluster.yaml")) {
      cluster.addYaml(event(kind, reason, message));
      CheckResult r = run(cluster, entry);
      assertThat(r.verdict().code()).as(r.summary()).isEqualTo(verdict);
    }
  }

  @Test
  @DisplayName(
      "a registry x509 event no longer confirms that Secret Manager's certificate is missing")
  void certificateMissingIsNotAnX509Event() {
    try (MockCluster cluster = MockCluster.crud("gke-cluster.yaml")) {
      CheckResult r = run(cluster, "private-registry-certificate-missing");
      assertThat(r.check()).isEqualTo("node-version");
      assertThat(r.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
      assertThat(r.summary()).contains("can have this issue");
    }
  }

  private CheckResult run(MockCluster cluster, String id) {
    try (ClusterChecks checks = cluster.checks(dir, ClusterSettings.DEFAULT)) {
      List<CheckResult> results = checks.run(List.of(kb.get(id).orElseThrow()), CheckScope.CLUSTER);
      return results.stream()
          .filter(r -> r.check().equals("event"))
          .findFirst()
          .orElseGet(() -> results.get(0));
    }
  }

  static String event(String kind, String reason, String message) {
    return String.join(
        "\n",
        "apiVersion: v1",
        "kind: Event",
        "metadata: {name: web.17c0000000000099, namespace: shop}",
        "involvedObject: {kind: " + kind + ", namespace: shop, name: web-7d9c8b6f5d-xk2lp}",
        "reason: " + reason,
        "type: Warning",
        "count: 3",
        "source: {component: kubelet, host: gke-prod-default-pool-1d2e3f4a-l1n1}",
        "lastTimestamp: '2024-03-04T10:00:00Z'",
        "message: '" + message.replace("'", "''") + "'",
        "");
  }
}

package dev.runtimedoctor.bot.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimedoctor.knowledge.entry.Entry;
import dev.runtimedoctor.knowledge.entry.KnowledgeBase;
import dev.runtimedoctor.knowledge.entry.Language;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every check of every bundled entry on a GKE-like cluster that shows several known issues. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GkeClusterChecksTest {
  private static final String WINDOWS_NODE = "gke-prod-win-pool-5f2a1c3e-abcd";
  private static final String LINUX_NODE = "gke-prod-default-pool-8c1e7f02-x7k2";
  private static final String DOCKER_NODE = "gke-prod-docker-pool-3b7c9d10-q9z1";

  private final KnowledgeBase kb = KnowledgeBase.bundledWith(List.of());
  private MockCluster cluster;
  private ClusterChecks checks;
  private List<CheckResult> all;

  @BeforeAll
  void runEveryCheck(@TempDir Path dir) {
    cluster = MockCluster.crud("gke-cluster.yaml", "default-pool-pods.yaml");
    checks = cluster.checks(dir, ClusterSettings.DEFAULT);
    all = checks.run(ClusterChecks.withChecks(kb.entries()), CheckScope.CLUSTER);
  }

  @AfterAll
  void stop() {
    checks.close();
    cluster.close();
  }

  @ParameterizedTest(name = "{0} {1} → {2}")
  @DisplayName("each entry's checks give the verdict the fixture calls for")
  @CsvSource({
    "cadvisor-fs-metrics-missing, node-version, inconclusive",
    "cni-config-uninitialized, node-condition, confirmed",
    "cni-config-uninitialized, webhooks-kube-system, confirmed",
    "docker0-172-17-conflict, node-version, not-affected",
    "etc-mtab-missing, node-version, inconclusive",
    "exec-probe-timeout, exec-probe-timeout, inconclusive",
    "exec-probe-timeout, event, inconclusive",
    "gpu-metrics-missing, node-version, not-affected",
    "insecure-registry-http, event, confirmed",
    "ipv6-enabled-pods, node-version, not-affected",
    "kaniko-not-a-directory, node-version, inconclusive",
    "kaniko-not-a-directory, event, inconclusive",
    "nap-docker-only, node-version, not-affected",
    "octet-stream-media-type, event, inconclusive",
    "pod-ip-exhaustion, node-version, confirmed",
    "pod-ip-exhaustion, pods-per-node, confirmed",
    "pod-ip-exhaustion, event, confirmed",
    "private-registry-certificate-missing, node-version, inconclusive",
    "private-registry-x509, event, confirmed",
    "privileged-device-mappings, privileged-volume-devices, confirmed",
    "shim-leak-io-pressure, node-version, not-affected",
    "windows-attach-after-restart, node-version, confirmed",
    "windows-cmd-entrypoint-escaped, node-version, confirmed",
    "windows-cmd-entrypoint-escaped, event, inconclusive",
    "windows-drive-letter-mount, node-version, confirmed",
    "windows-drive-letter-mount, event, inconclusive",
    "windows-image-volume-path, node-version, confirmed",
    "windows-image-volume-path, event, inconclusive",
  })
  void verdicts(String entry, String check, String verdict) {
    assertThat(result(all, entry, check).verdict().code()).isEqualTo(verdict);
  }

  @Test
  @DisplayName("one result per check of every entry that has checks, in entry order")
  void oneResultPerCheck() {
    List<String> expected = new ArrayList<>();
    for (Entry e : ClusterChecks.withChecks(kb.entries())) {
      e.checks().forEach(c -> expected.add(e.id() + " " + c.type()));
    }
    assertThat(all).extracting(r -> r.entry() + " " + r.check()).isEqualTo(expected);
    assertThat(all).extracting(CheckResult::verdict).doesNotContain(Verdict.UNAVAILABLE);
    assertThat(checks.context()).isEqualTo(MockCluster.CONTEXT);
  }

  @Test
  @DisplayName("the Windows pool on containerd 1.5.7-gke.0 and GKE 1.21.5-gke.1302 is affected")
  void windowsPool() {
    CheckResult r = result(all, "windows-attach-after-restart", "node-version");
    assertThat(r.summary())
        .contains(
            "an affected version",
            "pool win-pool",
            "GKE 1.21.5-gke.1302",
            "containerd 1.5.7-gke.0");
    assertThat(r.evidence())
        .containsExactly(
            "node "
                + WINDOWS_NODE
                + " · pool win-pool · windows · GKE 1.21.5-gke.1302 · containerd 1.5.7-gke.0");
  }

  @Test
  @DisplayName("versions that rule an entry out say which versions run and which fix them")
  void notAffectedWording() {
    assertThat(result(all, "nap-docker-only", "node-version").summary())
        .isEqualTo(
            "matches the error, but your control plane runs GKE 1.24.5-gke.600;"
                + " fixed in 1.20.6-gke.1800 (node auto-provisioning creates pools as the control"
                + " plane decides)");
    // The Docker node is out for its runtime; the containerd one for its version.
    assertThat(result(all, "docker0-172-17-conflict", "node-version").summary())
        .isEqualTo(
            "matches the error, but your nodes run GKE 1.24.5-gke.600;"
                + " affected: GKE 1.18.0 - 1.18.14");
  }

  @Test
  @DisplayName(
      "the node named by the exhaustion events runs 61 pods for 254 addresses: a leak;"
          + " host-network and finished pods hold no IP")
  void podsPerNode() {
    CheckResult r = result(all, "pod-ip-exhaustion", "pods-per-node");
    assertThat(r.summary())
        .contains(
            LINUX_NODE,
            "runs only 61 pods holding an IP for the 254 addresses of its podCIDR 10.48.131.0/24",
            "(max pods 110)",
            "its pod IPs leaked");
    assertThat(r.evidence()).hasSize(1);
  }

  @Test
  @DisplayName("the NotReady node's condition carries the seed's cni message")
  void cniCondition() {
    CheckResult r = result(all, "cni-config-uninitialized", "node-condition");
    assertThat(r.summary()).contains(DOCKER_NODE, "Ready=False");
    assertThat(r.evidence().get(0))
        .contains(
            "runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady"
                + " message:docker: network plugin is not ready: cni config uninitialized");
  }

  @Test
  @DisplayName("events carry the seed's messages, with pod, reason, count and node")
  void events() {
    assertThat(result(all, "pod-ip-exhaustion", "event").evidence().get(0))
        .startsWith(
            "shop/pod/web-7d9c8b6f5d-xk2lp · FailedCreatePodSandBox ×37 · node " + LINUX_NODE)
        .contains("no IP addresses available in range set: 10.48.131.1-10.48.131.62");
    assertThat(result(all, "private-registry-x509", "event").evidence())
        .singleElement()
        .asString()
        .contains("x509: certificate signed by unknown authority");
    assertThat(result(all, "insecure-registry-http", "event").evidence())
        .singleElement()
        .asString()
        .contains("http: server gave HTTP response to HTTPS client");
    assertThat(result(all, "windows-drive-letter-mount", "event").summary())
        .contains("no recent event", "expire after about an hour");
  }

  @Test
  @DisplayName(
      "the webhook without a namespaceSelector is blamed; the one sparing kube-system is not")
  void webhooks() {
    CheckResult r = result(all, "cni-config-uninitialized", "webhooks-kube-system");
    assertThat(r.summary())
        .isEqualTo(
            "a webhook blocks the CNI pods now: kube-system/daemonset/netd cannot create pods"
                + " (FailedCreate ×12, failed calling webhook)");
    assertThat(r.evidence()).hasSize(2);
    assertThat(r.evidence().get(0))
        .contains("failed calling webhook \"inject.sidecar.example.com\"");
    assertThat(r.evidence().get(1)).contains("sidecar-injector", "no selector spares kube-system");
  }

  @Test
  @DisplayName(
      "a privileged pod with volumeDevices and the exec probe of a pod on a containerd node are"
          + " found")
  void workloads() {
    assertThat(result(all, "privileged-device-mappings", "privileged-volume-devices").evidence())
        .containsExactly(
            "pod storage/raw-block-writer-0 (node "
                + DOCKER_NODE
                + ") · container writer · privileged · volumeDevices /dev/xvda");
    // The queue worker's probe runs on the Docker node, whose runtime enforces the timeout.
    CheckResult probes = result(all, "exec-probe-timeout", "exec-probe-timeout");
    assertThat(probes.evidence())
        .singleElement()
        .asString()
        .contains("iis-frontend", WINDOWS_NODE, "readinessProbe", "timeoutSeconds 5");
    assertThat(probes.summary()).startsWith("exposed, not seen: 1 exec probe in 1 pod");
  }

  @Test
  @DisplayName("--namespace and --pod narrow the events: outside the scope they are inconclusive")
  void scopedEvents() {
    List<Entry> entries =
        List.of(
            entry("pod-ip-exhaustion"),
            entry("private-registry-x509"),
            entry("insecure-registry-http"));
    List<CheckResult> payments = checks.run(entries, CheckScope.of("payments", null, null));
    assertThat(result(payments, "pod-ip-exhaustion", "event").verdict())
        .isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(result(payments, "pod-ip-exhaustion", "event").summary())
        .contains("in namespace payments");
    assertThat(result(payments, "private-registry-x509", "event").verdict())
        .isEqualTo(Verdict.CONFIRMED);

    List<CheckResult> pod = checks.run(entries, CheckScope.of(null, "etl-28471930-7wq5z", null));
    assertThat(result(pod, "insecure-registry-http", "event").verdict())
        .isEqualTo(Verdict.CONFIRMED);
    assertThat(result(pod, "private-registry-x509", "event").verdict())
        .isEqualTo(Verdict.INCONCLUSIVE);

    List<CheckResult> missing = checks.run(entries, CheckScope.of("nope", null, null));
    assertThat(result(missing, "private-registry-x509", "event").verdict())
        .isEqualTo(Verdict.UNAVAILABLE);
    assertThat(result(missing, "private-registry-x509", "event").summary())
        .isEqualTo("namespace 'nope' does not exist");
  }

  @Test
  @DisplayName("--node holds only that node: Windows entries are ruled out on a Linux node")
  void scopedNode() {
    List<Entry> entries =
        List.of(entry("windows-drive-letter-mount"), entry("cni-config-uninitialized"));
    List<CheckResult> linux = checks.run(entries, CheckScope.of(null, null, LINUX_NODE));
    assertThat(result(linux, "windows-drive-letter-mount", "node-version").summary())
        .isEqualTo("matches the error, but your nodes run linux; it affects windows nodes only");
    assertThat(result(linux, "cni-config-uninitialized", "node-condition").verdict())
        .isEqualTo(Verdict.INCONCLUSIVE);

    List<CheckResult> missing = checks.run(entries, CheckScope.of(null, null, "gke-gone"));
    assertThat(result(missing, "windows-drive-letter-mount", "node-version").summary())
        .isEqualTo("node 'gke-gone' does not exist (the cluster has 3 nodes)");
  }

  @Test
  @DisplayName(
      "a --node that does not exist is said once, with a suggestion, and no check counts events"
          + " of a node that is not there")
  void missingNodeSaidOnce() {
    String typo = "gke-prod-default-pool-8c1e7f02-x7k3";
    CheckScope scope = CheckScope.of(null, null, typo);
    String said = "node '" + typo + "' does not exist, did you mean '" + LINUX_NODE + "'?";
    assertThat(checks.scopeProblem(scope)).contains(said);
    assertThat(checks.scopeProblem(CheckScope.of(null, null, LINUX_NODE))).isEmpty();
    List<CheckResult> results =
        checks.run(List.of(entry("windows-drive-letter-mount"), entry("pod-ip-exhaustion")), scope);
    assertThat(results)
        .allSatisfy(r -> assertThat(r.verdict()).isEqualTo(Verdict.UNAVAILABLE))
        .allSatisfy(r -> assertThat(r.summary()).isEqualTo(said));
  }

  @Test
  @DisplayName("results reach the callback one at a time as they finish, each exactly once")
  void streaming() {
    List<CheckResult> seen = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger overlaps = new AtomicInteger();
    List<CheckResult> returned =
        checks.run(
            ClusterChecks.withChecks(kb.entries()),
            CheckScope.CLUSTER,
            r -> {
              if (inside.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
              }
              seen.add(r);
              inside.decrementAndGet();
            });
    assertThat(seen).containsExactlyInAnyOrderElementsOf(returned);
    assertThat(overlaps).hasValue(0);
  }

  @Test
  @DisplayName(
      "a run reads each list once, however many checks need it, paginated and narrowed by field"
          + " selectors")
  void readsEachListOnce(@TempDir Path other) {
    try (MockCluster fresh = MockCluster.crud("gke-cluster.yaml");
        ClusterChecks c = fresh.checks(other, ClusterSettings.DEFAULT)) {
      c.run(ClusterChecks.withChecks(kb.entries()), CheckScope.CLUSTER);
      assertThat(fresh.requests())
          .extracting(r -> r.getPath())
          .containsExactlyInAnyOrder(
              "/version",
              "/api/v1/nodes?limit=500",
              "/api/v1/pods?limit=500",
              "/api/v1/pods?fieldSelector=spec.nodeName%3D" + LINUX_NODE + "&limit=500",
              "/api/v1/events?" + events("Failed", "Pod") + "&limit=500",
              "/api/v1/events?" + events("Unhealthy", "Pod") + "&limit=500",
              "/api/v1/events?" + events("FailedCreatePodSandBox", "Pod") + "&limit=500",
              "/api/v1/namespaces/kube-system/events?"
                  + events("FailedCreate", "DaemonSet")
                  + "&limit=500",
              "/api/v1/namespaces/kube-system",
              "/apis/admissionregistration.k8s.io/v1/mutatingwebhookconfigurations?limit=500",
              "/apis/admissionregistration.k8s.io/v1/validatingwebhookconfigurations?limit=500");
    }
  }

  /** The fieldSelector query of events with {@code reason} about objects of {@code kind}. */
  private static String events(String reason, String kind) {
    return "fieldSelector=reason%3D" + reason + "%2CinvolvedObject.kind%3D" + kind;
  }

  private Entry entry(String id) {
    return kb.get(id).orElseThrow();
  }

  @Test
  @DisplayName("every summary is said in Italian too, in its own words, its facts unchanged")
  void summariesInItalian() {
    assertThat(all)
        .allSatisfy(
            r ->
                assertThat(r.summary(Language.IT))
                    .as("%s %s: %s", r.entry(), r.check(), r.summary())
                    .isNotBlank()
                    .isNotEqualTo(r.summary(Language.EN)));
    assertThat(result(all, "windows-attach-after-restart", "node-version").summary(Language.IT))
        .contains("una versione interessata", "pool win-pool");
    assertThat(result(all, "docker0-172-17-conflict", "node-version").summary(Language.IT))
        .startsWith("corrisponde all'errore, ma i tuoi nodi eseguono");
  }

  static CheckResult result(List<CheckResult> results, String entry, String check) {
    return results.stream()
        .filter(r -> r.entry().equals(entry) && r.check().equals(check))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no result for " + entry + " " + check));
  }
}

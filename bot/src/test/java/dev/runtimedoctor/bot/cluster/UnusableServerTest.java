package dev.runtimedoctor.bot.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimedoctor.knowledge.entry.Entry;
import dev.runtimedoctor.knowledge.entry.KnowledgeBase;
import dev.runtimedoctor.knowledge.entry.Language;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An API server address that leads nowhere useful — a host that does not resolve, a port nobody
 * listens on, a certificate not trusted or not for that name, a web page instead of the API, a
 * server that never answers: each is its own one-line reason saying what to fix, said in the
 * reader's language, and the run ends within the time that reason states.
 */
class UnusableServerTest {
  private static final ClusterSettings FAST =
      new ClusterSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(10), 4);

  /**
   * For the loopback HTTPS server, which makes its handshakes one after the other: a busy machine
   * must not turn a refused certificate into a connect timeout (the client counts the handshake in
   * it).
   */
  private static final ClusterSettings PATIENT =
      new ClusterSettings(
          Duration.ofSeconds(20), Duration.ofSeconds(20), Duration.ofSeconds(60), 4);

  /**
   * For a server that never answers: each wait is a whole request timeout, long enough that one
   * wait and the time to say so stay well apart from two waits, even on a busy machine.
   */
  private static final ClusterSettings SILENT =
      new ClusterSettings(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(20), 4);

  /** One request timeout of {@link #SILENT}, and the time to say so; two would be 4,000 ms. */
  private static final long ONE_WAIT_MILLIS = 3_200;

  /** What each distinct reason says, so that each test can check it says no other's words. */
  private static final List<String> REASONS =
      List.of(
          "could not be resolved",
          "connection refused",
          "not trusted",
          "is not valid for",
          "did not answer as a Kubernetes API server",
          "no answer from the API server");

  private final KnowledgeBase kb = KnowledgeBase.bundledWith(List.of());

  @TempDir Path dir;

  @Test
  @DisplayName("a server host name that does not resolve says so, not 'connection refused'")
  void unknownHost() {
    List<CheckResult> results = run("https://no-such-host.invalid:6443", Optional.empty(), FAST);

    assertOnly(
        results,
        "could not be resolved",
        "the API server's host name no-such-host.invalid could not be resolved: check the server"
            + " address https://no-such-host.invalid:6443/ in the kubeconfig");
    assertThat(results.get(0).summary(Language.IT))
        .contains("il nome host no-such-host.invalid dell'API server non si risolve");
  }

  @Test
  @DisplayName("a port nobody listens on is 'connection refused', and names the address to check")
  void refused() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    List<CheckResult> results = run("http://127.0.0.1:" + port, Optional.empty(), FAST);

    assertOnly(results, "connection refused", "check the address and port in the kubeconfig");
  }

  @Test
  @DisplayName(
      "a certificate no CA of the kubeconfig signed says it is not trusted and what to set")
  void untrustedCertificate() {
    try (LoopbackApiServer server = LoopbackApiServer.tls()) {
      List<CheckResult> results = run(server.url("localhost"), Optional.empty(), PATIENT);

      assertOnly(
          results,
          "not trusted",
          "presented a certificate that is not trusted: put its CA in the kubeconfig's"
              + " certificate-authority-data");
      assertThat(server.methods()).isEmpty();
    }
  }

  @Test
  @DisplayName("a trusted certificate for another name says which name it is not valid for")
  void hostnameMismatch() {
    try (LoopbackApiServer server = LoopbackApiServer.tls()) {
      List<CheckResult> results =
          run(server.url("127.0.0.1"), Optional.of(LoopbackApiServer.certificate()), PATIENT);

      assertOnly(
          results,
          "is not valid for",
          "the certificate of the API server at "
              + server.url("127.0.0.1")
              + "/ is not valid"
              + " for 127.0.0.1");
      assertThat(server.methods()).isEmpty();
    }
  }

  @Test
  @DisplayName("a web page instead of the API says the server is not a Kubernetes API server")
  void htmlAnswer() {
    try (LoopbackApiServer server = LoopbackApiServer.html()) {
      List<CheckResult> results = run(server.url("127.0.0.1"), Optional.empty(), FAST);

      assertOnly(
          results,
          "did not answer as a Kubernetes API server",
          "the server at "
              + server.url("127.0.0.1")
              + "/ did not answer as a Kubernetes API"
              + " server (it answered HTML, not JSON)");
      assertThat(results)
          .allSatisfy(r -> assertThat(r.summary()).doesNotContain("constructor", "deserialize"))
          .allSatisfy(r -> assertThat(r.evidence()).noneMatch(e -> e.contains("deserialize")));
      assertThat(results.get(0).summary(Language.IT))
          .contains("non ha risposto come un API server Kubernetes (ha risposto HTML, non JSON)");
      assertThat(server.methods()).isNotEmpty().containsOnly("GET");
    }
  }

  @Test
  @DisplayName(
      "a server answering 404 without a Kubernetes Status is not a Kubernetes API server, not a"
          + " cluster that lacks nodes")
  void notFoundWithoutStatus() {
    try (LoopbackApiServer server = LoopbackApiServer.notFound()) {
      List<CheckResult> results = run(server.url("127.0.0.1"), Optional.empty(), FAST);

      assertOnly(
          results,
          "did not answer as a Kubernetes API server",
          "the server at "
              + server.url("127.0.0.1")
              + "/ did not answer as a Kubernetes API server (it answered ");
      assertThat(results)
          .allSatisfy(r -> assertThat(r.summary()).doesNotContain("does not serve"))
          .allSatisfy(r -> assertThat(r.evidence()).doesNotContain("Not Found"));
      assertThat(server.methods()).isNotEmpty().containsOnly("GET");
    }
  }

  @Test
  @DisplayName(
      "a server that never answers ends every check of every entry within one request timeout,"
          + " as the message says")
  void silentServer() {
    try (LoopbackApiServer server = LoopbackApiServer.silent()) {
      Path kubeconfig = MockCluster.writeKubeconfig(dir, server.url("127.0.0.1"));
      long start = System.nanoTime();
      List<CheckResult> results;
      try (ClusterChecks checks =
          ClusterChecks.connect(ClusterLocation.kubeconfig(kubeconfig), Optional.empty(), SILENT)) {
        results = checks.run(ClusterChecks.withChecks(kb.entries()), CheckScope.CLUSTER);
      }
      long millis = (System.nanoTime() - start) / 1_000_000;

      assertThat(results).hasSizeGreaterThan(20);
      assertOnly(results, "no answer from the API server", "within 2 s");
      // Waiting out a timeout per wave of four checks took three waits.
      assertThat(millis).isLessThan(ONE_WAIT_MILLIS);
      assertThat(server.methods()).isNotEmpty().containsOnly("GET");
    }
  }

  @Test
  @DisplayName("checking --node first does not add a second wait on a server that never answers")
  void silentServerWithNode() {
    try (LoopbackApiServer server = LoopbackApiServer.silent()) {
      Path kubeconfig = MockCluster.writeKubeconfig(dir, server.url("127.0.0.1"));
      CheckScope scope = CheckScope.of(null, null, "gke-prod-default-pool-8c1e7f02-x7k2");
      long start = System.nanoTime();
      List<CheckResult> results;
      try (ClusterChecks checks =
          ClusterChecks.connect(ClusterLocation.kubeconfig(kubeconfig), Optional.empty(), SILENT)) {
        assertThat(checks.scopeProblem(scope)).isEmpty();
        results = checks.run(List.of(entry("pod-ip-exhaustion")), scope);
      }
      long millis = (System.nanoTime() - start) / 1_000_000;

      assertOnly(results, "no answer from the API server", "within 2 s");
      assertThat(millis).isLessThan(ONE_WAIT_MILLIS);
      assertThat(server.methods()).containsOnly("GET");
    }
  }

  private List<CheckResult> run(String serverUrl, Optional<byte[]> ca, ClusterSettings settings) {
    Path kubeconfig = MockCluster.writeKubeconfig(dir, serverUrl, ca);
    try (ClusterChecks checks =
        ClusterChecks.connect(ClusterLocation.kubeconfig(kubeconfig), Optional.empty(), settings)) {
      return checks.run(
          List.of(entry("pod-ip-exhaustion"), entry("cni-config-uninitialized")),
          CheckScope.CLUSTER);
    }
  }

  /** Every result unavailable with the reason that contains {@code key} and {@code words}. */
  private static void assertOnly(List<CheckResult> results, String key, String words) {
    assertThat(results)
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.verdict()).isEqualTo(Verdict.UNAVAILABLE))
        .allSatisfy(r -> assertThat(r.summary()).contains(key, words))
        .allSatisfy(
            r ->
                assertThat(r.summary())
                    .doesNotContain(
                        REASONS.stream()
                            .filter(other -> !other.equals(key))
                            .toArray(String[]::new)));
  }

  private Entry entry(String id) {
    return kb.get(id).orElseThrow();
  }
}

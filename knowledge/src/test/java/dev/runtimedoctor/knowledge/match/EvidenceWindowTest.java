package dev.runtimedoctor.knowledge.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimedoctor.knowledge.entry.EntryLoader;
import dev.runtimedoctor.knowledge.entry.KnowledgeBase;
import dev.runtimedoctor.knowledge.index.KnowledgeIndex;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EvidenceWindowTest {
  /** A kubectl describe event whose telling part starts past character 300. */
  static final String DESCRIBE_SANDBOX =
      "  Warning  FailedCreatePodSandBox  3m12s (x281 over 58m)  kubelet, "
          + "gke-prod-pool-1-9f8e7d6c-abcd  (combined from similar events): Failed to create pod"
          + " sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox"
          + " \"42bf93c90d996c112f711d9bddbd40fbb03e0a5a8eeccee5f38a98c4a494ca90\": plugin"
          + " type=\"gke\" name=\"gke-pod-network\" failed (add): failed to allocate for range 0:"
          + " no IP addresses available in range set: 10.60.28.1-10.60.28.254";

  /** An image-pull event whose x509 part sits at the far right of a 600-character line. */
  static final String PULL_X509 =
      "  Warning  Failed  12s (x4 over 1m)  kubelet  Failed to pull image"
          + " \"registry.corp.example:8443/payments/api-gateway-service:2.4.1-rc.3-build.20231127\":"
          + " rpc error: code = Unknown desc = failed to pull and unpack image"
          + " \"registry.corp.example:8443/payments/api-gateway-service:2.4.1-rc.3-build.20231127\":"
          + " failed to resolve reference"
          + " \"registry.corp.example:8443/payments/api-gateway-service:2.4.1-rc.3-build.20231127\":"
          + " failed to do request: Head \"https://registry.corp.example:8443/v2/payments/"
          + "api-gateway-service/manifests/2.4.1-rc.3-build.20231127\": x509: certificate signed"
          + " by unknown authority";

  private static Matcher matcher;

  @BeforeAll
  static void buildIndex() {
    matcher = new Matcher(KnowledgeIndex.build(new KnowledgeBase(EntryLoader.bundled())));
  }

  private static String evidenceOf(String paste, String entry) {
    Diagnosis d = matcher.diagnose(paste);
    assertThat(d.top()).hasValueSatisfying(m -> assertThat(m.entry().id()).isEqualTo(entry));
    return d.top().orElseThrow().evidence().get(0).text();
  }

  @Test
  @DisplayName("a describe line keeps its range-set part, past character 300, elided at the start")
  void describeLineKeepsRangeSet() {
    assertThat(DESCRIBE_SANDBOX.strip().length()).isGreaterThan(EvidenceWindow.MAX_CHARS);

    String ev = evidenceOf(DESCRIBE_SANDBOX, "pod-ip-exhaustion");

    assertThat(ev)
        .hasSizeLessThanOrEqualTo(EvidenceWindow.MAX_CHARS)
        .startsWith("…")
        .contains("no IP addresses available in range set: 10.60.28.1-10.60.28.254");
  }

  @Test
  @DisplayName("an image-pull line keeps its x509 cause at the far right")
  void pullLineKeepsX509() {
    String ev = evidenceOf(PULL_X509, "private-registry-x509");

    assertThat(ev)
        .hasSizeLessThanOrEqualTo(EvidenceWindow.MAX_CHARS)
        .startsWith("…")
        .endsWith("x509: certificate signed by unknown authority");
  }

  @Test
  @DisplayName("a window in the middle of a long line is elided at both ends")
  void middleWindowElidedBothEnds() {
    String line = "x".repeat(400) + " cni config uninitialized " + "y".repeat(400);

    String ev = EvidenceWindow.of(line, List.of("cni", "config", "uninitialized"));

    assertThat(ev).startsWith("…").endsWith("…").contains("cni config uninitialized");
    assertThat(ev).hasSizeLessThanOrEqualTo(EvidenceWindow.MAX_CHARS);
  }

  @Test
  @DisplayName("a short line is shown whole, without ellipses")
  void shortLineWhole() {
    assertThat(EvidenceWindow.of("  cni config uninitialized  ", List.of("cni")))
        .isEqualTo("cni config uninitialized");
  }

  @Test
  @DisplayName("secrets are redacted before the cut: no window holds part of a token")
  void redactedBeforeCut() {
    String token = "ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8";
    // The secret sits where a window cut after redaction would otherwise split it.
    for (int pad = 200; pad <= 320; pad += 3) {
      String line =
          "x".repeat(pad)
              + " Authorization: Bearer "
              + token
              + " "
              + "y".repeat(40)
              + " failed to do request: x509: certificate signed by unknown authority";

      String ev = EvidenceWindow.of(line, List.of("x509", "certificate", "authority"));

      assertThat(ev).endsWith("authority").doesNotContain(token.substring(0, 8));
      for (int i = 0; i + 6 <= token.length(); i++) {
        assertThat(ev).doesNotContain(token.substring(i, i + 6));
      }
    }
  }

  @Test
  @DisplayName(
      "a confidence is shown rounded down: 0.596 reads 0.59, and one just below the threshold"
          + " reads below it")
  void shownConfidenceRoundsDown() {
    assertThat(Matcher.shown(0.596)).isEqualTo(0.59);
    assertThat(Matcher.shown(0.6)).isEqualTo(0.6);
    assertThat(Matcher.shown(0.999)).isEqualTo(0.99);
    assertThat(Matcher.shown(1.0)).isEqualTo(1.0);
    assertThat(Matcher.shown(Matcher.REPLY_THRESHOLD - 1e-5)).isLessThan(Matcher.REPLY_THRESHOLD);
    assertThat(Matcher.shown(Matcher.REPLY_THRESHOLD)).isEqualTo(Matcher.REPLY_THRESHOLD);
  }

  @Test
  @DisplayName("every match's confidence has two decimals and reply agrees with what is shown")
  void replyAgreesWithShownConfidence() {
    for (String paste : List.of(DESCRIBE_SANDBOX, PULL_X509, "node pool upgrade stuck", "hi")) {
      Diagnosis d = matcher.diagnose(paste);
      for (Match m : d.matches()) {
        assertThat(Math.round(m.confidence() * 100) / 100.0).isEqualTo(m.confidence());
      }
      boolean shownAnswered =
          d.top().map(m -> m.confidence() >= Matcher.REPLY_THRESHOLD).orElse(false);
      assertThat(d.reply()).isEqualTo(shownAnswered);
    }
  }

  @Test
  @DisplayName("evidence carries no terminal escapes or control characters, on any surface")
  void evidenceIsPrintable() {
    Matcher matcher =
        new Matcher(
            dev.runtimedoctor.knowledge.index.KnowledgeIndex.build(
                new dev.runtimedoctor.knowledge.entry.KnowledgeBase(
                    dev.runtimedoctor.knowledge.entry.EntryLoader.bundled())));
    String paste =
        "\u001b[31mE1201 kubelet.go:2067]\u001b[0m failed to allocate for range 0: no IP addresses"
            + " available in range set:\u0007 10.48.131.1-10.48.131.62";

    Diagnosis d = matcher.diagnose(paste);

    assertThat(d.matches()).isNotEmpty();
    String evidence = d.matches().get(0).evidence().get(0).text();
    assertThat(evidence)
        .doesNotContain("\u001b")
        .doesNotContain("\u0007")
        .contains("no IP addresses");
  }
}

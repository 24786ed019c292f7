package dev.runtimedoctor.knowledge.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimedoctor.knowledge.entry.Language;
import dev.runtimedoctor.knowledge.eval.SyntheticLogs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class LanguageGuessTest {
  private static final String IP_LINE =
      "failed to allocate for range 0: no IP addresses available in range set:"
          + " 10.48.131.1-10.48.131.62";

  private static final String X509_LINE =
      "Failed to pull image \"registry.corp.example:8443/payments/api:2.4.1\": rpc error: code ="
          + " Unknown desc = failed to pull and unpack image"
          + " \"registry.corp.example:8443/payments/api:2.4.1\": failed to resolve reference:"
          + " failed to do request: Head \"https://registry.corp.example:8443/v2/payments/api/"
          + "manifests/2.4.1\": x509: certificate signed by unknown authority";

  private static final String DESCRIBE =
      """
      Name:             api-7f9c6d5b8-x2x9k
      Namespace:        payments
      Node:             gke-prod-pool-1-3f2a/10.128.0.12
      Status:           Pending
      Containers:
        api:
          State:          Waiting
            Reason:       ContainerCreating
          Ready:          False
      Events:
        Type     Reason                  Age                From     Message
        ----     ------                  ----               ----     -------
        Normal   Scheduled               2m                 default-scheduler  Successfully assigned payments/api-7f9c6d5b8-x2x9k to gke-prod-pool-1-3f2a
        Warning  FailedCreatePodSandBox  10s (x12 over 2m)  kubelet  Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "4b1e": failed to allocate for range 0: no IP addresses available in range set: 10.48.131.1-10.48.131.62
      """;

  private static Optional<Language> guess(String text) {
    return LanguageGuess.of(LogNormalizer.normalize(text));
  }

  static Stream<String> italian() throws IOException {
    return questions("questions-it.txt");
  }

  static Stream<String> english() throws IOException {
    return questions("questions-en.txt");
  }

  private static Stream<String> questions(String name) throws IOException {
    try (InputStream in = LanguageGuessTest.class.getResourceAsStream("/language/" + name)) {
      List<String> lines =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .filter(l -> !l.isBlank() && !l.startsWith("#"))
              .toList();
      assertThat(lines).hasSizeGreaterThanOrEqualTo(30);
      return lines.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("italian")
  @DisplayName("a short Italian question is Italian, English technical terms and all")
  void italianQuestion(String q) {
    assertThat(guess(q)).contains(Language.IT);
  }

  @ParameterizedTest
  @MethodSource("english")
  @DisplayName("a short English question is English, even of a few words")
  void englishQuestion(String q) {
    assertThat(guess(q)).contains(Language.EN);
  }

  @Test
  @DisplayName("a paste of log lines only holds no prose: no language, the fallback decides")
  void logOnlyPastes() {
    assertThat(guess(IP_LINE)).isEmpty();
    assertThat(guess(X509_LINE)).isEmpty();
    assertThat(guess(DESCRIBE)).isEmpty();
    assertThat(
            guess(
                "E1127 12:00:00.123456    1234 pod_workers.go:965] \"Error syncing pod, skipping\""
                    + " err=\"failed to \\\"StartContainer\\\" for \\\"api\\\" with"
                    + " CrashLoopBackOff: \\\"back-off 5m0s restarting failed container\\\"\""))
        .isEmpty();
    assertThat(
            guess(
                "hcsshim::CreateComputeSystem 4b1e: The container operating system does not match"
                    + " the host operating system."))
        .isEmpty();
    assertThat(
            guess(
                "Nov 27 12:00:01 gke-pool-1-3f2a kubelet[1234]: E1127 12:00:01.000000 1234"
                    + " kubelet.go:2855] \"Container runtime network not ready\""
                    + " networkReady=\"NetworkReady=false reason:NetworkPluginNotReady"
                    + " message:Network plugin returns error: cni plugin not initialized\""))
        .isEmpty();
  }

  @Test
  @DisplayName("an Italian question with English log lines under or above it is Italian")
  void italianQuestionWithLog() {
    assertThat(guess("ciao, da stamattina i pod su un nodo non partono:\n" + DESCRIBE))
        .contains(Language.IT);
    assertThat(guess(X509_LINE + "\n" + X509_LINE + "\nsapete cosa vuol dire?"))
        .contains(Language.IT);
    assertThat(guess("ho questo errore: " + IP_LINE + " cosa significa?")).contains(Language.IT);
    assertThat(guess("il pull fallisce con " + X509_LINE)).contains(Language.IT);
  }

  @Test
  @DisplayName("an English question with log lines is English")
  void englishQuestionWithLog() {
    assertThat(guess("pods on one node won't start, what is going on?\n" + DESCRIBE))
        .contains(Language.EN);
    assertThat(guess(X509_LINE + "\nwhy do we get this from our registry?")).contains(Language.EN);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "EN|Since this morning every pod on node 3 fails with: failed to allocate for range 0: no"
            + " IP addresses available in range set: 10.0.0.1-10.0.0.9",
        "EN|On GKE Windows nodes, a volumeMount with mountPath D: makes the container fail with"
            + " CreateComputeSystem: The parameter is incorrect.",
        "EN|After we moved the pool to containerd our pulls started failing with: failed to do"
            + " request: Head \"https://r.example/v2/a/manifests/1\": x509: certificate signed by"
            + " unknown authority",
        "IT|Da stamattina tutti i pod del nodo 3 falliscono con: failed to allocate for range 0:"
            + " no IP addresses available in range set: 10.0.0.1-10.0.0.9",
        "IT|Sui nodi Windows il container non parte e dice: CreateComputeSystem: The parameter is"
            + " incorrect.",
        "IT|Dopo il passaggio a containerd i pull falliscono con: failed to do request: Head"
            + " \"https://r.example/v2/a/manifests/1\": x509: certificate signed by unknown"
            + " authority"
      })
  @DisplayName("the sentence that leads into an error on the same line is the person's language")
  void sentenceLeadingIntoAnError(Language expected, String line) {
    assertThat(guess(line)).contains(expected);
  }

  @Test
  @DisplayName("a 5 MB journal holds no prose; a question at its end decides its language")
  void hugeJournal() {
    String journal = journal(5 * 1024 * 1024);
    assertThat(journal.length()).isGreaterThan(5_000_000);
    assertThat(guess(journal)).isEmpty();
    assertThat(guess(journal + "we see this on every node since the upgrade, any idea?"))
        .contains(Language.EN);
    assertThat(guess(journal + "lo vediamo su tutti i nodi dopo l'upgrade, idee?"))
        .contains(Language.IT);
  }

  @Test
  @DisplayName("log noise of every common format around a question does not outvote it")
  void noiseAroundQuestion() {
    SyntheticLogs logs = new SyntheticLogs(7);
    assertThat(guess("perché succede questo?\n" + logs.noise(400))).contains(Language.IT);
    assertThat(guess(logs.noise(400))).isEmpty();
  }

  /** A kubelet and containerd journal as {@code journalctl -u kubelet -u containerd} prints it. */
  static String journal(int size) {
    String[] messages = {
      "kubelet[1234]: I1127 12:00:01.000000    1234 kubelet.go:2189] \"SyncLoop (PLEG): event"
          + " for pod\" pod=\"default/web-5d9c\" event={ID:5d9c Type:ContainerStarted}",
      "systemd[1]: Started Kubernetes kubelet.",
      "systemd[1]: kubelet.service: Main process exited, code=exited, status=1/FAILURE",
      "containerd[987]: time=\"2026-11-27T12:00:01.000000000Z\" level=info msg=\"StartContainer"
          + " for \\\"5d9c\\\" returns successfully\"",
      "kubelet[1234]: W1127 12:00:01.000000    1234 reflector.go:424] the server is currently"
          + " unable to handle the request and will retry",
      "systemd[1]: Stopping containerd container runtime..."
    };
    StringBuilder sb = new StringBuilder(size + 200);
    for (int i = 0; sb.length() < size; i++) {
      sb.append(String.format("Nov 27 12:%02d:%02d gke-pool-1-3f2a ", i / 60 % 60, i % 60))
          .append(messages[i % messages.length])
          .append('\n');
    }
    return sb.toString();
  }
}

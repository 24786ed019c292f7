package dev.runtimedoctor.knowledge.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimedoctor.knowledge.entry.Entry;
import dev.runtimedoctor.knowledge.entry.EntryLoader;
import dev.runtimedoctor.knowledge.entry.KnowledgeBase;
import dev.runtimedoctor.knowledge.index.KnowledgeIndex;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * "Known issue wins", through the seed's real known issues and three everyday failure modes kept as
 * test fixtures ({@code src/test/resources/packs/everyday}).
 */
class KnownIssuesFirstTest {
  private static final String X509 =
      "  Warning  Failed     12s (x2 over 31s)  kubelet  Failed to pull image"
          + " \"harbor.corp.example/shop/api:1.4.2\": rpc error: code = Unknown desc = failed to"
          + " pull and unpack image \"harbor.corp.example/shop/api:1.4.2\": failed to resolve"
          + " reference \"harbor.corp.example/shop/api:1.4.2\": failed to do request: Head"
          + " \"https://harbor.corp.example/v2/shop/api/manifests/1.4.2\": x509: certificate signed"
          + " by unknown authority";

  private static final String PULL_EVENTS =
      "Events:\n"
          + "  Type     Reason     Age                From               Message\n"
          + "  ----     ------     ----               ----               -------\n"
          + "  Normal   Scheduled  40s                default-scheduler  Successfully assigned"
          + " shop/api-7d9f8b6c5-x2x9q to gke-prod-pool-1-3c2b\n"
          + "  Normal   Pulling    14s (x2 over 40s)  kubelet            Pulling image"
          + " \"harbor.corp.example/shop/api:1.4.2\"\n"
          + X509
          + "\n"
          + "  Warning  Failed     12s (x2 over 31s)  kubelet            Error: ErrImagePull\n"
          + "  Normal   BackOff    1s (x3 over 30s)   kubelet            Back-off pulling image"
          + " \"harbor.corp.example/shop/api:1.4.2\"\n"
          + "  Warning  Failed     1s (x3 over 30s)   kubelet            Error: ImagePullBackOff\n";

  private static final String OOM =
      "Containers:\n"
          + "  worker:\n"
          + "    State:          Running\n"
          + "    Last State:     Terminated\n"
          + "      Reason:       OOMKilled\n"
          + "      Exit Code:    137\n"
          + "    Restart Count:  6\n";

  private static KnowledgeBase kb;
  private static Matcher matcher;

  @BeforeAll
  static void build() throws Exception {
    List<Entry> entries = new ArrayList<>(EntryLoader.bundled(List.of("gke-runtime")));
    entries.addAll(EntryLoader.loadDirectory(Path.of("src/test/resources/packs")));
    kb = new KnowledgeBase(entries);
    matcher = new Matcher(KnowledgeIndex.build(kb));
  }

  private static List<String> ids(List<Match> matches) {
    return matches.stream().map(m -> m.entry().id()).toList();
  }

  @Test
  @DisplayName("an ImagePullBackOff whose events carry an x509 is answered with the known issue")
  void x509BeatsImagePullBackOff() {
    Diagnosis d = matcher.diagnose(PULL_EVENTS);

    assertThat(d.reply()).isTrue();
    assertThat(ids(d.confident())).containsExactly("private-registry-x509");
    assertThat(d.matches())
        .filteredOn(m -> m.entry().id().equals("fixture-image-pull-backoff"))
        .singleElement()
        .satisfies(m -> assertThat(m.confidence()).isLessThan(Matcher.REPLY_THRESHOLD));
  }

  @Test
  @DisplayName("the same events without the x509 are answered with the failure mode")
  void imagePullBackOffAloneIsAnswered() {
    Diagnosis d = matcher.diagnose(PULL_EVENTS.replace(X509 + "\n", ""));

    assertThat(d.reply()).isTrue();
    assertThat(d.matches().get(0).entry().id()).isEqualTo("fixture-image-pull-backoff");
  }

  @Test
  @DisplayName("a known issue and a failure mode of another part of the paste are both answered")
  void knownIssueAndOtherFailureBothAnswered() {
    Diagnosis d = matcher.diagnose(OOM + "\n" + PULL_EVENTS);

    assertThat(ids(d.confident())).containsExactly("private-registry-x509", "fixture-oom-killed");
  }

  @Test
  @DisplayName("a confident known issue ranks above a failure mode with a higher confidence")
  void knownIssueRanksFirstWhateverTheConfidence() {
    Match oom = match("fixture-oom-killed", 1.0, Basis.SIGNATURE, 5);
    Match x509 = match("private-registry-x509", 0.7, Basis.SIGNATURE, 12);
    Match lead = match("etc-mtab-missing", 0.3, Basis.RELATED);

    List<Match> out = KnownIssuesFirst.apply(List.of(oom, x509, lead), m -> true);

    assertThat(ids(out))
        .containsExactly("private-registry-x509", "fixture-oom-killed", "etc-mtab-missing");
    assertThat(out.get(1).confidence()).isEqualTo(1.0);
  }

  @Test
  @DisplayName("a failure mode resting on the known issue's own line keeps no answer, any area")
  void sharedLineIsTheSameFailure() {
    Match crash = match("fixture-crash-loop-backoff", 0.9, Basis.SIGNATURE, 12);
    Match x509 = match("private-registry-x509", 0.8, Basis.SIGNATURE, 12);

    List<Match> out = KnownIssuesFirst.apply(List.of(crash, x509), m -> true);

    assertThat(ids(out)).containsExactly("private-registry-x509", "fixture-crash-loop-backoff");
    assertThat(out.get(1).confidence()).isLessThan(Matcher.REPLY_THRESHOLD);
  }

  @Test
  @DisplayName("a known issue found only by words neither demotes nor outranks a failure mode")
  void knownIssueFromWordsOnlyChangesNothing() {
    Match pull = match("fixture-image-pull-backoff", 0.9, Basis.SIGNATURE, 3);
    Match x509 = match("private-registry-x509", 0.7, Basis.SYMPTOM);

    assertThat(KnownIssuesFirst.apply(List.of(pull, x509), m -> true)).containsExactly(pull, x509);
  }

  @Test
  @DisplayName(
      "where no failure mode answers by an error line, a known issue answering by words ranks"
          + " first and the failure mode keeps its answer")
  void knownIssueByWordsBeatsFailureModeByWords() {
    Match crash = match("fixture-crash-loop-backoff", 0.9, Basis.SYMPTOM);
    Match cni = match("cni-config-uninitialized", 0.7, Basis.SYMPTOM);
    Match lead = match("fixture-oom-killed", 0.3, Basis.RELATED);

    List<Match> out = KnownIssuesFirst.apply(List.of(crash, lead, cni), m -> true);

    assertThat(out).containsExactly(cni, crash, lead);
  }

  @Test
  @DisplayName(
      "a known issue's fragment takes the answer of its failure mode only when it shows the"
          + " issue's cause")
  void fragmentPromotedOnlyWithItsCause() {
    Match pull = match("fixture-image-pull-backoff", 0.9, Basis.SIGNATURE, 3);
    Match x509 = match("private-registry-x509", 0.5, Basis.SIGNATURE, 3);

    List<Match> withCause = KnownIssuesFirst.apply(List.of(pull, x509), m -> true);
    List<Match> frameOnly = KnownIssuesFirst.apply(List.of(pull, x509), m -> false);

    assertThat(ids(withCause))
        .containsExactly("private-registry-x509", "fixture-image-pull-backoff");
    assertThat(withCause.get(0).confidence()).isEqualTo(0.9);
    assertThat(withCause.get(1).confidence()).isLessThan(Matcher.REPLY_THRESHOLD);
    assertThat(frameOnly).containsExactly(pull, x509);
  }

  @Test
  @DisplayName("without a failure mode the known issues keep the matcher's order")
  void knownIssuesAloneUnchanged() {
    Match a = match("pod-ip-exhaustion", 0.95, Basis.SIGNATURE, 2);
    Match b = match("private-registry-x509", 0.8, Basis.SIGNATURE, 9);
    Match c = match("cni-config-uninitialized", 0.85, Basis.SYMPTOM);

    assertThat(KnownIssuesFirst.apply(List.of(a, c, b), m -> true)).containsExactly(a, b, c);
  }

  private static Match match(String id, double confidence, Basis basis, int... lines) {
    List<Evidence> evidence = new ArrayList<>();
    for (int l : lines) {
      evidence.add(new Evidence(l, "line " + l));
    }
    return new Match(kb.get(id).orElseThrow(), confidence, basis, evidence);
  }

  @Test
  @DisplayName(
      "a question quoting part of a known issue's error beside a failure mode's status word is"
          + " answered with the known issue, in either language")
  void quotedKnownErrorInAQuestionBeatsTheStatusWord() {
    Matcher bundled = new Matcher(KnowledgeIndex.build(new KnowledgeBase(EntryLoader.bundled())));
    for (String q :
        List.of(
            "pods are in ImagePullBackOff and the event says x509: certificate signed by unknown"
                + " authority when pulling from our internal Harbor",
            "i pod restano in ImagePullBackOff, negli eventi c'è x509: certificate signed by"
                + " unknown authority dal nostro registry interno")) {
      Diagnosis d = bundled.diagnose(q);

      assertThat(ids(d.matches())).as(q).first().isEqualTo("private-registry-x509");
      assertThat(d.reply()).as(q).isTrue();
      assertThat(ids(d.confident())).as(q).doesNotContain("image-pull-backoff");
    }
  }
}

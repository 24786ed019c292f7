package dev.runtimedoctor.knowledge.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimedoctor.knowledge.analysis.Redactor;
import dev.runtimedoctor.knowledge.entry.Entry;
import dev.runtimedoctor.knowledge.entry.EntryLoader;
import dev.runtimedoctor.knowledge.entry.Kind;
import dev.runtimedoctor.knowledge.entry.KnowledgeBase;
import dev.runtimedoctor.knowledge.eval.SyntheticKnowledge;
import dev.runtimedoctor.knowledge.eval.SyntheticLogs;
import dev.runtimedoctor.knowledge.index.KnowledgeIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every signature of every entry, made concrete and buried in unrelated log, finds its entry. */
class SignatureSelfTest {
  private static Matcher matcher;

  @BeforeAll
  static void build() {
    matcher = new Matcher(KnowledgeIndex.build(new KnowledgeBase(EntryLoader.bundled())));
  }

  static Stream<Arguments> signatures() {
    List<Arguments> out = new ArrayList<>();
    for (Entry e : EntryLoader.bundled()) {
      for (String s : e.signatures()) {
        out.add(Arguments.of(e.id(), s));
      }
    }
    return out.stream();
  }

  /**
   * A known issue's signature is its whole evidence, so alone in noise it must be answered; a
   * failure mode's status words and table rows ({@code 0/1 CrashLoopBackOff}) are deliberately
   * weaker than an error line, and alone in 200 lines of noise they are a lead that ranks first.
   */
  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("signatures")
  @DisplayName(
      "a signature buried in 200 lines of noise ranks its entry first; a known issue's is answered")
  void buriedSignatureRanksFirst(String id, String signature) {
    SyntheticLogs logs = new SyntheticLogs(signature.hashCode());
    String line = logs.instantiate(signature);
    String paste = logs.buried(line, 200);

    Diagnosis d = matcher.diagnose(paste);

    assertThat(d.matches()).as("matches for %s", line).isNotEmpty();
    assertThat(d.matches().get(0).entry().id()).as("top match for %s", line).isEqualTo(id);
    if (d.matches().get(0).entry().kind() == Kind.KNOWN_ISSUE) {
      assertThat(d.reply()).as("reply for %s", line).isTrue();
      assertThat(d.matches().get(0).evidence())
          .as("evidence is a window of the buried line")
          .anyMatch(ev -> Redactor.redact(line).contains(ev.text().replace("…", "").strip()));
    }
  }

  @Test
  @DisplayName("a known error inside 5,000 lines of noise is still found")
  void errorInsideFiveThousandLines() {
    SyntheticLogs logs = new SyntheticLogs(5000);
    String paste =
        logs.buried(
            "Warning  FailedCreatePodSandBox  2m (x35 over 5h)  kubelet  Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox \"9a1b3fd9596e428093232c054a1ac7fac47a57c87f5c46dd80dde72e5bbea132\": failed to allocate for range 0: no IP addresses available in range set: 10.1.56.1-10.1.56.254",
            5000);

    Diagnosis d = matcher.diagnose(paste);

    assertThat(d.reply()).isTrue();
    assertThat(d.matches().get(0).entry().id()).isEqualTo("pod-ip-exhaustion");
  }

  @Test
  @DisplayName(
      "beside 2,000 synthetic entries, Lucene retrieval still finds every bundled signature")
  void retrievalFindsSignaturesInALargeBase() {
    List<Entry> bundled = EntryLoader.bundled();
    Matcher large =
        new Matcher(
            KnowledgeIndex.build(
                new KnowledgeBase(SyntheticKnowledge.generate(bundled, 2_000, 11))));
    SyntheticLogs logs = new SyntheticLogs(2000);
    for (Entry e : bundled) {
      for (String s : e.signatures()) {
        Diagnosis d = large.diagnose(logs.buried(logs.instantiate(s), 60));

        assertThat(d.matches()).as("matches for %s", s).isNotEmpty();
        if (e.kind() == Kind.KNOWN_ISSUE) {
          assertThat(d.matches().get(0).entry().id()).as("top match for %s", s).isEqualTo(e.id());
        } else {
          // Failure modes share status words (ErrImagePull, BackOff) by nature: retrieval must
          // still bring the right one among the first three.
          assertThat(d.matches().stream().limit(3).map(m -> m.entry().id()))
              .as("top three for %s", s)
              .contains(e.id());
        }
      }
    }
    Diagnosis question = large.diagnose("dove sono finite le metriche GPU dei nodi containerd?");
    assertThat(question.matches().get(0).entry().id()).isEqualTo("gpu-metrics-missing");
  }

  @Test
  @DisplayName("noise alone gets no answer")
  void noiseAloneIsSilent() {
    for (int seed = 0; seed < 20; seed++) {
      Diagnosis d = matcher.diagnose(new SyntheticLogs(seed).noise(200));
      assertThat(d.reply()).as("seed %d", seed).isFalse();
    }
  }
}

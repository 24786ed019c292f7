package dev.runtimedoctor.knowledge.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimedoctor.knowledge.entry.EntryLoader;
import dev.runtimedoctor.knowledge.entry.KnowledgeBase;
import dev.runtimedoctor.knowledge.index.KnowledgeIndex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Errors people cut short — the tail dropped at the end of their message, or the middle replaced by
 * an ellipsis: what they showed of a specific chain is answered, a generic start cut short is not.
 */
class CutShortTest {
  private static Matcher matcher;

  @BeforeAll
  static void build() {
    matcher = new Matcher(KnowledgeIndex.build(new KnowledgeBase(EntryLoader.bundled())));
  }

  private static String ids(Diagnosis d) {
    return d.matches().stream().map(m -> m.entry().id() + "=" + m.confidence()).toList().toString();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "pod-ip-exhaustion|i pod su un nodo non partono più: Failed to create pod sandbox ..."
            + " failed to allocate for range 0",
        "pod-ip-exhaustion|pods stuck on one node, the events say failed to allocate for range 0…",
        "pod-ip-exhaustion|FailedCreatePodSandBox: failed to setup network for sandbox \"4f2a\":"
            + " ... failed to allocate for range 0 ...",
        "cni-config-uninitialized|Il resize del node pool è bloccato e la console dice runtime"
            + " network not ready",
        "cni-config-uninitialized|new nodes stay NotReady, kubelet keeps logging container"
            + " runtime network not ready..."
      })
  @DisplayName("a specific chain cut short at the end or with an ellipsis is answered")
  void specificChainCutShortIsAnswered(String entry, String paste) {
    Diagnosis d = matcher.diagnose(paste);

    assertThat(d.top()).hasValueSatisfying(m -> assertThat(m.entry().id()).isEqualTo(entry));
    assertThat(d.reply()).as("reply, got %s", ids(d)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // generic starts of many chains, cut short
        "Failed to pull image \"registry.example.com/team/app:1.3\": rpc error: code = Unknown"
            + " desc = failed to pull and unpack image \"registry.example.com/team/app:1.3\":"
            + " failed to resolve reference \"registry.example.com/team/app:1.3\"",
        "Warning FailedCreatePodSandBox kubelet Failed to create pod sandbox: rpc error: code ="
            + " Unknown desc = failed to setup network for sandbox \"9c1d\" ...",
        // a specific word at the end of an unrelated sentence
        "errore 403 quando faccio gcloud container clusters get-credentials",
        "calico-node pod crashlooping with BIRD is not ready",
        "readiness gate says the pod is not ready"
      })
  @DisplayName("a generic start or a lone specific word at the end is not taken for a cut chain")
  void genericOrContradictedStaysSilent(String paste) {
    Diagnosis d = matcher.diagnose(paste);

    assertThat(d.reply()).as("no reply, got %s", ids(d)).isFalse();
  }
}

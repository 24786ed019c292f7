package dev.runtimedoctor.knowledge.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimedoctor.knowledge.entry.EntryLoader;
import dev.runtimedoctor.knowledge.entry.KnowledgeBase;
import dev.runtimedoctor.knowledge.index.KnowledgeIndex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where in the paste a signature's words are found does not change whether they are found. */
class SignatureAlignerTest {
  private static Matcher matcher;

  @BeforeAll
  static void build() {
    matcher = new Matcher(KnowledgeIndex.build(new KnowledgeBase(EntryLoader.bundled())));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "crash-loop-backoff|CrashLoopBackOff",
        "image-pull-backoff|ImagePullBackOff",
        "oom-killed|OOMKilled",
        "pod-evicted-resource-pressure|Evicted",
        "create-container-config-error|CreateContainerConfigError"
      })
  @DisplayName("a signature word that is the paste's very first word anchors the alignment")
  void firstWordAnchors(String entry, String paste) {
    Diagnosis d = matcher.diagnose(paste);

    assertThat(d.top()).hasValueSatisfying(m -> assertThat(m.entry().id()).isEqualTo(entry));
    assertThat(d.top().orElseThrow().basis()).isEqualTo(Basis.SIGNATURE);
    assertThat(d.reply()).isTrue();
  }
}

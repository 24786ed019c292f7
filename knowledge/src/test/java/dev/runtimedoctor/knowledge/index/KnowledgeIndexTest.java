package dev.runtimedoctor.knowledge.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtimedoctor.knowledge.entry.Entry;
import dev.runtimedoctor.knowledge.entry.EntryLoader;
import dev.runtimedoctor.knowledge.entry.KnowledgeBase;
import dev.runtimedoctor.knowledge.entry.Language;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class KnowledgeIndexTest {
  private static KnowledgeIndex index;

  @BeforeAll
  static void build() {
    index = KnowledgeIndex.build(new KnowledgeBase(EntryLoader.bundled()));
  }

  @Test
  @DisplayName("every Lucene document maps back to the entry whose id it stores")
  void documentsMapToTheirEntries() throws IOException {
    var searcher = index.lucene().searcher();
    for (int doc = 0; doc < searcher.getIndexReader().maxDoc(); doc++) {
      String stored = searcher.storedFields().document(doc).get(Fields.ID);

      assertThat(index.entries().get(index.lucene().entryOfDoc(doc)).id()).isEqualTo(stored);
    }
    assertThat(index.lucene().entryCount()).isEqualTo(index.entries().size());
  }

  @Test
  @DisplayName("a signature is compiled to its words, placeholders dropped, rare words heavier")
  void signaturesCompiledWithoutPlaceholders() {
    int e = position("pod-ip-exhaustion");
    CompiledSignature sig =
        index.signatures().of(e).stream()
            .filter(s -> s.text().endsWith("in range set: <ip-range>"))
            .findFirst()
            .orElseThrow();
    List<String> words =
        java.util.Arrays.stream(sig.tokens())
            .mapToObj(index.signatures().vocabulary()::word)
            .toList();

    assertThat(words).endsWith("in", "range", "set").doesNotContain("<ip-range>", "ip-range");
    assertThat(sig.entry()).isEqualTo(e);
    assertThat(sig.weights()[words.indexOf("range")])
        .isGreaterThan(sig.weights()[words.indexOf("in")]);
  }

  @Test
  @DisplayName("the signature field counts the entries whose signatures hold a term")
  void signatureDocFreqCountsEntries() {
    assertThat(index.lucene().signatureDocFreq("uninitialized")).isPositive();
    assertThat(index.lucene().signatureDocFreq("no-such-word")).isZero();
  }

  @Test
  @DisplayName("prose terms lead to the entries using them, and unknown terms weigh nothing")
  void proseTermsLeadToEntries() {
    String gpu = index.prose().analyzers().stem(Language.EN, "GPU");

    int[] using = index.prose().entriesUsing(Language.EN, gpu);

    assertThat(using).contains(position("gpu-metrics-missing")).isSorted();
    assertThat(index.prose().weight(gpu)).isPositive();
    assertThat(index.prose().weight("no-such-term")).isZero();
    assertThat(index.prose().entriesUsing(Language.EN, "no-such-term")).isEmpty();
  }

  @Test
  @DisplayName("parts built for other entries are refused")
  void partsForOtherEntriesRefused() {
    List<Entry> fewer = index.entries().subList(0, 1);

    assertThatThrownBy(
            () -> new KnowledgeIndex(fewer, index.signatures(), index.prose(), index.lucene()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not 1");
  }

  private static int position(String id) {
    List<Entry> entries = index.entries();
    for (int i = 0; i < entries.size(); i++) {
      if (entries.get(i).id().equals(id)) {
        return i;
      }
    }
    throw new AssertionError("no entry " + id);
  }
}

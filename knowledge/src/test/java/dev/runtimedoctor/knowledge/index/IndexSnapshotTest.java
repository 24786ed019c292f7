package dev.runtimedoctor.knowledge.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtimedoctor.knowledge.entry.Entry;
import dev.runtimedoctor.knowledge.entry.KnowledgeBase;
import dev.runtimedoctor.knowledge.eval.Evaluation;
import dev.runtimedoctor.knowledge.eval.LabelledCase;
import dev.runtimedoctor.knowledge.eval.SyntheticKnowledge;
import dev.runtimedoctor.knowledge.match.Diagnosis;
import dev.runtimedoctor.knowledge.match.Match;
import dev.runtimedoctor.knowledge.match.Matcher;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A snapshot of the bundled knowledge read back serves the same answers as a fresh build. */
class IndexSnapshotTest {
  private static KnowledgeIndex fresh;
  private static byte[] bytes;

  @BeforeAll
  static void snapshotTheBundledKnowledge() throws IOException {
    fresh = KnowledgeIndex.build(KnowledgeBase.bundledWith(List.of()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    IndexSnapshot.write(fresh, 42L, out);
    bytes = out.toByteArray();
  }

  @Test
  @DisplayName("the entries read back equal the parsed bundled entries, in order, with the key")
  void entriesRoundTrip() throws IOException {
    IndexSnapshot.Read read = IndexSnapshot.read(new ByteArrayInputStream(bytes));

    assertThat(read.key()).isEqualTo(42L);
    List<Entry> expected = fresh.entries();
    assertThat(expected).hasSizeGreaterThan(30);
    assertThat(read.index().entries()).containsExactlyElementsOf(expected);
  }

  @Test
  @DisplayName(
      "every regression and everyday case, and every entry's own signatures, get the same"
          + " matches, confidences and reply from the snapshot as from a fresh build")
  void sameDiagnosesAsAFreshBuild() throws Exception {
    Matcher fromSnapshot = new Matcher(IndexSnapshot.read(new ByteArrayInputStream(bytes)).index());
    Matcher built = new Matcher(fresh);
    List<String> pastes = new ArrayList<>();
    for (String file : List.of("/eval/regression-cases.jsonl", "/eval/everyday-cases.jsonl")) {
      Path cases = Path.of(IndexSnapshotTest.class.getResource(file).toURI());
      Evaluation.read(cases).stream().map(LabelledCase::text).forEach(pastes::add);
    }
    fresh.entries().forEach(e -> pastes.addAll(e.signatures()));
    assertThat(pastes).hasSizeGreaterThan(200);

    for (String paste : pastes) {
      assertThat(summary(fromSnapshot.diagnose(paste)))
          .as(paste)
          .isEqualTo(summary(built.diagnose(paste)));
    }
  }

  @Test
  @DisplayName(
      "a knowledge base too large to score whole, read back, retrieves by Lucene and answers"
          + " every entry's signatures as a fresh build does")
  void largeKnowledgeRetrievesFromTheSnapshot() throws IOException {
    List<Entry> large = SyntheticKnowledge.generate(fresh.entries(), 150, 7L);
    KnowledgeIndex built = KnowledgeIndex.build(new KnowledgeBase(large));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    IndexSnapshot.write(built, 1L, out);
    KnowledgeIndex read = IndexSnapshot.read(new ByteArrayInputStream(out.toByteArray())).index();
    Matcher fromSnapshot = new Matcher(read);
    Matcher fresh = new Matcher(built);

    List<String> pastes = new ArrayList<>();
    large.forEach(e -> pastes.addAll(e.signatures()));
    assertThat(pastes).hasSizeGreaterThan(300);
    for (String paste : pastes) {
      assertThat(summary(fromSnapshot.diagnose(paste)))
          .as(paste)
          .isEqualTo(summary(fresh.diagnose(paste)));
    }
    assertThat(read.lucene().signatureDocFreq("sandbox")).isPositive();
  }

  @Test
  @DisplayName(
      "a snapshot whose Lucene files are lost reads back, and fails at the first search with"
          + " an unchecked IOException, not before")
  void lostLuceneFilesFailAtFirstUse() throws IOException {
    // The snapshot ends with the Lucene files: claiming none of them leaves an empty directory.
    int tail = luceneBytes(fresh);
    byte[] noFiles = Arrays.copyOf(bytes, bytes.length - tail + Integer.BYTES);
    java.nio.ByteBuffer.wrap(noFiles).putInt(noFiles.length - Integer.BYTES, 0);

    KnowledgeIndex read = IndexSnapshot.read(new ByteArrayInputStream(noFiles)).index();

    assertThat(new Matcher(read).diagnose("cni config uninitialized").matches()).isNotEmpty();
    assertThatThrownBy(() -> read.lucene().signatureDocFreq("cni"))
        .isInstanceOf(java.io.UncheckedIOException.class);
  }

  /** How many bytes the Lucene files take at the end of a snapshot of {@code index}. */
  private static int luceneBytes(KnowledgeIndex index) throws IOException {
    org.apache.lucene.store.Directory dir = index.lucene().directory();
    int n = Integer.BYTES;
    for (String name : dir.listAll()) {
      n += 2 + name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + Integer.BYTES;
      n += (int) dir.fileLength(name);
    }
    return n;
  }

  @Test
  @DisplayName("bytes that are not a snapshot are refused with an IOException")
  void notASnapshot() {
    byte[] cut = Arrays.copyOf(bytes, bytes.length / 2);
    byte[] other = "---\nid: x\n---\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    assertThatThrownBy(() -> IndexSnapshot.read(new ByteArrayInputStream(cut)))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> IndexSnapshot.read(new ByteArrayInputStream(other)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not an index snapshot");
  }

  /** What an answer shows: the reply, and each match's entry, confidence, basis and evidence. */
  private static List<String> summary(Diagnosis d) {
    List<String> out = new ArrayList<>();
    out.add("reply=" + d.reply() + " language=" + d.language());
    for (Match m : d.matches()) {
      out.add(m.entry().id() + " " + m.confidence() + " " + m.basis() + " " + m.evidence());
    }
    return out;
  }
}

package dev.runtimedoctor.bot.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimedoctor.knowledge.entry.KnowledgeBase;
import dev.runtimedoctor.knowledge.index.IndexSnapshot;
import dev.runtimedoctor.knowledge.index.KnowledgeIndex;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The snapshot the build puts beside the classes: present, made from the bundled entry files the
 * class path holds, and used only for the bundled packs alone.
 */
class BundledSnapshotTest {
  @Test
  @DisplayName("the build's snapshot is on the class path and holds every bundled entry, in order")
  void buildMadeIt() {
    Optional<KnowledgeIndex> snapshot = BundledSnapshot.read();

    assertThat(snapshot).isPresent();
    assertThat(snapshot.get().entries())
        .containsExactlyElementsOf(KnowledgeBase.bundledWith(List.of()).entries());
  }

  @Test
  @DisplayName("a snapshot made from other entry files than the bundled ones is not used")
  void staleSnapshotRefused() throws Exception {
    KnowledgeIndex index = KnowledgeIndex.build(KnowledgeBase.bundledWith(List.of()));
    long fresh = BundledSnapshot.fingerprint(index.entries());

    assertThat(BundledSnapshot.read(snapshot(index, fresh))).isPresent();
    assertThat(BundledSnapshot.read(snapshot(index, fresh + 1))).isEmpty();
    assertThat(BundledSnapshot.read(new ByteArrayInputStream(new byte[] {1, 2, 3}))).isEmpty();
  }

  @Test
  @DisplayName("only every bundled pack, with no extra directory, is the snapshot's knowledge")
  void bundledOnly() {
    List<String> both = List.of("everyday", "gke-runtime");

    assertThat(new KnowledgeSource(Optional.empty()).bundledOnly()).isTrue();
    assertThat(new KnowledgeSource(Optional.empty(), both).bundledOnly()).isTrue();
    assertThat(new KnowledgeSource(Optional.empty(), List.of("everyday")).bundledOnly()).isFalse();
    assertThat(new KnowledgeSource(Optional.of(Path.of("extra"))).bundledOnly()).isFalse();
  }

  private static ByteArrayInputStream snapshot(KnowledgeIndex index, long key) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    IndexSnapshot.write(index, key, out);
    return new ByteArrayInputStream(out.toByteArray());
  }
}

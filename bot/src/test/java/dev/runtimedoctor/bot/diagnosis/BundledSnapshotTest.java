package dev.runtimedoctor.bot.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimedoctor.knowledge.entry.Entry;
import dev.runtimedoctor.knowledge.entry.EntryLoader;
import dev.runtimedoctor.knowledge.entry.KnowledgeBase;
import dev.runtimedoctor.knowledge.index.IndexSnapshot;
import dev.runtimedoctor.knowledge.index.KnowledgeIndex;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
  @DisplayName(
      "the key of entry files read from a jar's directory equals the key of the same files read"
          + " loose, and changes when one byte of one file does")
  void sameKeyFromAJarAndFromFiles(@TempDir Path tmp) throws Exception {
    List<Entry> entries = KnowledgeBase.bundledWith(List.of()).entries();
    ClassLoader bundled = BundledSnapshot.class.getClassLoader();
    Path loose = tmp.resolve("loose");
    Path jar = tmp.resolve("entries.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (Entry e : entries) {
        String name = EntryLoader.BUNDLED + e.source().substring("entries".length());
        byte[] bytes;
        try (InputStream in = bundled.getResourceAsStream(name)) {
          bytes = in.readAllBytes();
        }
        Files.createDirectories(loose.resolve(name).getParent());
        Files.write(loose.resolve(name), bytes);
        out.putNextEntry(new JarEntry(name));
        out.write(bytes);
      }
    }
    long fromFiles;
    long fromJar;
    try (URLClassLoader files = loader(loose);
        URLClassLoader jarred = loader(jar)) {
      fromFiles = BundledSnapshot.fingerprint(entries, files);
      fromJar = BundledSnapshot.fingerprint(entries, jarred);
    }
    Path changed = loose.resolve(EntryLoader.BUNDLED + entries.get(3).source().substring(7));
    Files.writeString(changed, Files.readString(changed).replaceFirst("a", "b"));
    long afterChange;
    try (URLClassLoader files = loader(loose)) {
      afterChange = BundledSnapshot.fingerprint(entries, files);
    }

    assertThat(fromJar).isEqualTo(fromFiles).isEqualTo(BundledSnapshot.fingerprint(entries));
    assertThat(afterChange).isNotEqualTo(fromFiles);
  }

  private static URLClassLoader loader(Path path) throws Exception {
    return new URLClassLoader(new URL[] {path.toUri().toURL()}, null);
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

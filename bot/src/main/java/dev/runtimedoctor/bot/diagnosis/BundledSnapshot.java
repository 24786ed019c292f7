package dev.runtimedoctor.bot.diagnosis;

import dev.runtimedoctor.knowledge.entry.Entry;
import dev.runtimedoctor.knowledge.entry.EntryLoader;
import dev.runtimedoctor.knowledge.entry.KnowledgeBase;
import dev.runtimedoctor.knowledge.index.IndexSnapshot;
import dev.runtimedoctor.knowledge.index.KnowledgeIndex;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index of every bundled pack, made at package time ({@code mvn package} runs {@link #main}
 * into the jar), so that a cold {@code ask} on the bundled knowledge neither parses the entry files
 * nor analyses them for Lucene. It is used only when it was made from the very entry files the
 * class path holds (a CRC-32 of each file, checked at start); otherwise, and for extra entries or a
 * subset of packs, the index is built at start as before.
 */
public final class BundledSnapshot {
  private static final Logger log = LoggerFactory.getLogger(BundledSnapshot.class);

  /** Where the snapshot sits on the class path. */
  static final String RESOURCE = "dev/runtimedoctor/bot/diagnosis/bundled-knowledge.snapshot";

  private BundledSnapshot() {}

  /**
   * The bundled knowledge's index from the snapshot; empty when the class path holds none (classes
   * not packaged by Maven) or one made from other entry files than those bundled now.
   */
  static Optional<KnowledgeIndex> read() {
    try (InputStream in = BundledSnapshot.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        log.debug("no bundled knowledge snapshot, building the index");
        return Optional.empty();
      }
      return read(new BufferedInputStream(in, 1 << 16));
    } catch (IOException e) {
      log.warn("bundled knowledge snapshot unreadable, building the index: {}", e.toString());
      return Optional.empty();
    }
  }

  /** As {@link #read()}, from {@code in}. */
  static Optional<KnowledgeIndex> read(InputStream in) {
    try {
      IndexSnapshot.Read read = IndexSnapshot.read(in);
      if (read.key() != fingerprint(read.index().entries())) {
        log.warn("bundled knowledge snapshot is stale, building the index");
        return Optional.empty();
      }
      return Optional.of(read.index());
    } catch (IOException | RuntimeException e) {
      log.warn("bundled knowledge snapshot unreadable, building the index: {}", e.toString());
      return Optional.empty();
    }
  }

  /**
   * A CRC-32 over the names and the CRC-32s of the bundled entry files {@code entries} were read
   * from, in order. A file in a jar is not read: the jar's directory holds its CRC-32, the one this
   * method computes for a loose file; a cold start saves inflating 39 files.
   *
   * @throws IOException when one of them is no longer on the class path
   */
  static long fingerprint(List<Entry> entries) throws IOException {
    return fingerprint(entries, BundledSnapshot.class.getClassLoader());
  }

  /** As {@link #fingerprint(List)}, of the files {@code loader} finds. */
  static long fingerprint(List<Entry> entries, ClassLoader loader) throws IOException {
    CRC32 crc = new CRC32();
    ByteBuffer fileCrc = ByteBuffer.allocate(Long.BYTES);
    for (Entry e : entries) {
      // A bundled entry's source is "entries/PACK/FILE.md", under the bundled folder.
      String name = EntryLoader.BUNDLED + e.source().substring("entries".length());
      URL url = loader.getResource(name);
      if (url == null) {
        throw new IOException(name + " is not on the class path");
      }
      crc.update(name.getBytes(StandardCharsets.UTF_8));
      crc.update(fileCrc.clear().putLong(0, crcOf(url)));
    }
    return crc.getValue();
  }

  private static long crcOf(URL url) throws IOException {
    URLConnection connection = url.openConnection();
    if (connection instanceof JarURLConnection jar) {
      long stored = jar.getJarEntry().getCrc();
      if (stored >= 0) {
        return stored;
      }
    }
    try (InputStream in = connection.getInputStream()) {
      CRC32 crc = new CRC32();
      crc.update(in.readAllBytes());
      return crc.getValue();
    }
  }

  /**
   * Writes the snapshot of every bundled pack to the file {@code args[0]}: the build's step, run on
   * the module's classes before the tests and the jar.
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: BundledSnapshot FILE");
    }
    KnowledgeIndex index = KnowledgeIndex.build(KnowledgeBase.bundledWith(List.of()));
    Path file = Path.of(args[0]);
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
      IndexSnapshot.write(index, fingerprint(index.entries()), out);
    }
  }
}

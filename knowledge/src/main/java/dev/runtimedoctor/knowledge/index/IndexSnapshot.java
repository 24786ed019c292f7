package dev.runtimedoctor.knowledge.index;

import dev.runtimedoctor.knowledge.analysis.TextAnalyzers;
import dev.runtimedoctor.knowledge.entry.Entry;
import dev.runtimedoctor.knowledge.entry.EntryCodec;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;

/**
 * A {@link KnowledgeIndex} saved as bytes and read back without parsing, analysing or compiling its
 * entries again: the entries ({@link EntryCodec}), the compiled signatures, the prose postings and
 * symptom phrases, and the files of the Lucene index. Made at package time for the bundled
 * knowledge, so a cold {@code ask} does none of the index build; the Lucene files are opened only
 * when a search needs them (a knowledge base small enough to be scored whole never does).
 *
 * <p>Layout: magic, format version, a key chosen by the writer (what the snapshot was made from,
 * checked by the reader), the entries, the signature part, the prose part, then each Lucene file as
 * name, length and bytes. Only the build that wrote a snapshot reads it (same classes, same
 * Lucene), so there is no migration.
 */
public final class IndexSnapshot {
  private static final int MAGIC = 0x52444b53; // "RDKS"
  private static final int FORMAT = 2;

  private IndexSnapshot() {}

  /** A snapshot read back: the key its writer gave, and the index. */
  public record Read(long key, KnowledgeIndex index) {}

  /** Writes {@code index} with {@code key}; does not close {@code out}. */
  public static void write(KnowledgeIndex index, long key, OutputStream out) throws IOException {
    DataOutputStream data = new DataOutputStream(out);
    data.writeInt(MAGIC);
    data.writeInt(FORMAT);
    data.writeLong(key);
    EntryCodec.write(index.entries(), data);
    index.signatures().write(data);
    index.prose().write(data);
    Directory dir = index.lucene().directory();
    String[] files = dir.listAll();
    data.writeInt(files.length);
    for (String name : files) {
      try (IndexInput in = dir.openInput(name, IOContext.READONCE)) {
        byte[] bytes = new byte[Math.toIntExact(in.length())];
        in.readBytes(bytes, 0, bytes.length);
        data.writeUTF(name);
        data.writeInt(bytes.length);
        data.write(bytes);
      }
    }
    data.flush();
  }

  /**
   * Reads a snapshot {@link #write} made.
   *
   * @throws IOException when the bytes are not a snapshot of this format, or end early
   */
  public static Read read(InputStream in) throws IOException {
    DataInputStream data = new DataInputStream(in);
    if (data.readInt() != MAGIC || data.readInt() != FORMAT) {
      throw new IOException("not an index snapshot of format " + FORMAT);
    }
    long key = data.readLong();
    List<Entry> entries = EntryCodec.read(data);
    SignatureIndex signatures = SignatureIndex.read(data);
    ProseIndex prose = ProseIndex.read(data, new TextAnalyzers());
    int files = data.readInt();
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    for (int f = 0; f < files; f++) {
      String name = data.readUTF();
      byte[] bytes = new byte[data.readInt()];
      data.readFully(bytes);
      try (IndexOutput out = dir.createOutput(name, IOContext.DEFAULT)) {
        out.writeBytes(bytes, bytes.length);
      }
    }
    try {
      return new Read(
          key, new KnowledgeIndex(entries, signatures, prose, LuceneIndex.openOnUse(dir, entries)));
    } catch (IllegalArgumentException e) {
      throw new IOException("snapshot parts disagree: " + e.getMessage(), e);
    }
  }
}

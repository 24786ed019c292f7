package dev.runtimedoctor.knowledge.entry;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The primitive shapes a knowledge snapshot is written in: strings as a length and UTF-8 bytes
 * ({@link DataOutput#writeUTF} stops at 64 KB, a body may not), and counted lists and arrays. A
 * negative count means the bytes are not a snapshot, and is refused with an {@link IOException}.
 */
public final class SnapshotData {
  private SnapshotData() {}

  /** Writes {@code s} as its length in bytes and its UTF-8 bytes. */
  public static void writeString(DataOutput out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  /** Reads a string {@link #writeString} wrote. */
  public static String readString(DataInput in) throws IOException {
    byte[] b = new byte[count(in)];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  /** Writes the size of {@code list} and each string. */
  public static void writeStrings(DataOutput out, List<String> list) throws IOException {
    out.writeInt(list.size());
    for (String s : list) {
      writeString(out, s);
    }
  }

  /** Reads a list {@link #writeStrings} wrote. */
  public static List<String> readStrings(DataInput in) throws IOException {
    int n = count(in);
    List<String> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(readString(in));
    }
    return list;
  }

  /** Writes the length of {@code values} and each value. */
  public static void writeInts(DataOutput out, int[] values) throws IOException {
    out.writeInt(values.length);
    for (int v : values) {
      out.writeInt(v);
    }
  }

  /** Reads an array {@link #writeInts} wrote. */
  public static int[] readInts(DataInput in) throws IOException {
    int[] values = new int[count(in)];
    for (int i = 0; i < values.length; i++) {
      values[i] = in.readInt();
    }
    return values;
  }

  /** Writes the length of {@code values} and each value. */
  public static void writeLongs(DataOutput out, long[] values) throws IOException {
    out.writeInt(values.length);
    for (long v : values) {
      out.writeLong(v);
    }
  }

  /** Reads an array {@link #writeLongs} wrote. */
  public static long[] readLongs(DataInput in) throws IOException {
    long[] values = new long[count(in)];
    for (int i = 0; i < values.length; i++) {
      values[i] = in.readLong();
    }
    return values;
  }

  /** Writes the length of {@code values} and each value. */
  public static void writeDoubles(DataOutput out, double[] values) throws IOException {
    out.writeInt(values.length);
    for (double v : values) {
      out.writeDouble(v);
    }
  }

  /** Reads an array {@link #writeDoubles} wrote. */
  public static double[] readDoubles(DataInput in) throws IOException {
    double[] values = new double[count(in)];
    for (int i = 0; i < values.length; i++) {
      values[i] = in.readDouble();
    }
    return values;
  }

  /** Writes one value of a snapshot. */
  @FunctionalInterface
  public interface ValueWriter<T> {
    void write(DataOutput out, T value) throws IOException;
  }

  /** Reads one value of a snapshot. */
  @FunctionalInterface
  public interface ValueReader<T> {
    T read(DataInput in) throws IOException;
  }

  /** Writes the size of {@code map}, then each key and its value with {@code values}. */
  public static <T> void writeMap(DataOutput out, Map<String, T> map, ValueWriter<T> values)
      throws IOException {
    out.writeInt(map.size());
    for (Map.Entry<String, T> e : map.entrySet()) {
      writeString(out, e.getKey());
      values.write(out, e.getValue());
    }
  }

  /** Reads a map {@link #writeMap} wrote, its values with {@code values}. */
  public static <T> Map<String, T> readMap(DataInput in, ValueReader<T> values) throws IOException {
    int n = count(in);
    Map<String, T> map = new HashMap<>(2 * n);
    for (int i = 0; i < n; i++) {
      map.put(readString(in), values.read(in));
    }
    return map;
  }

  /**
   * Reads a count.
   *
   * @throws IOException when it is negative: the bytes are not a snapshot
   */
  public static int count(DataInput in) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      throw new IOException("not a knowledge snapshot: negative length " + n);
    }
    return n;
  }
}

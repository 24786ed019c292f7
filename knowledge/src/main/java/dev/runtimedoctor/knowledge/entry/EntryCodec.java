package dev.runtimedoctor.knowledge.entry;

import static dev.runtimedoctor.knowledge.entry.SnapshotData.count;
import static dev.runtimedoctor.knowledge.entry.SnapshotData.readString;
import static dev.runtimedoctor.knowledge.entry.SnapshotData.readStrings;
import static dev.runtimedoctor.knowledge.entry.SnapshotData.writeString;
import static dev.runtimedoctor.knowledge.entry.SnapshotData.writeStrings;

import dev.runtimedoctor.knowledge.version.Version;
import dev.runtimedoctor.knowledge.version.VersionRange;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Entries as bytes and back, field by field, for a snapshot made at package time: reading them back
 * costs no YAML or Markdown parsing. Entries read back equal the entries written ({@link Entry} is
 * a record of records); the format is private to one build, so it carries no version of its own
 * (the snapshot that holds it does).
 */
public final class EntryCodec {
  private EntryCodec() {}

  /** Writes {@code entries}, in order. */
  public static void write(List<Entry> entries, DataOutput out) throws IOException {
    out.writeInt(entries.size());
    for (Entry e : entries) {
      writeString(out, e.id());
      writeString(out, e.area());
      writeString(out, e.title().it());
      writeString(out, e.title().en());
      writeStrings(out, e.signatures());
      for (Language l : Language.values()) {
        writeStrings(out, e.symptoms(l));
      }
      writeAffected(out, e.affected());
      writeStrings(out, e.references());
      out.writeInt(e.checks().size());
      for (CheckSpec c : e.checks()) {
        writeString(out, c.type());
        out.writeInt(c.params().size());
        for (Map.Entry<String, List<String>> p : c.params().entrySet()) {
          writeString(out, p.getKey());
          writeStrings(out, p.getValue());
        }
      }
      writeStrings(out, e.causedBy());
      for (Language l : Language.values()) {
        Map<Section, String> sections = e.body(l).sections();
        out.writeInt(sections.size());
        for (Map.Entry<Section, String> s : sections.entrySet()) {
          out.writeByte(s.getKey().ordinal());
          writeString(out, s.getValue());
        }
      }
      writeString(out, e.source());
      out.writeByte(e.kind().ordinal());
      writeString(out, e.pack());
    }
  }

  /**
   * Reads what {@link #write} wrote.
   *
   * @throws IOException when the bytes end early or do not hold entries
   */
  public static List<Entry> read(DataInput in) throws IOException {
    int n = count(in);
    List<Entry> entries = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String id = readString(in);
      String area = readString(in);
      LocalizedText title = new LocalizedText(readString(in), readString(in));
      List<String> signatures = readStrings(in);
      Map<Language, List<String>> symptoms = new EnumMap<>(Language.class);
      for (Language l : Language.values()) {
        symptoms.put(l, readStrings(in));
      }
      Affected affected = readAffected(in);
      List<String> references = readStrings(in);
      int nc = count(in);
      List<CheckSpec> checks = new ArrayList<>(nc);
      for (int c = 0; c < nc; c++) {
        String type = readString(in);
        int np = count(in);
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (int p = 0; p < np; p++) {
          params.put(readString(in), readStrings(in));
        }
        checks.add(new CheckSpec(type, params));
      }
      List<String> causedBy = readStrings(in);
      Map<Language, EntryBody> body = new EnumMap<>(Language.class);
      for (Language l : Language.values()) {
        int ns = count(in);
        Map<Section, String> sections = new EnumMap<>(Section.class);
        for (int s = 0; s < ns; s++) {
          sections.put(Section.values()[in.readByte()], readString(in));
        }
        body.put(l, new EntryBody(sections));
      }
      String source = readString(in);
      Kind kind = Kind.values()[in.readByte()];
      String pack = readString(in);
      entries.add(
          new Entry(
              id,
              area,
              title,
              signatures,
              symptoms,
              affected,
              references,
              checks,
              causedBy,
              body,
              source,
              kind,
              pack));
    }
    return entries;
  }

  private static void writeAffected(DataOutput out, Affected a) throws IOException {
    out.writeByte(a.platform().ordinal());
    for (List<VersionRange> ranges : List.of(a.gke(), a.containerd())) {
      out.writeInt(ranges.size());
      for (VersionRange r : ranges) {
        writeBound(out, r.lower());
        writeBound(out, r.upper());
        writeString(out, r.text());
      }
    }
    for (List<Version> versions : List.of(a.fixedGke(), a.fixedContainerd())) {
      out.writeInt(versions.size());
      for (Version v : versions) {
        writeVersion(out, v);
      }
    }
  }

  private static Affected readAffected(DataInput in) throws IOException {
    Platform platform = Platform.values()[in.readByte()];
    List<List<VersionRange>> ranges = new ArrayList<>();
    for (int k = 0; k < 2; k++) {
      int n = count(in);
      List<VersionRange> list = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        list.add(new VersionRange(readBound(in), readBound(in), readString(in)));
      }
      ranges.add(list);
    }
    List<List<Version>> fixed = new ArrayList<>();
    for (int k = 0; k < 2; k++) {
      int n = count(in);
      List<Version> list = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        list.add(readVersion(in));
      }
      fixed.add(list);
    }
    return new Affected(platform, ranges.get(0), ranges.get(1), fixed.get(0), fixed.get(1));
  }

  private static void writeBound(DataOutput out, Optional<VersionRange.Bound> b)
      throws IOException {
    out.writeBoolean(b.isPresent());
    if (b.isPresent()) {
      writeVersion(out, b.get().version());
      out.writeBoolean(b.get().inclusive());
    }
  }

  private static Optional<VersionRange.Bound> readBound(DataInput in) throws IOException {
    if (!in.readBoolean()) {
      return Optional.empty();
    }
    return Optional.of(new VersionRange.Bound(readVersion(in), in.readBoolean()));
  }

  private static void writeVersion(DataOutput out, Version v) throws IOException {
    out.writeInt(v.major());
    out.writeInt(v.minor());
    out.writeInt(v.patch());
    out.writeLong(v.build());
    out.writeInt(v.precision());
  }

  private static Version readVersion(DataInput in) throws IOException {
    return new Version(in.readInt(), in.readInt(), in.readInt(), in.readLong(), in.readInt());
  }
}

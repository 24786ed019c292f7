package dev.runtimedoctor.knowledge.index;

import static dev.runtimedoctor.knowledge.entry.SnapshotData.count;
import static dev.runtimedoctor.knowledge.entry.SnapshotData.readDoubles;
import static dev.runtimedoctor.knowledge.entry.SnapshotData.readInts;
import static dev.runtimedoctor.knowledge.entry.SnapshotData.readString;
import static dev.runtimedoctor.knowledge.entry.SnapshotData.readStrings;
import static dev.runtimedoctor.knowledge.entry.SnapshotData.writeDoubles;
import static dev.runtimedoctor.knowledge.entry.SnapshotData.writeInts;
import static dev.runtimedoctor.knowledge.entry.SnapshotData.writeString;
import static dev.runtimedoctor.knowledge.entry.SnapshotData.writeStrings;

import dev.runtimedoctor.knowledge.analysis.LogTokens;
import dev.runtimedoctor.knowledge.analysis.Masker;
import dev.runtimedoctor.knowledge.entry.Entry;
import dev.runtimedoctor.knowledge.entry.Placeholder;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every entry's signatures compiled for alignment with a paste: the signature words as a
 * vocabulary, and each signature as word ids with the weight of each word (rare words weigh more,
 * glue words little).
 *
 * @param vocabulary the words of every signature; a word's id is its position in it
 * @param byEntry the compiled signatures of each entry, in the entries' order
 */
public record SignatureIndex(Vocabulary vocabulary, List<List<CompiledSignature>> byEntry) {
  /** Words most error logs contain, whatever the issue: kept for order, weighted down. */
  private static final Set<String> COMMON = loadCommonWords();

  private static final double COMMON_FACTOR = 0.35;

  private static final int MAX_ANCHORS = 3;

  /**
   * Go errors wrap causes as "context: cause: root cause"; each part must be present for the
   * signature to be, so coverage is judged per part.
   */
  private static final Pattern SEGMENT = Pattern.compile(":\\s+");

  public SignatureIndex {
    Objects.requireNonNull(vocabulary, "vocabulary");
    byEntry = byEntry.stream().map(List::copyOf).toList();
  }

  /** Compiles the signatures of {@code entries}, weighing each word by how many entries use it. */
  public static SignatureIndex build(List<Entry> entries) {
    List<List<TokenizedSignature>> tokenized =
        entries.parallelStream().map(SignatureIndex::tokenize).toList();
    // In how many entries each word appears: a word every variant of one entry repeats is still
    // specific to that entry.
    Map<String, Integer> df = new HashMap<>();
    for (List<TokenizedSignature> signatures : tokenized) {
      Set<String> entryWords = new HashSet<>();
      for (TokenizedSignature t : signatures) {
        entryWords.addAll(t.tokens());
      }
      for (String t : entryWords) {
        df.merge(t, 1, Integer::sum);
      }
    }
    List<String> words = new ArrayList<>(df.keySet());
    words.sort(null);
    Map<String, Integer> ids = new HashMap<>();
    double[] weights = new double[words.size()];
    int n = Math.max(2, entries.size());
    for (int i = 0; i < words.size(); i++) {
      String t = words.get(i);
      ids.put(t, i);
      double idf = Math.log(1.0 + (double) n / df.get(t));
      weights[i] = COMMON.contains(t) || t.length() == 1 ? idf * COMMON_FACTOR : idf;
    }
    List<List<CompiledSignature>> byEntry = new ArrayList<>(entries.size());
    for (int e = 0; e < entries.size(); e++) {
      List<CompiledSignature> compiled = new ArrayList<>();
      for (TokenizedSignature t : tokenized.get(e)) {
        compiled.add(compile(e, t, ids, weights));
      }
      byEntry.add(compiled);
    }
    return new SignatureIndex(new Vocabulary(words), byEntry);
  }

  /** Writes this index for {@link #read}: the vocabulary's words, then each entry's signatures. */
  void write(DataOutput out) throws IOException {
    writeStrings(out, vocabulary.words());
    out.writeInt(byEntry.size());
    for (List<CompiledSignature> signatures : byEntry) {
      out.writeInt(signatures.size());
      for (CompiledSignature c : signatures) {
        out.writeInt(c.entry());
        writeString(out, c.text());
        writeInts(out, c.tokens());
        writeDoubles(out, c.weights());
        out.writeDouble(c.totalWeight());
        writeInts(out, c.anchors());
        writeInts(out, c.segments());
      }
    }
  }

  /**
   * Reads an index {@link #write} wrote, equal to the one written.
   *
   * @throws IOException when the bytes end early or hold a negative count
   */
  static SignatureIndex read(DataInput in) throws IOException {
    Vocabulary vocabulary = new Vocabulary(readStrings(in));
    int entries = count(in);
    List<List<CompiledSignature>> byEntry = new ArrayList<>(entries);
    for (int e = 0; e < entries; e++) {
      int n = count(in);
      List<CompiledSignature> signatures = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        signatures.add(
            new CompiledSignature(
                in.readInt(),
                readString(in),
                readInts(in),
                readDoubles(in),
                in.readDouble(),
                readInts(in),
                readInts(in)));
      }
      byEntry.add(signatures);
    }
    return new SignatureIndex(vocabulary, byEntry);
  }

  /** How many entries the index covers. */
  public int entryCount() {
    return byEntry.size();
  }

  /** The compiled signatures of the entry at {@code entry}. */
  public List<CompiledSignature> of(int entry) {
    return byEntry.get(entry);
  }

  private record TokenizedSignature(String text, List<String> tokens, int[] segments) {}

  /** An entry's signatures as words (placeholders dropped), each with its error-chain part. */
  private static List<TokenizedSignature> tokenize(Entry entry) {
    List<TokenizedSignature> out = new ArrayList<>();
    for (String sig : entry.signatures()) {
      List<String> toks = new ArrayList<>();
      List<Integer> segs = new ArrayList<>();
      String[] segments = SEGMENT.split(Masker.mask(sig));
      for (int g = 0; g < segments.length; g++) {
        for (String t : LogTokens.of(segments[g])) {
          if (!Placeholder.startsAt(t, 0)) {
            toks.add(t);
            segs.add(g);
          }
        }
      }
      if (!toks.isEmpty()) {
        out.add(
            new TokenizedSignature(sig, toks, segs.stream().mapToInt(Integer::intValue).toArray()));
      }
    }
    return out;
  }

  private static CompiledSignature compile(
      int entry, TokenizedSignature t, Map<String, Integer> wordIds, double[] weights) {
    List<String> toks = t.tokens();
    int[] ids = new int[toks.size()];
    double[] ws = new double[toks.size()];
    double total = 0;
    for (int i = 0; i < ids.length; i++) {
      ids[i] = wordIds.get(toks.get(i));
      ws[i] = weights[ids[i]];
      total += ws[i];
    }
    return new CompiledSignature(
        entry, t.text(), ids, ws, total, heaviest(ids, ws, MAX_ANCHORS), t.segments());
  }

  /** The ids of the {@code k} heaviest distinct words, heaviest first. */
  private static int[] heaviest(int[] ids, double[] ws, int k) {
    int[] out = new int[Math.min(k, ids.length)];
    int n = 0;
    boolean[] used = new boolean[ids.length];
    while (n < out.length) {
      int best = -1;
      for (int i = 0; i < ids.length; i++) {
        if (!used[i] && (best < 0 || ws[i] > ws[best])) {
          best = i;
        }
      }
      if (best < 0) {
        break;
      }
      used[best] = true;
      boolean seen = false;
      for (int j = 0; j < n; j++) {
        seen |= out[j] == ids[best];
      }
      if (!seen) {
        out[n++] = ids[best];
      }
      boolean anyLeft = false;
      for (boolean u : used) {
        anyLeft |= !u;
      }
      if (!anyLeft) {
        break;
      }
    }
    return Arrays.copyOf(out, n);
  }

  private static Set<String> loadCommonWords() {
    try (var in = SignatureIndex.class.getResourceAsStream("common-log-words.txt")) {
      if (in == null) {
        throw new IllegalStateException("common-log-words.txt missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .collect(Collectors.toUnmodifiableSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.runtimedoctor.knowledge.eval;

import dev.runtimedoctor.knowledge.entry.Affected;
import dev.runtimedoctor.knowledge.entry.Entry;
import dev.runtimedoctor.knowledge.entry.EntryBody;
import dev.runtimedoctor.knowledge.entry.Kind;
import dev.runtimedoctor.knowledge.entry.Language;
import dev.runtimedoctor.knowledge.entry.LocalizedText;
import dev.runtimedoctor.knowledge.entry.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A large made-up knowledge base for scale benchmarks: entries whose signatures and prose are drawn
 * from a vocabulary of log words, so retrieval has real work to do.
 */
public final class SyntheticKnowledge {
  private SyntheticKnowledge() {}

  /** {@code n} entries added to {@code real}, deterministic for a seed. */
  public static List<Entry> generate(List<Entry> real, int n, long seed) {
    Random r = new Random(seed);
    List<String> vocab = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      vocab.add(word(r));
    }
    List<Entry> out = new ArrayList<>(real);
    for (int i = 0; i < n; i++) {
      List<String> sigs = new ArrayList<>();
      for (int s = 0; s < 3; s++) {
        sigs.add(
            "failed to "
                + words(r, vocab, 4 + r.nextInt(8))
                + ": "
                + words(r, vocab, 3 + r.nextInt(6))
                + " <id>");
      }
      String prose = words(r, vocab, 60);
      EntryBody body =
          new EntryBody(
              Map.of(
                  Section.SYMPTOM, prose,
                  Section.CAUSE, words(r, vocab, 30),
                  Section.RESOLUTION, words(r, vocab, 30)));
      out.add(
          new Entry(
              "synthetic-" + i,
              "nodes",
              new LocalizedText(words(r, vocab, 6), words(r, vocab, 6)),
              sigs,
              Map.of(
                  Language.IT,
                  List.of(words(r, vocab, 4)),
                  Language.EN,
                  List.of(words(r, vocab, 4))),
              Affected.ALL,
              List.of(),
              List.of(),
              List.of(),
              Map.of(Language.IT, body, Language.EN, body),
              "synthetic/" + i + ".md",
              Kind.KNOWN_ISSUE,
              "synthetic"));
    }
    return out;
  }

  private static String words(Random r, List<String> vocab, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append(' ');
      }
      // Zipf-like: a few words are common, most are rare, as in real logs.
      int k =
          (int) Math.min(vocab.size() - 1, Math.floor(Math.pow(r.nextDouble(), 3) * vocab.size()));
      sb.append(vocab.get(k));
    }
    return sb.toString();
  }

  private static String word(Random r) {
    int len = 4 + r.nextInt(8);
    StringBuilder sb = new StringBuilder(len);
    for (int i = 0; i < len; i++) {
      sb.append((char) ('a' + r.nextInt(26)));
    }
    return sb.toString();
  }
}

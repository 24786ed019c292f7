package dev.runtimedoctor.bot.feedback;

import dev.runtimedoctor.bot.feedback.FeedbackRecord.Unmatched;
import dev.runtimedoctor.bot.feedback.FeedbackRecord.Verdict;
import dev.runtimedoctor.bot.feedback.FeedbackRecord.Vote;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the feedback log says: per entry how often its answers were helpful or not, which entry
 * people said a wrong answer really was, and the unmatched pastes seen most often — the candidates
 * for new entries.
 *
 * @param records the records read
 * @param entries per entry, by id
 * @param confusions answered entry → the entry people said it really was, most frequent first
 * @param candidates unmatched pastes by fingerprint, most frequent first
 */
public record FeedbackSummary(
    int records,
    List<EntryFeedback> entries,
    List<Confusion> confusions,
    List<Candidate> candidates) {

  public FeedbackSummary {
    entries = List.copyOf(entries);
    confusions = List.copyOf(confusions);
    candidates = List.copyOf(candidates);
  }

  /**
   * Feedback on one entry.
   *
   * @param helpful "Helpful" clicks on answers naming it
   * @param notIt "Not it" clicks on answers naming it
   * @param reallyIt times someone said a wrong answer was really this entry
   */
  public record EntryFeedback(String entry, int helpful, int notIt, int reallyIt) {}

  /** An answer that named {@code answered} when it was really {@code actual}. */
  public record Confusion(String answered, String actual, int count) {}

  /**
   * A paste the bot could not match (or that people said matched none of the known issues).
   *
   * @param closest the closest entry seen most often for it, however weak
   */
  public record Candidate(
      String fingerprint, int count, Instant first, Instant last, Optional<String> closest) {}

  /** Summarises {@code records}, keeping the {@code top} most frequent candidates. */
  public static FeedbackSummary of(List<FeedbackRecord> records, int top) {
    Map<String, int[]> perEntry = new TreeMap<>();
    Map<String, Integer> confusions = new HashMap<>();
    Map<String, CandidateBuilder> candidates = new HashMap<>();
    for (FeedbackRecord r : records) {
      if (r instanceof Vote v) {
        vote(v, perEntry, confusions, candidates);
      } else if (r instanceof Unmatched u && !u.fingerprint().isEmpty()) {
        candidates
            .computeIfAbsent(u.fingerprint(), CandidateBuilder::new)
            .seen(u.at(), u.closest());
      }
    }
    List<EntryFeedback> entries = new ArrayList<>();
    perEntry.forEach((id, c) -> entries.add(new EntryFeedback(id, c[0], c[1], c[2])));
    List<Confusion> confused = new ArrayList<>();
    confusions.forEach(
        (k, n) -> {
          String[] pair = k.split("\n", 2);
          confused.add(new Confusion(pair[0], pair[1], n));
        });
    confused.sort(
        Comparator.comparingInt(Confusion::count)
            .reversed()
            .thenComparing(Confusion::answered)
            .thenComparing(Confusion::actual));
    List<Candidate> cands =
        candidates.values().stream()
            .map(CandidateBuilder::build)
            .sorted(
                Comparator.comparingInt(Candidate::count)
                    .reversed()
                    .thenComparing(Candidate::last, Comparator.reverseOrder())
                    .thenComparing(Candidate::fingerprint))
            .limit(Math.max(0, top))
            .toList();
    return new FeedbackSummary(records.size(), entries, confused, cands);
  }

  private static void vote(
      Vote v,
      Map<String, int[]> perEntry,
      Map<String, Integer> confusions,
      Map<String, CandidateBuilder> candidates) {
    switch (v.verdict()) {
      case HELPFUL -> v.entries().forEach(e -> perEntry.computeIfAbsent(e, k -> new int[3])[0]++);
      case NOT_IT -> v.entries().forEach(e -> perEntry.computeIfAbsent(e, k -> new int[3])[1]++);
      case ACTUAL -> {
        if (v.actual().isPresent()) {
          String actual = v.actual().get();
          perEntry.computeIfAbsent(actual, k -> new int[3])[2]++;
          if (!v.entries().isEmpty() && !v.entries().get(0).equals(actual)) {
            confusions.merge(v.entries().get(0) + "\n" + actual, 1, Integer::sum);
          }
        } else if (!v.fingerprint().isEmpty()) {
          // "None of these": the paste is a known-issue candidate like an unmatched one.
          candidates
              .computeIfAbsent(v.fingerprint(), CandidateBuilder::new)
              .seen(v.at(), v.entries().stream().findFirst());
        }
      }
    }
  }

  /** The verdicts counted per entry, for callers that only need totals. */
  public int total(Verdict verdict) {
    return entries.stream()
        .mapToInt(
            e ->
                switch (verdict) {
                  case HELPFUL -> e.helpful();
                  case NOT_IT -> e.notIt();
                  case ACTUAL -> e.reallyIt();
                })
        .sum();
  }

  private static final class CandidateBuilder {
    private final String fingerprint;
    private final Map<String, Integer> closest = new HashMap<>();
    private int count;
    private Instant first;
    private Instant last;

    CandidateBuilder(String fingerprint) {
      this.fingerprint = fingerprint;
    }

    void seen(Instant at, Optional<String> near) {
      count++;
      first = first == null || at.isBefore(first) ? at : first;
      last = last == null || at.isAfter(last) ? at : last;
      near.ifPresent(n -> closest.merge(n, 1, Integer::sum));
    }

    Candidate build() {
      Optional<String> near =
          closest.entrySet().stream()
              .max(
                  Map.Entry.<String, Integer>comparingByValue()
                      .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
              .map(Map.Entry::getKey);
      return new Candidate(fingerprint, count, first, last, near);
    }
  }
}

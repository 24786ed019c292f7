package dev.runtimedoctor.knowledge.eval;

import java.util.List;
import java.util.Locale;

/**
 * Matching quality over labelled cases, with the definitions of {@code shared/eval/score.py}:
 * top-1, top-3 and MRR over the positives; the false-reply rate over the negatives.
 *
 * @param misses positives whose expected entry did not rank first: "id expected=… got=[…]"
 */
public record EvalReport(
    int positives,
    int negatives,
    double top1,
    double top3,
    double mrr,
    double replyRecall,
    double falseReplyRate,
    List<String> misses) {
  public EvalReport {
    misses = List.copyOf(misses);
  }

  /** The figures on one line each, as the harness prints them. */
  public String summary() {
    return String.format(
        Locale.ROOT,
        "positives %d, negatives %d%ntop1 %.4f%ntop3 %.4f%nmrr %.4f%nreply_recall %.4f%nfalse_reply_rate %.4f",
        positives,
        negatives,
        top1,
        top3,
        mrr,
        replyRecall,
        falseReplyRate);
  }
}

package dev.runtimedoctor.knowledge.eval;

import java.util.List;
import java.util.Locale;

/**
 * Matching quality over labelled cases, with the definitions of {@code shared/eval/score.py}:
 * top-1, top-3 and MRR over the positives; the false-reply rate over the negatives; the reply
 * recall (the expected entry first and {@code reply} true) over all positives and split by whether
 * the paste carries an error line ({@link Evaluation#carriesErrorLine}); and how often the top
 * match is right at each confidence.
 *
 * @param errorPositives positives that carry an error line
 * @param errorReplyRecall reply recall over those
 * @param proseReplyRecall reply recall over the other positives (questions, descriptions)
 * @param calibration cases by the confidence of their top match, lowest bucket first
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
    int errorPositives,
    double errorReplyRecall,
    double proseReplyRecall,
    List<Bucket> calibration,
    List<String> misses) {
  public EvalReport {
    calibration = List.copyOf(calibration);
    misses = List.copyOf(misses);
  }

  /**
   * The cases whose top match has a confidence in {@code [low, high)} ({@code [low, high]} for the
   * last bucket), and how many of them it names the expected entry for: a negative's top match is
   * always wrong.
   */
  public record Bucket(double low, double high, int cases, int right) {
    /** The share of right top matches, or NaN for an empty bucket. */
    public double precision() {
      return cases == 0 ? Double.NaN : (double) right / cases;
    }
  }

  /** The figures on one line each, as the harness prints them. */
  public String summary() {
    return String.format(
        Locale.ROOT,
        "positives %d, negatives %d%ntop1 %.4f%ntop3 %.4f%nmrr %.4f%nreply_recall %.4f%n"
            + "reply_recall_error_lines %.4f (%d)%nreply_recall_prose %.4f (%d)%n"
            + "false_reply_rate %.4f",
        positives,
        negatives,
        top1,
        top3,
        mrr,
        replyRecall,
        errorReplyRecall,
        errorPositives,
        proseReplyRecall,
        positives - errorPositives,
        falseReplyRate);
  }

  /**
   * The calibration table: one line per confidence bucket with its cases and the share whose top
   * match is right ("-" when empty).
   */
  public String calibrationTable() {
    StringBuilder sb = new StringBuilder("confidence      cases  right\n");
    for (int i = 0; i < calibration.size(); i++) {
      Bucket b = calibration.get(i);
      boolean last = i == calibration.size() - 1;
      sb.append(
          String.format(
              Locale.ROOT,
              "[%.2f, %.2f%s  %5d  %s%n",
              b.low(),
              b.high(),
              last ? "]" : ")",
              b.cases(),
              b.cases() == 0 ? "    -" : String.format(Locale.ROOT, "%.3f", b.precision())));
    }
    return sb.toString();
  }
}

package dev.runtimedoctor.bot.cli;

import dev.runtimedoctor.knowledge.entry.KnowledgeBase;
import dev.runtimedoctor.knowledge.eval.EvalReport;
import dev.runtimedoctor.knowledge.eval.Evaluation;
import dev.runtimedoctor.knowledge.eval.LabelledCase;
import dev.runtimedoctor.knowledge.index.KnowledgeIndex;
import dev.runtimedoctor.knowledge.match.Matcher;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code eval CASES.jsonl}: matching quality on labelled cases, each figure against its floor (OK,
 * or FAIL with the shortfall), the reply recall split by pastes that carry an error line and the
 * rest, and the calibration table (confidence bucket → cases, share right); exit 1 when any floor
 * is missed.
 */
@Command(
    name = "eval",
    description = "Score the matcher on labelled cases {\"id\",\"expected\",\"text\"}.",
    footer = {
      "",
      "Exit 0 when every floor is met, 1 when one is missed, 2 when the cases cannot be read,"
          + " hold none, or expect an entry that does not exist."
    })
final class EvalCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Mixin KnowledgeOption knowledge = new KnowledgeOption();

  @Parameters(
      index = "0",
      paramLabel = "CASES.jsonl",
      description = "JSON Lines, one case a line: expected is an entry id, or null for a negative.")
  Path cases;

  @Option(names = "--min-top1", description = "Floor for top-1 (default 0.95).")
  double minTop1 = 0.95;

  @Option(names = "--min-top3", description = "Floor for top-3 (default 0.98).")
  double minTop3 = 0.98;

  @Option(
      names = "--max-false-reply",
      description = "Ceiling for the false-reply rate (default 0.01).")
  double maxFalseReply = 0.01;

  @Option(names = "--misses", description = "List the cases that missed.")
  boolean misses;

  EvalCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    KnowledgeBase kb = knowledge.knowledge(ctx.env());
    List<LabelledCase> labelled;
    try {
      labelled = Evaluation.read(cases);
    } catch (IOException e) {
      throw new UserException("cannot read cases: " + e.getMessage());
    }
    if (labelled.isEmpty()) {
      throw new UserException(
          cases + " holds no cases: one {\"id\",\"expected\",\"text\"} object a line");
    }
    // With no positive, top-1 and the reply recall mean nothing: often a misspelt "expected".
    if (labelled.stream().allMatch(c -> c.expected().isEmpty())) {
      throw new UserException(
          cases + " holds no positive case: no line has \"expected\" naming an entry");
    }
    // A label naming no entry would score as a miss forever: a typo, or the wrong --knowledge.
    Set<String> unknown = new TreeSet<>();
    labelled.forEach(c -> c.expected().filter(id -> kb.get(id).isEmpty()).ifPresent(unknown::add));
    if (!unknown.isEmpty()) {
      String first = unknown.iterator().next();
      throw new UserException(
          cases
              + ": "
              + unknown.size()
              + " expected id(s) name no entry: "
              + String.join(", ", unknown)
              + UnknownEntry.suggestion(first, kb.ids())
              + " (runtime-doctor list shows them all)");
    }
    EvalReport r = Evaluation.run(new Matcher(KnowledgeIndex.build(kb)), labelled);
    PrintWriter out = ctx.out();
    out.printf(Locale.ROOT, "cases: %d positives, %d negatives%n", r.positives(), r.negatives());
    boolean ok = floor(out, "top1", r.top1(), minTop1, true);
    ok &= floor(out, "top3", r.top3(), minTop3, true);
    out.printf(Locale.ROOT, "%-17s %.4f%n", "mrr", r.mrr());
    out.printf(Locale.ROOT, "%-17s %.4f%n", "reply_recall", r.replyRecall());
    out.printf(
        Locale.ROOT,
        "  %-15s %.4f  (%d positives carrying an error line)%n",
        "error lines",
        r.errorReplyRecall(),
        r.errorPositives());
    out.printf(
        Locale.ROOT,
        "  %-15s %.4f  (%d questions and descriptions)%n",
        "prose",
        r.proseReplyRecall(),
        r.positives() - r.errorPositives());
    ok &= floor(out, "false_reply_rate", r.falseReplyRate(), maxFalseReply, false);
    out.println();
    out.print(r.calibrationTable());
    if (misses) {
      r.misses().forEach(m -> out.println("  miss " + m));
    }
    return ok ? 0 : 1;
  }

  private static boolean floor(
      PrintWriter out, String name, double value, double bound, boolean atLeast) {
    boolean ok = atLeast ? value >= bound : value <= bound;
    out.printf(
        Locale.ROOT,
        "%-17s %.4f  %s (%s %.2f, %+.4f)%n",
        name,
        value,
        ok ? "OK" : "FAIL",
        atLeast ? "floor" : "ceiling",
        bound,
        value - bound);
    return ok;
  }
}

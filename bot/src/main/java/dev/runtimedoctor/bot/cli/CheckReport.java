package dev.runtimedoctor.bot.cli;

import dev.runtimedoctor.bot.cluster.CheckResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** What {@code check} and {@code ask --check} print for a person: one verdict per line. */
final class CheckReport {
  /** Evidence lines shown per result in a terminal; {@code --json} has them all. */
  private static final int EVIDENCE_LINES = 3;

  private CheckReport() {}

  static void print(String context, List<CheckResult> results, PrintWriter out) {
    out.println("cluster checks on context " + context + " (read-only)");
    for (CheckResult r : results) {
      out.printf(
          Locale.ROOT, "%-13s %s %s: %s%n", r.verdict().code(), r.entry(), r.check(), r.summary());
      List<String> evidence = r.evidence();
      evidence.stream().limit(EVIDENCE_LINES).forEach(e -> out.println("              " + e));
      if (evidence.size() > EVIDENCE_LINES) {
        out.println(
            "              (" + (evidence.size() - EVIDENCE_LINES) + " more lines with --json)");
      }
    }
  }
}

package dev.runtimedoctor.bot.cli;

import dev.runtimedoctor.bot.cluster.CheckResult;
import dev.runtimedoctor.bot.text.Catalog;
import dev.runtimedoctor.bot.text.Msg;
import dev.runtimedoctor.knowledge.entry.Language;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * What {@code check} and {@code ask --check} print for a person: one verdict per line, the
 * summaries in the reader's language. Verdict codes, entry ids and evidence stay as they are, for
 * grep.
 */
final class CheckReport {
  /** Evidence lines shown per result in a terminal; {@code --json} has them all. */
  private static final int EVIDENCE_LINES = 3;

  private CheckReport() {}

  static void print(String context, List<CheckResult> results, Language lang, PrintWriter out) {
    out.println(Catalog.get(Msg.CHECKS_ON_CONTEXT, lang, context));
    for (CheckResult r : results) {
      out.printf(
          Locale.ROOT,
          "%-13s %s %s: %s%n",
          r.verdict().code(),
          r.entry(),
          r.check(),
          r.summary(lang));
      List<String> evidence = r.evidence();
      evidence.stream().limit(EVIDENCE_LINES).forEach(e -> out.println("              " + e));
      if (evidence.size() > EVIDENCE_LINES) {
        out.println(
            "              ("
                + Catalog.get(Msg.EVIDENCE_MORE, lang, evidence.size() - EVIDENCE_LINES)
                + ")");
      }
    }
  }
}

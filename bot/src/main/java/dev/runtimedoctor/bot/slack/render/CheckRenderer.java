package dev.runtimedoctor.bot.slack.render;

import dev.runtimedoctor.bot.cluster.CheckResult;
import dev.runtimedoctor.bot.cluster.Verdict;
import dev.runtimedoctor.bot.slack.Texts;
import dev.runtimedoctor.bot.slack.api.SlackMessage;
import dev.runtimedoctor.knowledge.analysis.Redactor;
import dev.runtimedoctor.knowledge.entry.CheckSpec;
import dev.runtimedoctor.knowledge.entry.Entry;
import dev.runtimedoctor.knowledge.entry.Language;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Renders cluster check results for Slack: one section per entry, one line per check with its
 * verdict, summary and the first lines of evidence, and the checks still running — so the same
 * message can be posted at the start and updated as verdicts arrive. Echoed text (summaries and
 * evidence come from the cluster) is redacted and escaped.
 */
public final class CheckRenderer {
  private static final int EVIDENCE_LINES = 2;
  private static final int EVIDENCE_CHARS = 300;

  /** The checks of {@code entries} on {@code context}: those in {@code done}, the rest running. */
  public SlackMessage results(
      String context, List<Entry> entries, List<CheckResult> done, Language l, boolean finished) {
    Texts t = new Texts(l);
    int total = entries.stream().mapToInt(e -> e.checks().size()).sum();
    Blocks b = new Blocks();
    b.section(
        t.checksTitle(Mrkdwn.code(context))
            + " · "
            + (finished ? t.checksDone(total) : t.checksProgress(done.size(), total)));
    List<CheckResult> left = new ArrayList<>(done);
    for (Entry e : entries) {
      StringBuilder sb =
          new StringBuilder("*")
              .append(Mrkdwn.escape(e.title().get(l)))
              .append("* ")
              .append(Mrkdwn.code(e.id()));
      for (CheckSpec spec : e.checks()) {
        sb.append('\n').append(line(take(left, e.id(), spec.type()), spec.type(), t));
      }
      b.section(sb.toString());
    }
    b.context(List.of(t.checksLegend()));
    long confirmed = done.stream().filter(r -> r.verdict() == Verdict.CONFIRMED).count();
    return b.build(t.checksFallback(done.size(), total, (int) confirmed), "…");
  }

  /** Checks cannot run: no cluster is configured. */
  public SlackMessage unavailable(String reason, Language l) {
    Texts t = new Texts(l);
    String text = t.checksUnavailable(Mrkdwn.escape(Redactor.redact(reason)));
    return new Blocks().section(text).build(text.replace("*", ""), "…");
  }

  private static CheckResult take(List<CheckResult> left, String entry, String check) {
    for (Iterator<CheckResult> it = left.iterator(); it.hasNext(); ) {
      CheckResult r = it.next();
      if (r.entry().equals(entry) && r.check().equals(check)) {
        it.remove();
        return r;
      }
    }
    return null;
  }

  private static String line(CheckResult r, String check, Texts t) {
    if (r == null) {
      return ":hourglass_flowing_sand: " + Mrkdwn.code(check) + " " + t.checkRunning();
    }
    StringBuilder sb =
        new StringBuilder(icon(r.verdict()))
            .append(" *")
            .append(t.verdict(r.verdict()))
            .append("* ")
            .append(Mrkdwn.code(check))
            .append(" — ")
            .append(Mrkdwn.escape(Redactor.redact(r.summary(t.language()))));
    r.evidence().stream()
        .limit(EVIDENCE_LINES)
        .forEach(
            ev ->
                sb.append("\n> ")
                    .append(Mrkdwn.escape(Blocks.shorten(Redactor.redact(ev), EVIDENCE_CHARS))));
    return sb.toString();
  }

  private static String icon(Verdict v) {
    return switch (v) {
      case CONFIRMED -> ":red_circle:";
      case NOT_AFFECTED -> ":large_green_circle:";
      case INCONCLUSIVE -> ":white_circle:";
      case UNAVAILABLE -> ":warning:";
    };
  }
}

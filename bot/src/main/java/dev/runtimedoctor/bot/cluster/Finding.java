package dev.runtimedoctor.bot.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A check's verdict, summary and evidence, before the runner names the entry and the check. */
record Finding(Verdict verdict, String summary, List<String> evidence) {

  /** Evidence lines kept per result: enough to act on, short enough for a chat message. */
  static final int MAX_EVIDENCE = 10;

  Finding {
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(summary, "summary");
    evidence = capped(evidence);
  }

  static Finding confirmed(String summary, List<String> evidence) {
    return new Finding(Verdict.CONFIRMED, summary, evidence);
  }

  static Finding notAffected(String summary, List<String> evidence) {
    return new Finding(Verdict.NOT_AFFECTED, summary, evidence);
  }

  static Finding inconclusive(String summary, List<String> evidence) {
    return new Finding(Verdict.INCONCLUSIVE, summary, evidence);
  }

  static Finding unavailable(String summary, List<String> evidence) {
    return new Finding(Verdict.UNAVAILABLE, summary, evidence);
  }

  private static List<String> capped(List<String> lines) {
    if (lines.size() <= MAX_EVIDENCE) {
      return List.copyOf(lines);
    }
    List<String> out = new ArrayList<>(lines.subList(0, MAX_EVIDENCE - 1));
    out.add("… and " + (lines.size() - MAX_EVIDENCE + 1) + " more");
    return List.copyOf(out);
  }
}

package dev.runtimedoctor.knowledge.match;

import dev.runtimedoctor.knowledge.entry.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * "Known issue wins": where a paste carries a known issue's error line, that known issue ranks
 * above every failure mode, and a failure mode that is only the generic face of the same failure
 * keeps no answer of its own (an x509 on an image pull is answered with the registry's certificate
 * issue, not with "how to find why ImagePullBackOff"). A failure mode on another part of the paste
 * (an OOMKilled container beside the x509) is answered too, after the known issue.
 *
 * <p>A failure mode counts as the same failure when one of its evidence lines is a line of the
 * known issue's evidence, or when both entries are filed under the same area: the area is how
 * authors say two entries are about the same part of the system, and events of one failure ({@code
 * Failed to pull image … x509}, then {@code Back-off pulling image}) sit on different lines. The
 * cost: two unrelated failures of one area in one paste give one answer, the other stays a lead.
 */
final class KnownIssuesFirst {
  /**
   * The least a known issue's partial error string must score to take over a failure mode's answer:
   * below it the fragment is too thin to tell this issue from another one worded alike.
   */
  static final double SPECIFIC_LEAD = 0.4;

  private KnownIssuesFirst() {}

  /**
   * The matches reordered and re-scored by the rule; unchanged when the paste has no confident
   * known issue.
   *
   * @param ranked best first, as the matcher ranks them
   * @param namesCause whether a match's signature showed its cause ({@link
   *     SignatureConfidence#namesCause}), not only the frame its error is printed in
   */
  static List<Match> apply(List<Match> ranked, Predicate<Match> namesCause) {
    ranked = promoteSpecific(ranked, namesCause);
    List<Match> known = ranked.stream().filter(KnownIssuesFirst::isKnownError).toList();
    boolean failureModeByErrorLine =
        ranked.stream()
            .anyMatch(
                m ->
                    m.entry().kind() == Kind.FAILURE_MODE
                        && m.basis() == Basis.SIGNATURE
                        && m.confidence() >= Matcher.REPLY_THRESHOLD);
    List<Match> out = new ArrayList<>(ranked.size());
    for (Match m : ranked) {
      boolean explained =
          m.entry().kind() == Kind.FAILURE_MODE
              && m.confidence() >= Matcher.REPLY_THRESHOLD
              && known.stream().anyMatch(k -> sameFailure(k, m));
      out.add(explained ? new Match(m.entry(), Matcher.EXPLAINED, m.basis(), m.evidence()) : m);
    }
    // Stable: within each tier the matcher's order (confidence, then position) is kept.
    out.sort(
        Comparator.comparingInt((Match m) -> tier(m, known, failureModeByErrorLine))
            .thenComparing(Comparator.comparingDouble(Match::confidence).reversed()));
    return out;
  }

  /**
   * A known issue whose error string is in the paste only in part (a fragment quoted in a question,
   * "ImagePullBackOff … x509: certificate signed by unknown authority") takes the answer of a
   * failure mode that answers for the same failure: the failure mode says a pull failed, the known
   * issue says why, so the more specific one speaks, with the failure mode's confidence. Only when
   * the fragment shows the known issue's cause: sharing the frame its error is printed in ("Probe
   * failed … output=") is not saying why.
   */
  private static List<Match> promoteSpecific(List<Match> ranked, Predicate<Match> namesCause) {
    List<Match> answering =
        ranked.stream()
            .filter(m -> m.entry().kind() == Kind.FAILURE_MODE)
            .filter(m -> m.confidence() >= Matcher.REPLY_THRESHOLD)
            .toList();
    if (answering.isEmpty()) {
      return ranked;
    }
    List<Match> out = new ArrayList<>(ranked.size());
    for (Match m : ranked) {
      boolean specificLead =
          m.entry().kind() == Kind.KNOWN_ISSUE
              && m.basis() == Basis.SIGNATURE
              && m.confidence() >= SPECIFIC_LEAD
              && m.confidence() < Matcher.REPLY_THRESHOLD
              && namesCause.test(m);
      double taken =
          specificLead
              ? answering.stream()
                  .filter(f -> sameFailure(m, f))
                  .mapToDouble(Match::confidence)
                  .max()
                  .orElse(0)
              : 0;
      out.add(taken > 0 ? new Match(m.entry(), taken, m.basis(), m.evidence()) : m);
    }
    return out;
  }

  /** A known issue confident enough to answer, found by its error string rather than by words. */
  private static boolean isKnownError(Match m) {
    return m.entry().kind() == Kind.KNOWN_ISSUE
        && m.basis() == Basis.SIGNATURE
        && m.confidence() >= Matcher.REPLY_THRESHOLD;
  }

  private static boolean sameFailure(Match known, Match failureMode) {
    if (known.entry().area().equals(failureMode.entry().area())) {
      return true;
    }
    return failureMode.evidence().stream()
        .anyMatch(f -> known.evidence().stream().anyMatch(k -> k.line() == f.line()));
  }

  /**
   * 0: the known issues found by their error line; 1: known issues answering by the person's words
   * when no failure mode answers by an error line (a question that describes a known issue, "nodes
   * stay NotReady because a webhook blocks netd", is about the issue, not about NotReady in
   * general); 2: other answers; 3: leads.
   */
  private static int tier(Match m, List<Match> known, boolean failureModeByErrorLine) {
    if (known.contains(m)) {
      return 0;
    }
    if (m.confidence() < Matcher.REPLY_THRESHOLD) {
      return 3;
    }
    return m.entry().kind() == Kind.KNOWN_ISSUE && !failureModeByErrorLine ? 1 : 2;
  }
}

package dev.runtimedoctor.knowledge.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * "The cause before the status": a confident entry whose front matter names, in {@code caused_by},
 * another confident entry of the same paste ranks right after it. A {@code kubectl describe} of a
 * crash-looping pod shows {@code Reason: CrashLoopBackOff} above {@code Last State … Reason:
 * OOMKilled}; both are answered, the OOMKilled first, since it says why.
 */
final class CausesFirst {
  private CausesFirst() {}

  /**
   * The matches with each confident status moved after the last of its confident causes; leads and
   * confidences unchanged.
   *
   * @param ranked best first, confident matches before leads
   */
  static List<Match> apply(List<Match> ranked) {
    List<Match> confident =
        ranked.stream().filter(m -> m.confidence() >= Matcher.REPLY_THRESHOLD).toList();
    Set<String> answering = confident.stream().map(m -> m.entry().id()).collect(Collectors.toSet());
    List<Match> out = new ArrayList<>(ranked);
    for (Match status : confident) {
      List<String> causes = status.entry().causedBy().stream().filter(answering::contains).toList();
      if (causes.isEmpty()) {
        continue;
      }
      out.remove(status);
      int last = -1;
      for (int i = 0; i < out.size(); i++) {
        if (causes.contains(out.get(i).entry().id())) {
          last = i;
        }
      }
      out.add(last + 1, status);
    }
    return out;
  }
}

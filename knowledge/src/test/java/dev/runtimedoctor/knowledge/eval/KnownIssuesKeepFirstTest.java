package dev.runtimedoctor.knowledge.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimedoctor.knowledge.entry.EntryLoader;
import dev.runtimedoctor.knowledge.entry.Kind;
import dev.runtimedoctor.knowledge.entry.KnowledgeBase;
import dev.runtimedoctor.knowledge.index.KnowledgeIndex;
import dev.runtimedoctor.knowledge.match.Diagnosis;
import dev.runtimedoctor.knowledge.match.Match;
import dev.runtimedoctor.knowledge.match.Matcher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * With every bundled pack loaded, a paste that is one of the seed's known issues is still answered
 * with it: no failure mode ranks above it or answers in its place.
 */
class KnownIssuesKeepFirstTest {
  @Test
  @DisplayName("every pack loaded: the labelled known-issue pastes keep their known issue first")
  void knownIssuesKeepFirstWithEveryPack() throws Exception {
    Matcher all = new Matcher(KnowledgeIndex.build(new KnowledgeBase(EntryLoader.bundled())));
    List<LabelledCase> cases = new ArrayList<>();
    cases.addAll(
        Evaluation.read(
            Path.of(
                KnownIssuesKeepFirstTest.class.getResource("/eval/everyday-cases.jsonl").toURI())));
    cases.addAll(
        Evaluation.read(
            Path.of(
                KnownIssuesKeepFirstTest.class
                    .getResource("/eval/regression-cases.jsonl")
                    .toURI())));
    List<String> displaced = new ArrayList<>();
    int positives = 0;
    int first = 0;
    for (LabelledCase c : cases) {
      if (c.expected().isEmpty()
          || all.index().entries().stream()
              .noneMatch(e -> e.id().equals(c.expected().get()) && e.kind() == Kind.KNOWN_ISSUE)) {
        continue;
      }
      positives++;
      Diagnosis d = all.diagnose(c.text());
      if (d.top().map(m -> m.entry().id()).equals(c.expected())) {
        first++;
      }
      for (Match m : d.confident()) {
        if (m.entry().id().equals(c.expected().get())) {
          break;
        }
        if (m.entry().kind() == Kind.FAILURE_MODE) {
          displaced.add(c.id() + " answered " + m.entry().id() + " before " + c.expected().get());
        }
      }
    }

    assertThat(positives).isGreaterThanOrEqualTo(70);
    assertThat((double) first / positives)
        .as("top-1 with every pack")
        .isGreaterThanOrEqualTo(DevCasesQualityTest.MIN_TOP1);
    assertThat(displaced).as("known issues answered after a failure mode").isEmpty();
  }
}

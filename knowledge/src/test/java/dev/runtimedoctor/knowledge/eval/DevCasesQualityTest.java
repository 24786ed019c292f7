package dev.runtimedoctor.knowledge.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimedoctor.knowledge.entry.EntryLoader;
import dev.runtimedoctor.knowledge.entry.KnowledgeBase;
import dev.runtimedoctor.knowledge.index.KnowledgeIndex;
import dev.runtimedoctor.knowledge.match.Matcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The team's own regression cases (realistic pastes and near-miss errors written from production
 * experience, never from the shared dev cases), through the seed's known issues, with the floors
 * the project commits to. Prints the figures so a run shows the margin, not only the verdict. The
 * suite needs nothing outside the checkout: {@code .ci/run} scores {@code
 * ../shared/eval/dev-cases.jsonl} with the {@code eval} command when that folder exists.
 */
class DevCasesQualityTest {
  static final double MIN_TOP1 = 0.95;
  static final double MIN_TOP3 = 0.98;

  /**
   * The seed's known issues alone: the regression cases label the 20 issues and call everything
   * else a negative, including everyday failures the everyday pack rightly answers, so these
   * figures are measured on the gke-runtime pack; {@code KnownIssuesKeepFirstTest} checks the same
   * positives with every pack loaded.
   */
  private static Matcher knownIssuesOnly() {
    return new Matcher(
        KnowledgeIndex.build(new KnowledgeBase(EntryLoader.bundled(List.of("gke-runtime")))));
  }

  /** Reply recall on the regression cases' pastes with an error line (the issue 9 target). */
  static final double MIN_ERROR_REPLY_RECALL = 0.90;

  @Test
  @DisplayName(
      "regression cases written by the team: top-1 ≥ 0.95, top-3 ≥ 0.98, no false reply, error"
          + " pastes answered ≥ 0.90")
  void regressionCasesMeetTheFloors() throws Exception {
    Path cases =
        Path.of(DevCasesQualityTest.class.getResource("/eval/regression-cases.jsonl").toURI());
    Matcher matcher = knownIssuesOnly();

    EvalReport report = Evaluation.run(matcher, Evaluation.read(cases));

    System.out.println("== matching quality on regression-cases.jsonl\n" + report.summary());
    System.out.print(report.calibrationTable());
    report.misses().forEach(m -> System.out.println("  miss " + m));
    assertThat(report.positives()).isGreaterThanOrEqualTo(40);
    assertThat(report.negatives()).isGreaterThanOrEqualTo(30);
    assertThat(report.top1()).as("top-1").isGreaterThanOrEqualTo(MIN_TOP1);
    assertThat(report.top3()).as("top-3").isGreaterThanOrEqualTo(MIN_TOP3);
    assertThat(report.falseReplyRate()).as("false replies").isZero();
    assertThat(report.errorReplyRecall())
        .as("reply recall on pastes with an error line")
        .isGreaterThanOrEqualTo(MIN_ERROR_REPLY_RECALL);
  }

  @Test
  @DisplayName(
      "everyday cases, every pack loaded: top-1 ≥ 0.95, top-3 ≥ 0.98, answered ≥ 0.75, no false"
          + " reply")
  void everydayCasesMeetTheFloors() throws Exception {
    Path cases =
        Path.of(DevCasesQualityTest.class.getResource("/eval/everyday-cases.jsonl").toURI());
    Matcher matcher = new Matcher(KnowledgeIndex.build(new KnowledgeBase(EntryLoader.bundled())));

    EvalReport report = Evaluation.run(matcher, Evaluation.read(cases));

    System.out.println("== matching quality on everyday-cases.jsonl\n" + report.summary());
    report.misses().forEach(m -> System.out.println("  miss " + m));
    assertThat(report.positives()).isGreaterThanOrEqualTo(150);
    assertThat(report.negatives()).isGreaterThanOrEqualTo(20);
    assertThat(report.top1()).as("top-1").isGreaterThanOrEqualTo(MIN_TOP1);
    assertThat(report.top3()).as("top-3").isGreaterThanOrEqualTo(MIN_TOP3);
    assertThat(report.replyRecall()).as("answered").isGreaterThanOrEqualTo(0.75);
    assertThat(report.falseReplyRate()).as("false replies").isZero();
  }

  /**
   * Floors on the independent everyday set, held a little under what the entries reach (top-1 0.98,
   * top-3 0.99, answered 0.94 when it was added): its pastes were written apart from the entries,
   * in the shapes people paste, so a drop here means the entries stopped generalizing.
   */
  static final double MIN_REAL_TOP1 = 0.96;

  static final double MIN_REAL_TOP3 = 0.98;
  static final double MIN_REAL_ANSWERED = 0.92;

  @Test
  @DisplayName(
      "everyday pastes written apart from the entries, every pack loaded: top-1 ≥ 0.96, top-3 ≥"
          + " 0.98, answered ≥ 0.92, no false reply")
  void everydayRealCasesMeetTheFloors() throws Exception {
    Path cases =
        Path.of(DevCasesQualityTest.class.getResource("/eval/everyday-real-cases.jsonl").toURI());
    Matcher matcher = new Matcher(KnowledgeIndex.build(new KnowledgeBase(EntryLoader.bundled())));

    EvalReport report = Evaluation.run(matcher, Evaluation.read(cases));

    System.out.println("== matching quality on everyday-real-cases.jsonl\n" + report.summary());
    report.misses().forEach(m -> System.out.println("  miss " + m));
    assertThat(report.positives()).isGreaterThanOrEqualTo(150);
    assertThat(report.negatives()).isGreaterThanOrEqualTo(40);
    assertThat(report.top1()).as("top-1").isGreaterThanOrEqualTo(MIN_REAL_TOP1);
    assertThat(report.top3()).as("top-3").isGreaterThanOrEqualTo(MIN_REAL_TOP3);
    assertThat(report.replyRecall()).as("answered").isGreaterThanOrEqualTo(MIN_REAL_ANSWERED);
    assertThat(report.falseReplyRate()).as("false replies").isZero();
  }

  @Test
  @DisplayName("the harness counts a wrong top answer as a miss and a reply to a negative as false")
  void harnessScoresLikeScorePy() throws IOException {
    Path file = Files.createTempFile("cases", ".jsonl");
    Files.writeString(
        file,
        """
        {"id":"p1","expected":"pod-ip-exhaustion","text":"failed to allocate for range 0: no IP addresses available in range set: 10.48.131.1-10.48.131.62"}
        {"id":"p2","expected":"gpu-metrics-missing","text":"failed to allocate for range 0: no IP addresses available in range set: 10.0.0.1-10.0.0.9"}
        {"id":"n1","expected":null,"text":"cni config uninitialized: runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:docker: network plugin is not ready: cni config uninitialized"}
        {"id":"n2","expected":null,"text":"thanks, all good now"}
        """);
    Matcher matcher = new Matcher(KnowledgeIndex.build(new KnowledgeBase(EntryLoader.bundled())));

    EvalReport r = Evaluation.run(matcher, Evaluation.read(file));

    assertThat(r.positives()).isEqualTo(2);
    assertThat(r.top1()).isEqualTo(0.5);
    assertThat(r.falseReplyRate()).isEqualTo(0.5);
    assertThat(r.misses()).anyMatch(m -> m.startsWith("p2 ")).anyMatch(m -> m.startsWith("n1 "));
    // Both positives carry an error line; p1 is answered, p2 is not (wrong entry first).
    assertThat(r.errorPositives()).isEqualTo(2);
    assertThat(r.errorReplyRecall()).isEqualTo(0.5);
    // Three cases have a top match at 1.0 (p1, p2, n1): only p1's is right.
    EvalReport.Bucket top = r.calibration().get(r.calibration().size() - 1);
    assertThat(top.cases()).isEqualTo(3);
    assertThat(top.right()).isEqualTo(1);
  }
}

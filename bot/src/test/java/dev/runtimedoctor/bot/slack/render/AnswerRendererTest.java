package dev.runtimedoctor.bot.slack.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.runtimedoctor.bot.FixturePacks;
import dev.runtimedoctor.bot.slack.BlockKitValidator;
import dev.runtimedoctor.bot.slack.api.SlackMessage;
import dev.runtimedoctor.knowledge.analysis.Truncation;
import dev.runtimedoctor.knowledge.entry.Entry;
import dev.runtimedoctor.knowledge.entry.KnowledgeBase;
import dev.runtimedoctor.knowledge.entry.Language;
import dev.runtimedoctor.knowledge.match.Basis;
import dev.runtimedoctor.knowledge.match.Diagnosis;
import dev.runtimedoctor.knowledge.match.Evidence;
import dev.runtimedoctor.knowledge.match.Match;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden Block Kit payloads under {@code src/test/resources/slack/golden}: what an answer looks
 * like, held to Slack's limits. Regenerate with {@code -Dgolden.update=true} after a deliberate
 * change, and review the diff.
 */
class AnswerRendererTest {
  /** The bundled packs and the fixture failure modes, so both kinds of answer have a golden. */
  private static final KnowledgeBase KB = FixturePacks.knowledge();

  private static final AnswerRenderer RENDERER = new AnswerRenderer();

  static Stream<Arguments> goldens() {
    return Stream.of(
        Arguments.of(
            "pod-ip-exhaustion",
            "Warning  FailedCreatePodSandBox  kubelet  Failed to create pod sandbox: rpc error:"
                + " code = Unknown desc = failed to setup network for sandbox \"3f2a\": failed to"
                + " allocate for range 0: no IP addresses available in range set:"
                + " 10.48.131.1-10.48.131.62"),
        Arguments.of(
            "fixture-oom-killed", "Last State: Terminated Reason: OOMKilled Exit Code: 137"),
        Arguments.of(
            "private-registry-x509",
            "Failed to pull image \"registry.corp.example/app:1.2\": rpc error: code = Unknown desc"
                + " = failed to resolve reference: x509: certificate signed by unknown authority"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldens")
  @DisplayName(
      "known-issue and failure-mode answers match their golden payloads in both languages and"
          + " respect Slack's limits")
  void matchesGolden(String id, String evidence) throws IOException {
    Entry e = KB.get(id).orElseThrow();
    for (Language l : Language.values()) {
      Answer a =
          new Answer(
              List.of(new Match(e, 0.97, Basis.SIGNATURE, List.of(new Evidence(4, evidence)))),
              l,
              false);
      AnswerRef ref =
          new AnswerRef(
              "golden",
              l,
              "0123456789abcdef",
              List.of(new AnswerRef.Item(id, 0.97, Basis.SIGNATURE)));
      SlackMessage m = RENDERER.answer(a, AnswerOptions.ephemeral(ref, true));
      assertThat(BlockKitValidator.violations(m)).isEmpty();
      String actual =
          new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(m.toJson())
              + "\n";
      String name = "slack/golden/" + id + "." + l.code() + ".json";
      if (Boolean.getBoolean("golden.update")) {
        Path p = Path.of("src/test/resources", name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, actual);
        continue;
      }
      try (InputStream in = getClass().getClassLoader().getResourceAsStream(name)) {
        assertThat(in)
            .as("golden file %s (run with -Dgolden.update=true to create it)", name)
            .isNotNull();
        JsonObject expected =
            JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                .getAsJsonObject();
        assertThat(m.toJson()).as(name).isEqualTo(expected);
      }
      assertThat(m.toString()).contains(e.title().get(l).substring(0, 10));
    }
  }

  @Test
  @DisplayName("a huge paste and a huge fix still give a payload Slack accepts")
  void hugeInputStaysValid() {
    Entry base = KB.get("pod-ip-exhaustion").orElseThrow();
    StringBuilder fix = new StringBuilder("## Resolution\n\n```\n");
    for (int i = 0; i < 5_000; i++) {
      fix.append("kubectl delete pod pod-").append(i).append(" -n default <&>\n");
    }
    fix.append("```\n");
    Entry huge =
        new Entry(
            base.id(),
            base.area(),
            base.title(),
            base.signatures(),
            base.symptoms(),
            base.affected(),
            base.references(),
            base.checks(),
            base.causedBy(),
            java.util.Map.of(
                Language.EN,
                new dev.runtimedoctor.knowledge.entry.EntryBody(
                    java.util.Map.of(
                        dev.runtimedoctor.knowledge.entry.Section.RESOLUTION, fix.toString()))),
            base.source(),
            base.kind(),
            base.pack());
    String line = "x".repeat(1_000_000);
    List<Match> matches =
        List.of(
            new Match(
                huge, 0.9, Basis.SIGNATURE, List.of(new Evidence(1, line), new Evidence(2, line))),
            new Match(huge, 0.8, Basis.SIGNATURE, List.of(new Evidence(3, line))));
    Answer a = new Answer(matches, Language.EN, true);
    SlackMessage m =
        RENDERER.answer(
            a, AnswerOptions.inThread(AnswerRef.of("v", a, "0123456789abcdef"), true, "1.2"));
    assertThat(BlockKitValidator.violations(m)).isEmpty();
    assertThat(m.blocks().size()).isEqualTo(Blocks.MAX_BLOCKS);
    assertThat(m.blocksJson()).contains("Answer shortened").doesNotContain("<&>");
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(
      delimiter = '|',
      value = {
        "ENDS|EN|Very long paste: only its start and end were read.",
        "LINE_STARTS|EN|Very long paste: only the first 1 MiB of each line over 1 MiB was read.",
        "ENDS_AND_LINE_STARTS|EN|only its start and end were read, and of each line over 1 MiB",
        "SOME|EN|Very long paste: only part of it was read.",
        "LINE_STARTS|IT|Testo molto lungo: delle righe oltre 1 MiB letto solo il primo MiB."
      })
  @DisplayName("a cut paste's answer says which part was not read, in the answer's language")
  void truncatedAnswerSaysWhatWasNotRead(Truncation truncation, Language l, String said) {
    Entry e = KB.get("pod-ip-exhaustion").orElseThrow();
    Answer a =
        new Answer(
            List.of(new Match(e, 0.97, Basis.SIGNATURE, List.of(new Evidence(4, "x")))),
            l,
            truncation);

    SlackMessage m =
        RENDERER.answer(a, AnswerOptions.ephemeral(AnswerRef.of("v", a, "0123456789abcdef"), true));

    assertThat(m.blocksJson()).contains(said);
    if (truncation == Truncation.LINE_STARTS) {
      assertThat(m.blocksJson()).doesNotContain("start and end").doesNotContain("inizio e la fine");
    }
  }

  @Test
  @DisplayName("no known issue says so, lists the closest leads and what to collect")
  void noMatch() {
    Entry e = KB.get("gpu-metrics-missing").orElseThrow();
    Diagnosis d =
        new Diagnosis(
            List.of(new Match(e, 0.2, Basis.RELATED, List.of())),
            false,
            Optional.empty(),
            false,
            1);
    SlackMessage m = RENDERER.noMatch(d, "the deploy is slow today", Language.EN);
    assertThat(BlockKitValidator.violations(m)).isEmpty();
    assertThat(m.blocksJson())
        .contains("No known issue", "gpu-metrics-missing", "0.20", "kubectl describe pod");
  }

  @Test
  @DisplayName("list and show of every entry fit Slack's limits in both languages")
  void listAndShowFit() {
    for (Language l : Language.values()) {
      assertThat(BlockKitValidator.violations(RENDERER.list(KB, l))).isEmpty();
      for (Entry e : KB.entries()) {
        assertThat(BlockKitValidator.violations(RENDERER.show(e, l))).as(e.id()).isEmpty();
      }
    }
  }

  @Test
  @DisplayName("show and list tell failure modes from known issues: no versions, sections, packs")
  void failureModesInShowAndList() {
    String fm =
        RENDERER.show(KB.get("fixture-crash-loop-backoff").orElseThrow(), Language.EN).blocksJson();
    String known =
        RENDERER.show(KB.get("pod-ip-exhaustion").orElseThrow(), Language.EN).blocksJson();
    String list = RENDERER.list(KB, Language.IT).blocksJson();

    assertThat(fm)
        .contains("failure mode", "*What it means*", "*How to tell the causes apart*")
        .contains("*What to do*")
        .doesNotContain("Affected", "Fixed in", "*Symptom*");
    assertThat(known).contains("known issue", "*Affected*", "*Resolution*");
    assertThat(list)
        .contains("*Problemi noti del runtime dei container di GKE* · `gke-runtime`")
        .contains("*Errori comuni di pod e nodi (Kubernetes)* · `everyday`")
        .contains("`fixture-oom-killed`", "`pod-ip-exhaustion`");
    assertThat(list.indexOf("`pod-ip-exhaustion`")).isLessThan(list.indexOf("`everyday`"));
  }

  @Test
  @DisplayName("no match: what to collect next fits the paste, a crash loop its previous logs")
  void noMatchFitsThePaste() {
    Diagnosis d = new Diagnosis(List.of(), false, Optional.empty(), false, 1);
    String crash =
        RENDERER
            .noMatch(d, "api-6c9f7d8b9d-7xk2p  0/1  CrashLoopBackOff  7 (2m ago)  14m", Language.EN)
            .blocksJson();
    String node =
        RENDERER
            .noMatch(d, "ip-10-0-12-34.eu-west-1.compute.internal   NotReady", Language.EN)
            .blocksJson();

    assertThat(crash).contains("--previous").doesNotContain("describe node");
    assertThat(node).contains("kubectl describe node", "aws ssm").doesNotContain("gcloud");
  }
}

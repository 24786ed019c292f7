package dev.runtimedoctor.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.runtimedoctor.bot.slack.api.SlackMessage;
import dev.runtimedoctor.bot.slack.render.Answer;
import dev.runtimedoctor.bot.slack.render.AnswerOptions;
import dev.runtimedoctor.bot.slack.render.AnswerRef;
import dev.runtimedoctor.bot.slack.render.AnswerRenderer;
import dev.runtimedoctor.knowledge.entry.KnowledgeBase;
import dev.runtimedoctor.knowledge.entry.Language;
import dev.runtimedoctor.knowledge.index.KnowledgeIndex;
import dev.runtimedoctor.knowledge.match.Diagnosis;
import dev.runtimedoctor.knowledge.match.Match;
import dev.runtimedoctor.knowledge.match.Matcher;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Slack answer to a long pasted line shows the window around the matched words, diagnosed by
 * the real matcher on the bundled knowledge; golden payloads under {@code
 * src/test/resources/slack/golden} (regenerate with {@code -Dgolden.update=true}, review the diff).
 */
class EvidenceWindowSlackTest {
  private static final Matcher MATCHER =
      new Matcher(KnowledgeIndex.build(KnowledgeBase.bundledWith(List.of())));
  private static final AnswerRenderer RENDERER = new AnswerRenderer();

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "describe, pod-ip-exhaustion, no IP addresses available in range set: 10.60.28.1-10.60.28.254",
    "pull, private-registry-x509, x509: certificate signed by unknown authority"
  })
  @DisplayName("the answer blocks show the telling part of a long line, elided, as in the golden")
  void answerShowsWindow(String name, String entry, String telling) throws IOException {
    String file = name.equals("describe") ? "long-describe-sandbox.txt" : "long-pull-x509.txt";
    String paste;
    try (InputStream in = getClass().getResourceAsStream("/evidence/" + file)) {
      paste = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Diagnosis d = MATCHER.diagnose(paste);
    Match top = d.top().orElseThrow();
    assertThat(top.entry().id()).isEqualTo(entry);
    for (Language l : Language.values()) {
      AnswerRef ref =
          new AnswerRef(
              "golden",
              l,
              "0123456789abcdef",
              List.of(new AnswerRef.Item(entry, top.confidence(), top.basis())));
      SlackMessage m =
          RENDERER.answer(new Answer(List.of(top), l, false), AnswerOptions.ephemeral(ref, true));

      assertThat(BlockKitValidator.violations(m)).isEmpty();
      String blocks = m.toJson().toString();
      assertThat(blocks).contains("…").contains(telling);
      String actual =
          new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(m.toJson())
              + "\n";
      String golden = "slack/golden/" + entry + "-long-" + name + "." + l.code() + ".json";
      if (Boolean.getBoolean("golden.update")) {
        Path p = Path.of("src/test/resources", golden);
        Files.createDirectories(p.getParent());
        Files.writeString(p, actual);
        continue;
      }
      try (InputStream in = getClass().getClassLoader().getResourceAsStream(golden)) {
        assertThat(in).as("golden file %s (-Dgolden.update=true creates it)", golden).isNotNull();
        JsonObject expected =
            JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                .getAsJsonObject();
        assertThat(m.toJson()).as(golden).isEqualTo(expected);
      }
    }
  }
}

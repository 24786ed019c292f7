package dev.runtimedoctor.bot.slack.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimedoctor.bot.slack.pipeline.ReplyPolicy.Decision;
import dev.runtimedoctor.bot.slack.pipeline.ReplyPolicy.Reply;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReplyPolicyTest {
  @ParameterizedTest(
      name = "incident={0} asked={1} confident={2} → digest={3} reply={4} capped={5}")
  @CsvSource({
    // an ordinary channel: answer what is sure, say "no known issue" only to who asked
    "false, false, false, false, SILENT,   true",
    "false, false, true,  false, ANSWER,   true",
    "false, true,  false, false, NO_MATCH, false",
    "false, true,  true,  false, ANSWER,   false",
    // an incident channel: the digest takes what is sure; the thread speaks only when asked
    "true,  false, false, false, SILENT,   true",
    "true,  false, true,  true,  SILENT,   true",
    "true,  true,  false, false, NO_MATCH, false",
    "true,  true,  true,  true,  ANSWER,   false",
  })
  void decidesDigestReplyAndCapFromTheThreeFacts(
      boolean incident,
      boolean asked,
      boolean confident,
      boolean digest,
      Reply reply,
      boolean capped) {
    assertThat(ReplyPolicy.decide(incident, asked, confident))
        .isEqualTo(new Decision(digest, reply, capped));
  }

  @ParameterizedTest(name = "incident={0} asked={1} → tell={2}")
  @CsvSource({"false, false, true", "false, true, true", "true, false, false", "true, true, true"})
  void tellsOfAnUnreadableFileUnlessTheDigestIsTheOnlyVoice(
      boolean incident, boolean asked, boolean tell) {
    assertThat(ReplyPolicy.tellUnreadable(incident, asked)).isEqualTo(tell);
  }
}

package dev.runtimedoctor.bot.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimedoctor.bot.text.Message;
import dev.runtimedoctor.bot.text.Msg;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** When a failure to answer is worth repeating at once, and when the server must be asked again. */
class ServerSilenceTest {
  private static final Message SILENT = Message.of(Msg.CA_NO_ANSWER, "https://x/", "5 s");

  private final AtomicLong nanos = new AtomicLong(1_000);
  private final ServerSilence silence = new ServerSilence(Duration.ofSeconds(5), nanos::get);

  @Test
  @DisplayName("a server that never answered is silent for one request timeout, then asked again")
  void heldForOneTimeout() {
    long began = silence.now();
    nanos.addAndGet(Duration.ofSeconds(5).toNanos());
    silence.failed(SILENT, "request timed out", began);

    nanos.addAndGet(Duration.ofSeconds(4).toNanos());
    assertThat(silence.current()).get().extracting(ServerSilence.Failure::reason).isEqualTo(SILENT);
    nanos.addAndGet(Duration.ofSeconds(1).toNanos());
    assertThat(silence.current()).isEmpty();
  }

  @Test
  @DisplayName("a server that answered another read meanwhile is slow, not silent")
  void answeredMeanwhile() {
    long began = silence.now();
    nanos.addAndGet(Duration.ofSeconds(1).toNanos());
    silence.answered();
    nanos.addAndGet(Duration.ofSeconds(4).toNanos());
    silence.failed(SILENT, "request timed out", began);

    assertThat(silence.current()).isEmpty();
  }

  @Test
  @DisplayName("an answer after the failure ends the silence")
  void answerEndsIt() {
    silence.failed(SILENT, null, silence.now());
    nanos.addAndGet(1);
    silence.answered();

    assertThat(silence.current()).isEmpty();
  }
}

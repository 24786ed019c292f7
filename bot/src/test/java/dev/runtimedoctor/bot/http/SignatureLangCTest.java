package dev.runtimedoctor.bot.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.slack.api.app_backend.SlackSignature;
import dev.runtimedoctor.bot.config.Secret;
import dev.runtimedoctor.bot.fake.FakeSlackApi;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Italian text under {@code LANG=C}. Runs in its own Surefire execution, a JVM started with {@code
 * LANG=C LC_ALL=C} and no {@code -Dfile.encoding}, so the platform charset is ASCII — the condition
 * under which Bolt 1.45.4's own check refuses every non-ASCII request.
 */
class SignatureLangCTest {
  private static final String ITALIAN =
      "Il pod non parte, perché? È bloccato così da ieri:\n" + SlackHarness.IP_PASTE;

  @Test
  @DisplayName("this JVM runs with an ASCII platform charset, where Bolt's own check fails")
  void bugPathIsExercised() {
    assertThat(Charset.defaultCharset()).isNotEqualTo(StandardCharsets.UTF_8);
    assertThat(Charset.defaultCharset().newEncoder().canEncode('è')).isFalse();
    String body =
        SlackHarness.callback(
            SlackHarness.message("CITALIA01", "UBRUNO001", "1.1", ITALIAN), "EvIt0");
    String ts = "1700000000";
    String right =
        new SignatureVerifier(new Secret(SlackHarness.SECRET), Clock.systemUTC())
            .sign(ts, body.getBytes(StandardCharsets.UTF_8));
    String bolts = new SlackSignature.Generator(SlackHarness.SECRET).generate(ts, body);
    assertThat(bolts).as("Bolt signs the platform-charset bytes").isNotEqualTo(right);
  }

  @Test
  @DisplayName("an Italian message event signed over its UTF-8 bytes is accepted and answered")
  void italianEventAccepted() throws Exception {
    try (SlackHarness h = SlackHarness.start(Map.of("BOT_LANGUAGE", "it"))) {
      h.fake.locale("UBRUNO001", "it-IT");
      JsonObject msg = SlackHarness.message("CITALIA01", "UBRUNO001", "1700003000.000100", ITALIAN);
      assertThat(h.event(msg).statusCode()).isEqualTo(200);
      FakeSlackApi.Call post = h.fake.await("chat.postMessage", 1, Duration.ofSeconds(10)).get(0);
      assertThat(post.params().get("blocks")).contains("Risoluzione", "pod-ip-exhaustion");
    }
  }
}

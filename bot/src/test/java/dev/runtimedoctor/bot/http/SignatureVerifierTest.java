package dev.runtimedoctor.bot.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.app_backend.SlackSignature;
import dev.runtimedoctor.bot.config.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SignatureVerifierTest {
  private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
  private static final SignatureVerifier VERIFIER =
      new SignatureVerifier(new Secret("s3cret"), Clock.fixed(NOW, ZoneOffset.UTC));
  private static final byte[] BODY =
      "{\"event\":{\"text\":\"il nodo non è pronto: perché?\"}}".getBytes(StandardCharsets.UTF_8);

  private static String ts(long offsetSeconds) {
    return Long.toString(NOW.getEpochSecond() + offsetSeconds);
  }

  @Test
  @DisplayName("computes Slack's signature, the same as Slack's own generator on ASCII")
  void matchesSlack() {
    byte[] ascii = "token=x&text=hello".getBytes(StandardCharsets.US_ASCII);
    assertThat(VERIFIER.sign(ts(0), ascii))
        .isEqualTo(new SlackSignature.Generator("s3cret").generate(ts(0), "token=x&text=hello"));
  }

  @Test
  @DisplayName("accepts a signed UTF-8 body and refuses a forged one")
  void validAndForged() {
    assertThat(VERIFIER.verify(ts(0), VERIFIER.sign(ts(0), BODY), BODY))
        .isEqualTo(SignatureVerifier.Result.VALID);
    String forged = new SignatureVerifier(new Secret("guess"), Clock.systemUTC()).sign(ts(0), BODY);
    assertThat(VERIFIER.verify(ts(0), forged, BODY))
        .isEqualTo(SignatureVerifier.Result.BAD_SIGNATURE);
    byte[] tampered =
        "{\"event\":{\"text\":\"il nodo è pronto\"}}".getBytes(StandardCharsets.UTF_8);
    assertThat(VERIFIER.verify(ts(0), VERIFIER.sign(ts(0), BODY), tampered))
        .isEqualTo(SignatureVerifier.Result.BAD_SIGNATURE);
  }

  @Test
  @DisplayName("refuses timestamps more than five minutes old or ahead")
  void replayWindow() {
    assertThat(VERIFIER.verify(ts(-299), VERIFIER.sign(ts(-299), BODY), BODY))
        .isEqualTo(SignatureVerifier.Result.VALID);
    assertThat(VERIFIER.verify(ts(-301), VERIFIER.sign(ts(-301), BODY), BODY))
        .isEqualTo(SignatureVerifier.Result.STALE_TIMESTAMP);
    assertThat(VERIFIER.verify(ts(301), VERIFIER.sign(ts(301), BODY), BODY))
        .isEqualTo(SignatureVerifier.Result.STALE_TIMESTAMP);
  }

  @Test
  @DisplayName("refuses missing headers and a timestamp that is not a number")
  void malformed() {
    assertThat(VERIFIER.verify(null, "v0=00", BODY))
        .isEqualTo(SignatureVerifier.Result.MISSING_HEADERS);
    assertThat(VERIFIER.verify(ts(0), null, BODY))
        .isEqualTo(SignatureVerifier.Result.MISSING_HEADERS);
    assertThat(VERIFIER.verify("yesterday", "v0=00", BODY))
        .isEqualTo(SignatureVerifier.Result.BAD_TIMESTAMP);
  }
}

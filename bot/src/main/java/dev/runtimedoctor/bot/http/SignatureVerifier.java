package dev.runtimedoctor.bot.http;

import dev.runtimedoctor.bot.config.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's request signature ({@code v0=HMAC-SHA256(secret, "v0:" + timestamp + ":" + body)}),
 * checked over the body's raw bytes. Bolt 1.45.4 checks it over a String re-encoded with the
 * platform charset, which under {@code LANG=C} turns every non-ASCII character into {@code ?} and
 * fails every Italian message; the bytes as received cannot be wrong that way.
 */
public final class SignatureVerifier {
  /** How far a request's timestamp may be from now, either way, before it counts as a replay. */
  public static final Duration MAX_SKEW = Duration.ofMinutes(5);

  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;
  private final Clock clock;

  /** The outcome, with the reason a request was refused for the log. */
  public enum Result {
    VALID,
    MISSING_HEADERS,
    BAD_TIMESTAMP,
    STALE_TIMESTAMP,
    BAD_SIGNATURE
  }

  public SignatureVerifier(Secret signingSecret, Clock clock) {
    this.key = new SecretKeySpec(signingSecret.value().getBytes(StandardCharsets.UTF_8), ALGORITHM);
    this.clock = clock;
  }

  /** Checks the {@code X-Slack-Request-Timestamp} and {@code X-Slack-Signature} of a body. */
  public Result verify(String timestamp, String signature, byte[] body) {
    if (timestamp == null || signature == null) {
      return Result.MISSING_HEADERS;
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp.strip());
    } catch (NumberFormatException e) {
      return Result.BAD_TIMESTAMP;
    }
    // Compared without subtracting: now - seconds overflows for a timestamp near Long.MIN_VALUE,
    // and Math.abs(Long.MIN_VALUE) is negative.
    long now = clock.millis() / 1000;
    if (seconds < now - MAX_SKEW.toSeconds() || seconds > now + MAX_SKEW.toSeconds()) {
      return Result.STALE_TIMESTAMP;
    }
    byte[] expected = sign(timestamp.strip(), body).getBytes(StandardCharsets.US_ASCII);
    // Constant time: the comparison must not tell a forger how many characters were right.
    return MessageDigest.isEqual(expected, signature.strip().getBytes(StandardCharsets.US_ASCII))
        ? Result.VALID
        : Result.BAD_SIGNATURE;
  }

  /** The {@code v0=…} signature of a body at a timestamp, as Slack computes it. */
  public String sign(String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.US_ASCII));
      return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
    }
  }
}

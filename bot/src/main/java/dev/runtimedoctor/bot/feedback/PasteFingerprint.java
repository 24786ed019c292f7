package dev.runtimedoctor.bot.feedback;

import dev.runtimedoctor.knowledge.analysis.LogNormalizer;
import dev.runtimedoctor.knowledge.analysis.NormalizedPaste;
import dev.runtimedoctor.knowledge.analysis.PasteLine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A short, stable name for "the same error" across pastes, that keeps none of their text: the paste
 * is normalized and masked like the matcher sees it (timestamps, IPs, ids, paths, numbers become
 * placeholders), its error lines are kept, and their SHA-256 is the fingerprint. Two pastes of one
 * error from different pods, nodes or hours share it; the feedback log stores only the hash.
 */
public final class PasteFingerprint {
  /** Lines hashed: enough to tell errors apart, few enough that surrounding noise drops out. */
  private static final int MAX_LINES = 3;

  /** Hex characters kept of the hash: 64 bits, plenty for the pastes of one workspace. */
  private static final int LENGTH = 16;

  /** Words that mark a line as an error rather than context (English, Italian, Go errors). */
  private static final Pattern ERROR_LINE =
      Pattern.compile(
          "(?i)(error|fail|fatal|panic|denied|forbidden|unable|cannot|can't|refused|timeout"
              + "|timed out|exceeded|invalid|not found|no such|x509|oom|killed|backoff|unhealthy"
              + "|not ready|errore|impossibile|fallit)");

  private static final Pattern SPACES = Pattern.compile("\\s+");

  /**
   * What the matcher's masking keeps but a fingerprint must not: quoted names (pods, images,
   * sandboxes) and Kubernetes-style names with a number in them ({@code web-7d9c8b6f5d-xk2lp},
   * {@code gke-prod-pool-2-abcd}), which differ from one paste of an error to the next.
   */
  private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"|'[^']*'");

  private static final Pattern NAME =
      Pattern.compile("\\b(?=[\\w.-]*\\d)[a-z0-9]+(?:[-_.][a-z0-9]+)+\\b");

  private PasteFingerprint() {}

  /**
   * The fingerprint of {@code text}; empty when the paste has no words at all. Normalizes the text:
   * where a {@code Diagnosis} exists, {@link #of(NormalizedPaste)} of its paste is the same value
   * without the second pass.
   */
  public static String of(String text) {
    return of(LogNormalizer.normalize(text));
  }

  /** The fingerprint of a paste the matcher already normalized; empty when it has no words. */
  public static String of(NormalizedPaste paste) {
    List<String> lines =
        paste.lines().stream()
            .map(PasteLine::masked)
            .map(PasteFingerprint::generalize)
            .filter(l -> !l.isEmpty())
            .distinct()
            .toList();
    List<String> errors =
        lines.stream().filter(l -> ERROR_LINE.matcher(l).find()).limit(MAX_LINES).toList();
    List<String> kept = errors.isEmpty() ? lines.stream().limit(MAX_LINES).toList() : errors;
    if (kept.isEmpty()) {
      return "";
    }
    return sha256(String.join("\n", kept)).substring(0, LENGTH);
  }

  private static String generalize(String masked) {
    String s = QUOTED.matcher(masked.toLowerCase(Locale.ROOT)).replaceAll("<q>");
    s = NAME.matcher(s).replaceAll("<name>");
    return SPACES.matcher(s).replaceAll(" ").strip();
  }

  private static String sha256(String s) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256.
      throw new IllegalStateException(e);
    }
  }
}

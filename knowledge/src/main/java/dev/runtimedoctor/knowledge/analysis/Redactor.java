package dev.runtimedoctor.knowledge.analysis;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks credentials in pasted text before the bot echoes it or logs it: a paste of a failing {@code
 * curl} or a kubelet config must not spread a token further than where it was pasted.
 */
public final class Redactor {
  /** What a secret is replaced with. */
  public static final String MASK = "[redacted]";

  // Whole-match secrets: the token itself identifies the secret.
  private static final List<Pattern> TOKENS =
      List.of(
          // Slack tokens and app-level tokens
          Pattern.compile("\\bxox[abprsce]-[A-Za-z0-9-]{8,}"),
          Pattern.compile("\\bxapp-[A-Za-z0-9-]{8,}"),
          // GitHub, GitLab
          Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{20,}"),
          Pattern.compile("\\bglpat-[A-Za-z0-9_-]{20,}"),
          // AWS access key ids, Google API keys and OAuth access tokens
          Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b"),
          Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}"),
          Pattern.compile("\\bya29\\.[0-9A-Za-z_.-]{20,}"),
          // JSON Web Tokens (service account tokens, OIDC)
          Pattern.compile("\\beyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}"),
          // PEM private keys, whole block or what is left of it
          Pattern.compile(
              "-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?(?:-----END [A-Z ]*PRIVATE"
                  + " KEY-----|$)"));

  // Key/value secrets: keep the key so the reader knows what was there, mask the value.
  private static final Pattern AUTH_HEADER =
      Pattern.compile(
          "(?i)\\b((?:authorization|proxy-authorization)\\s*[:=]\\s*)(?:\\w+\\s+)?\\S+");
  private static final Pattern BEARER =
      Pattern.compile("(?i)\\b(bearer|basic)(\\s+)[A-Za-z0-9._~+/=-]{6,}");
  private static final Pattern KEY_VALUE =
      Pattern.compile(
          "(?i)(\\b[\\w.-]*(?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key"
              + "|private[_-]?key|client[_-]?secret|credentials?)[\\w.-]*\"?\\s*[:=]\\s*\"?)"
              + "([^\\s\"',;&]{3,})");
  private static final Pattern URL_CREDENTIALS =
      Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://[^\\s:/@]+:)([^\\s@/]+)(@)");

  private Redactor() {}

  /** The text with every recognised secret replaced by {@link #MASK}. */
  public static String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String s = text;
    for (Pattern p : TOKENS) {
      s = p.matcher(s).replaceAll(MASK);
    }
    s = replaceGroup(AUTH_HEADER, s, m -> m.group(1) + MASK);
    s = replaceGroup(BEARER, s, m -> m.group(1) + m.group(2) + MASK);
    s = replaceGroup(URL_CREDENTIALS, s, m -> m.group(1) + MASK + m.group(3));
    s = replaceGroup(KEY_VALUE, s, m -> m.group(2).equals(MASK) ? m.group() : m.group(1) + MASK);
    return s;
  }

  private interface Replacement {
    String of(Matcher m);
  }

  private static String replaceGroup(Pattern p, String s, Replacement r) {
    Matcher m = p.matcher(s);
    if (!m.find()) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length());
    do {
      m.appendReplacement(sb, Matcher.quoteReplacement(r.of(m)));
    } while (m.find());
    m.appendTail(sb);
    return sb.toString();
  }
}

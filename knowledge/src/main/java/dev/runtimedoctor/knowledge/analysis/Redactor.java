package dev.runtimedoctor.knowledge.analysis;

import java.util.List;
import java.util.Locale;
import java.util.Set;
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
          // Slack tokens, app-level tokens and incoming-webhook URLs
          Pattern.compile("\\bxox[abprsce]-[A-Za-z0-9-]{8,}"),
          Pattern.compile("\\bxapp-[A-Za-z0-9-]{8,}"),
          Pattern.compile("(?<=hooks\\.slack\\.com/)services/[A-Za-z0-9_/-]+"),
          // GitHub (classic and fine-grained), GitLab, npm, Stripe
          Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{20,}"),
          Pattern.compile("\\bgithub_pat_[A-Za-z0-9_]{20,}"),
          Pattern.compile("\\bglpat-[A-Za-z0-9_-]{20,}"),
          // Docker Hub personal access tokens, OpenAI-style API keys
          Pattern.compile("\\bdckr_pat_[A-Za-z0-9_-]{16,}"),
          Pattern.compile("\\bsk-(?:proj-)?[A-Za-z0-9_-]{20,}"),
          Pattern.compile("\\bnpm_[A-Za-z0-9]{30,}"),
          Pattern.compile("\\b[rs]k_(?:live|test)_[A-Za-z0-9]{16,}"),
          // AWS access key ids (no boundary after: a key glued to more text is still a key),
          // Google API keys, OAuth access and refresh tokens
          Pattern.compile("(?<![A-Za-z0-9])(?:AKIA|ASIA)[0-9A-Z]{16}"),
          Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}"),
          Pattern.compile("\\bya29\\.[0-9A-Za-z_.-]{20,}"),
          Pattern.compile("(?<![A-Za-z0-9])1//0[0-9A-Za-z_-]{20,}"),
          // HashiCorp Vault service, batch and recovery tokens (hvs., hvb., hvr.), and the older
          // s./b./r. ones: 24 or more base62 characters, with an upper-case letter so that a
          // word after "s." in prose is not one
          Pattern.compile("\\bhv[sbr]\\.[A-Za-z0-9_-]{24,}"),
          Pattern.compile("(?<![\\w.])[sbr]\\.(?=[A-Za-z0-9]*[A-Z])[A-Za-z0-9]{24,}(?![\\w.])"),
          // A PEM block in base64 ("-----BEGIN " encoded), as kubeconfigs and Secrets hold keys
          // and certificates: whatever key carries it
          Pattern.compile("\\bLS0tLS1CRUdJTi[A-Za-z0-9+/=]*"),
          // A Docker config ({"auths":…) in base64, as in a .dockerconfigjson Secret
          Pattern.compile("\\beyJhdXRocyI6[A-Za-z0-9+/=_-]*"),
          // JSON Web Tokens (service account tokens, OIDC)
          Pattern.compile("\\beyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}"),
          // PEM private keys, whole block or what is left of it (also on one line, as in a
          // service account's JSON where the line breaks are written \\n)
          Pattern.compile(
              "-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?(?:-----END [A-Z ]*PRIVATE"
                  + " KEY-----|$)"));

  // Key/value secrets: keep the key so the reader knows what was there, mask the value.
  private static final Pattern AUTH_HEADER =
      Pattern.compile(
          "(?i)\\b((?:authorization|proxy-authorization)\\s*[:=]\\s*)(?:\\w+\\s+)?\\S+");
  private static final Pattern BEARER =
      Pattern.compile("(?i)\\b(bearer|basic)(\\s+)[A-Za-z0-9._~+/=-]{6,}");
  private static final String SECRET_WORDS =
      "(?:password|passwd|pwd|passphrase|pass|auth(?!ori[sz]|entic)|session|cookie|secret|token|api[_-]?key"
          + "|access[_-]?key|account[_-]?key|private[_-]?key|client[_-]?secret|credentials?"
          + "|dockerconfigjson|dockercfg|(?:key|cert(?:ificate)?)[_-]?data)";

  /**
   * Words runtimes print after "token:" or "credentials:" in their own errors ("failed to fetch
   * oauth token: unexpected status from GET request"): the start of a message, never a secret, and
   * masking them would hide the telling part of the evidence.
   */
  private static final Set<String> ERROR_WORDS =
      Set.of(
          "unexpected",
          "invalid",
          "failed",
          "error",
          "missing",
          "expired",
          "denied",
          "unauthorized",
          "forbidden",
          "not",
          "none",
          "null",
          "empty",
          "required");

  // The value runs to its closing quote when quoted, else to the next space: a password may hold
  // '&', ';' or ',' ("Tr0ub4dor&3horse"), and masking a following "&user=x" too costs nothing.
  private static final Pattern KEY_VALUE =
      Pattern.compile(
          "(?i)(\\b[\\w.-]*"
              + SECRET_WORDS
              + "[\\w.-]*[\"']?\\s*[:=]\\s*)"
              + "(?:\"([^\"\\n]+)\"|'([^'\\n]+)'|([^\\s\"']{3,}))");
  // A command-line flag whose value follows after a space: --password hunter2, --token x,
  // --client-secret x. Not --password-stdin or --token-file, whose values are not secrets, and
  // never a following flag.
  private static final Pattern FLAG_VALUE =
      Pattern.compile(
          "(?i)((?<![\\w-])--?[\\w-]*"
              + SECRET_WORDS
              + "[\\w-]*(?<![-_](?:stdin|file|path|env))\\s+['\"]?)(?!-)([^\\s'\"]+)");
  // A password told in words: "the password is X", "la password è X", "with password X", a
  // .netrc's "login u password X" and a .netrc line "password X". Ordinary words after them
  // ("the password is wrong") are kept by looksLikeProse. Not "the secret is X": in a cluster
  // that names a Secret object ("the secret is regcred").
  private static final String QUOTED_OR_WORD =
      "(?:\"([^\"\\n]+)\"|'([^'\\n]+)'|`([^`\\n]+)`|([^\\s\"'`]+))";
  private static final List<Pattern> PROSE_SECRETS =
      List.of(
          Pattern.compile(
              "(?i)(\\b(?:password|passwd|passphrase|passcode|pwd|token|api[ _-]?key)\\s+"
                  + "(?:(?:is|was):?\\s+(?:still\\s+|now\\s+)?(?:set\\s+to\\s+)?|\u00e8\\s+|e'\\s+|era\\s+"
                  + "|sarebbe\\s+))"
                  + QUOTED_OR_WORD),
          Pattern.compile(
              "(?i)(\\b(?:with|using|con|usando)\\s+(?:the\\s+|la\\s+)?(?:password|passwd|passphrase)\\s+)"
                  + QUOTED_OR_WORD),
          Pattern.compile(
              "(?i)(\\b(?:login|user(?:name)?|account)\\s+\\S+\\s+password\\s+)" + QUOTED_OR_WORD),
          Pattern.compile("(?i)(^\\s*password\\s+)" + QUOTED_OR_WORD + "(?=\\s*$)"));

  /**
   * Words that follow "the password is" in prose about a password rather than in a password: a
   * value of letters only that is one of these, or reads as a participle or adverb, stays.
   */
  private static final Set<String> PROSE_WORDS =
      Set.of(
          "incorrect",
          "wrong",
          "correct",
          "right",
          "valid",
          "too",
          "blank",
          "set",
          "stored",
          "in",
          "the",
          "a",
          "an",
          "being",
          "still",
          "now",
          "ok",
          "okay",
          "fine",
          "same",
          "different",
          "from",
          "of",
          "for",
          "on",
          "at",
          "by",
          "to",
          "unknown",
          "nil",
          "there",
          "here",
          "also",
          "already",
          "definitely",
          "probably",
          "that",
          "this",
          "it",
          "what",
          "and",
          "but",
          "or",
          "because",
          "my",
          "your",
          "our",
          "their",
          "his",
          "her",
          "its",
          "just",
          "only",
          "longer",
          "shorter",
          "stale",
          "old",
          "new",
          "outdated",
          "good",
          "bad",
          "weak",
          "strong",
          "authentication",
          "auth",
          "prompt",
          "file",
          "manager",
          "policy",
          "mismatch",
          "hash",
          "change",
          "reset",
          "login",
          "field",
          "correctly",
          "sbagliata",
          "sbagliato",
          "errata",
          "errato",
          "scaduta",
          "scaduto",
          "corretta",
          "corretto",
          "giusta",
          "giusto",
          "vuota",
          "vuoto",
          "non",
          "la",
          "il",
          "lo",
          "uguale",
          "diversa",
          "diverso",
          "ancora",
          "proprio",
          "quella",
          "quello",
          "questa",
          "questo",
          "nel",
          "nella",
          "su",
          "per",
          "da",
          "di",
          "del",
          "della",
          "mancante",
          "obbligatoria",
          "richiesta",
          "valida",
          "cambiata");

  /**
   * A user:password pair after a credential word: "credentials admin:Pa55", "credenziali
   * admin/Pa55", "username/password: bob:x". A '/' pair only after a plain user name, so a registry
   * path ("credentials for docker.io/library") stays; a port after ':' stays.
   */
  private static final Pattern CREDENTIAL_PAIR =
      Pattern.compile(
          "(?i)(\\b(?:credentials?|credenziali|creds|user(?:name)?\\s*/\\s*pass(?:word)?"
              + "|utente\\s*/\\s*password|user(?:name)?\\s+(?:and|e)\\s+password"
              + "|utente\\s+e\\s+password)\\s*(?:(?:are|is|were|was|sono|erano|\u00e8|=|:)\\s*)?"
              + "[\"'`]?(?:[\\w.@+-]+:|[\\w@+-]+/))(?!//|\\d+(?:/|\\s|$))([^\\s\"'`]+)");

  // Signatures in a signed URL's query: Azure SAS "sig=", S3 and GCS presigned URLs. The other
  // parameters (sv=, se=, the expiry) say nothing secret and help tell an expired URL.
  private static final Pattern URL_SIGNATURE =
      Pattern.compile(
          "(?i)((?<![\\w.-])(?:sig|signature|x-amz-signature|x-goog-signature|x-amz-credential"
              + "|x-goog-credential)=)([^&\\s\"'#:]+)");
  // Docker's config.json: "auth": "<base64 of user:password>", also as YAML.
  private static final Pattern DOCKER_AUTH =
      Pattern.compile("(?i)(\"?\\bauth\"?\\s*:\\s*\"?)([A-Za-z0-9+/=]{8,})");
  // Tools whose short flags carry a password: `docker login -p x` (podman, helm registry,
  // skopeo, oras…), `mysql -uroot -px` (only attached: a separate word is a database),
  // `redis-cli -a x`, `sshpass -p x`, and `user:password` after curl's -u / --user.
  private static final List<Pattern> SHORT_FLAGS =
      List.of(
          Pattern.compile("(?i)(\\blogin\\b[^\\n]*?\\s-p\\s*['\"]?)(?!-)([^\\s'\"]+)"),
          Pattern.compile(
              "(?i)(\\bmysql(?:dump|admin|sh|import|check)?\\b[^\\n]*?\\s-p['\"]?)([^\\s'\"-][^\\s'\"]*)"),
          Pattern.compile("(?i)(\\bredis-cli\\b[^\\n]*?\\s-a\\s+['\"]?)([^\\s'\"]+)"),
          Pattern.compile("(?i)(\\bsshpass\\s+-p\\s*['\"]?)([^\\s'\"]+)"),
          Pattern.compile(
              "(?i)((?<![\\w-])(?:-u|--user|--proxy-user)[\\s=]+['\"]?[^\\s:'\"]+:)([^\\s'\"]+)"));
  // A shell variable or command substitution names where a secret comes from, not the secret:
  // TOKEN=$(curl …), PASSWORD=${DB_PASSWORD}, password=$PGPASS.
  private static final Pattern SHELL_REFERENCE =
      Pattern.compile("\\$(?:\\(.*|\\{[^}]*}.*|[A-Z_][A-Z0-9_]*)");
  // The user may be empty (redis://:password@host) and the password may hold '@': it runs to the
  // last '@' before the host.
  private static final Pattern URL_CREDENTIALS =
      Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://[^\\s:/@]*:)([^\\s/]+)(@)");

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
    // "may require authorization: server message: insufficient_scope": a Go error chain goes on
    // after the words that follow, a header's credentials end the value.
    s = replaceGroup(AUTH_HEADER, s, m -> m.group().endsWith(":") ? m.group() : m.group(1) + MASK);
    s = replaceGroup(BEARER, s, m -> m.group(1) + m.group(2) + MASK);
    s = replaceGroup(URL_CREDENTIALS, s, m -> m.group(1) + MASK + m.group(3));
    s = maskValue(URL_SIGNATURE, s);
    s = maskKeyValues(s);
    s = maskValue(CREDENTIAL_PAIR, s);
    for (Pattern p : PROSE_SECRETS) {
      s = maskProse(p, s);
    }
    s = maskValue(FLAG_VALUE, s);
    s = maskValue(DOCKER_AUTH, s);
    for (Pattern p : SHORT_FLAGS) {
      s = maskValue(p, s);
    }
    return s;
  }

  /**
   * Masks the value after a secret-sounding key, except a runtime's own words and the status code
   * after a URL path that ends in such a word.
   */
  private static String maskKeyValues(String s) {
    return replaceGroup(
        KEY_VALUE,
        s,
        m -> {
          String quote = m.group(2) != null ? "\"" : m.group(3) != null ? "'" : "";
          String value =
              m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
          // "invalid username/password: unauthorized: …": the word may end an error chain's part
          String firstWord = value.strip().split("\\s+", 2)[0].replaceAll("[:,;.]+$", "");
          boolean keep =
              value.startsWith(MASK)
                  || SHELL_REFERENCE.matcher(value).matches()
                  || ERROR_WORDS.contains(firstWord.toLowerCase(Locale.ROOT))
                  // ".../v2/token: 403 Forbidden": the end of a URL's path, not a key
                  || (value.matches("[1-5]\\d\\d")
                      && m.start() > 0
                      && s.charAt(m.start() - 1) == '/');
          return keep ? m.group() : m.group(1) + quote + MASK + quote;
        });
  }

  /**
   * Masks the value (groups 2 to 5: double, single, back quoted or bare) after group 1, unless it
   * reads as prose about a password rather than a password.
   */
  private static String maskProse(Pattern p, String s) {
    return replaceGroup(
        p,
        s,
        m -> {
          int g = m.group(2) != null ? 2 : m.group(3) != null ? 3 : m.group(4) != null ? 4 : 5;
          String value = m.group(g);
          if (value.startsWith(MASK) || (g == 5 && looksLikeProse(value))) {
            return m.group();
          }
          return s.substring(m.start(), m.start(g)) + MASK + s.substring(m.end(g), m.end());
        });
  }

  /**
   * Whether a bare word after "the password is" is a word of the sentence: letters only (a password
   * almost always holds a digit or a sign) and a known word, a participle or an adverb.
   */
  private static boolean looksLikeProse(String value) {
    String v = value.replaceAll("[.,;:!?)]+$", "").toLowerCase(Locale.ROOT);
    if (!v.chars().allMatch(Character::isLetter)) {
      return false;
    }
    return v.isEmpty()
        || PROSE_WORDS.contains(v)
        || ERROR_WORDS.contains(v)
        || v.matches(".{3,}(?:ed|ing|ly|ata|ato|ita|ito|uta|uto)");
  }

  /** Masks group 2 (the value) after group 1 (its key), unless it is already masked. */
  private static String maskValue(Pattern p, String s) {
    return replaceGroup(p, s, m -> m.group(2).startsWith(MASK) ? m.group() : m.group(1) + MASK);
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

package dev.runtimedoctor.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.runtimedoctor.bot.diagnosis.DiagnosisService;
import dev.runtimedoctor.bot.http.SlackHarness;
import dev.runtimedoctor.bot.slack.api.SlackMessage;
import dev.runtimedoctor.bot.slack.render.Answer;
import dev.runtimedoctor.bot.slack.render.AnswerOptions;
import dev.runtimedoctor.bot.slack.render.AnswerRef;
import dev.runtimedoctor.bot.slack.render.AnswerRenderer;
import dev.runtimedoctor.knowledge.entry.KnowledgeBase;
import dev.runtimedoctor.knowledge.entry.Language;
import dev.runtimedoctor.knowledge.match.Diagnosis;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A property over every kind of secret the redactor knows: put at every offset of a pasted error
 * line — before the error and after it, across the point where evidence is cut — no text the bot
 * posts to Slack or prints in the terminal holds more than 4 consecutive characters of it.
 *
 * <p>The cases are generated from a fixed seed (the same run every time, reproducible from the
 * case's name) and cover each kind at each offset exhaustively rather than by sampling.
 */
class SecretsNeverShownTest {
  private static final DiagnosisService SERVICE =
      DiagnosisService.of(KnowledgeBase.bundledWith(List.of()));
  private static final AnswerRenderer RENDERER = new AnswerRenderer();

  /** Two errors the bundled knowledge recognises, to carry the secret into the evidence. */
  private static final List<String> ERRORS =
      List.of(
          "failed to allocate for range 0: no IP addresses available in range set:"
              + " 10.48.131.1-10.48.131.62",
          SlackHarness.X509_PASTE);

  /** Evidence is cut around 300 characters: offsets that put a secret on each side of it. */
  private static final int MAX_OFFSET = 340;

  private static final int STEP = 11;

  /** A secret as pasted, and the parts of it that must never be shown. */
  record Secret(String pasted, List<String> parts) {}

  /** One kind of secret: a name and how a random value of it is pasted. */
  record Kind(String name, Function<Random, Secret> make) {}

  private static String alnum(Random r, int n) {
    String a = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append(a.charAt(r.nextInt(a.length())));
    }
    return sb.toString();
  }

  private static String upper(Random r, int n) {
    return alnum(r, n * 3).replaceAll("[a-z]", "").substring(0, n);
  }

  private static Kind token(String name, String prefix, int length) {
    return new Kind(
        name,
        r -> {
          String s = alnum(r, length);
          return new Secret(prefix + s, List.of(s));
        });
  }

  private static Kind keyed(String name, String before, String after) {
    return new Kind(
        name,
        r -> {
          String s = alnum(r, 14);
          return new Secret(before + s + after, List.of(s));
        });
  }

  static List<Kind> kinds() {
    return List.of(
        token("slack bot token", "xoxb-1234567890-", 24),
        token("slack app token", "xapp-1-A0123-", 30),
        token("slack webhook", "https://hooks.slack.com/services/T0001/B0001/", 24),
        token("github token", "ghp_", 36),
        token("github fine-grained token", "github_pat_11AB", 40),
        token("gitlab token", "glpat-", 20),
        token("npm token", "npm_", 36),
        token("stripe key", "sk_live_", 24),
        new Kind(
            "aws access key",
            r -> {
              String s = upper(r, 16);
              return new Secret("AKIA" + s, List.of(s));
            }),
        token("google api key", "AIza", 35),
        token("google oauth token", "ya29.", 40),
        token("google refresh token", "1//0", 30),
        new Kind(
            "json web token",
            r -> {
              String a = alnum(r, 20);
              String b = alnum(r, 30);
              String c = alnum(r, 20);
              return new Secret("eyJ" + a + ".eyJ" + b + "." + c, List.of(a, b, c));
            }),
        new Kind(
            "private key in json",
            r -> {
              String s = alnum(r, 64);
              return new Secret(
                  "\"private_key\": \"-----BEGIN PRIVATE KEY-----\\n"
                      + s
                      + "\\n-----END PRIVATE KEY-----\\n\"",
                  List.of(s));
            }),
        keyed("authorization bearer", "Authorization: Bearer ", ""),
        keyed("bearer", "-H 'bearer ", "'"),
        keyed("basic", "Authorization: Basic ", ""),
        keyed("password=", "password=", ""),
        keyed("yaml password", "DB_PASSWORD: ", ""),
        keyed("json client secret", "\"client_secret\": \"", "\""),
        keyed("url credentials", "https://robot:", "@registry.example.com/v2/"),
        keyed("--password", "--password ", " --host db"),
        keyed("--token", "--token ", ""),
        keyed("--client-secret", "--client-secret ", ""),
        keyed("docker login -p", "docker login -u robot -p ", " registry.example.com"),
        keyed("mysql -p", "mysql -uroot -p", " -h db"),
        keyed("redis-cli -a", "redis-cli -h cache -a ", " ping"),
        keyed("curl -u", "curl -u admin:", " https://x"),
        new Kind(
            "docker config auth",
            r -> {
              String s = Base64.getEncoder().encodeToString(("robot:" + alnum(r, 18)).getBytes());
              return new Secret("{\"auths\":{\"r.io\":{\"auth\":\"" + s + "\"}}}", List.of(s));
            }),
        token("github oauth token", "gho_", 36),
        token("slack user token", "xoxp-1234-5678-", 24),
        token("vault service token", "hvs.", 90),
        token("vault batch token", "hvb.", 90),
        token("vault legacy token", "s.", 24),
        keyed("kubeconfig client-key-data", "    client-key-data: ", ""),
        keyed("kubeconfig client-certificate-data", "    client-certificate-data: ", ""),
        keyed("base64 pem", "tls.key: LS0tLS1CRUdJTi", ""),
        keyed("password is", "the password is ", ""),
        keyed("password was", "the password was ", " and it failed"),
        keyed("la password \u00e8", "la password \u00e8 ", ""),
        keyed("password: in a sentence", "I tried password: ", " but it fails"),
        keyed("netrc", "machine registry.example.com login robot password ", ""),
        keyed("credenziali pair", "credenziali admin:", ""),
        keyed("credentials pair", "with credentials admin/", " on the registry"),
        keyed(
            "azure sas",
            "https://a.blob.core.windows.net/c/b?sv=2021-08-06&se=2026-01-01&sig=",
            "&sp=r"),
        new Kind(
            "dockerconfigjson",
            r -> {
              String s = alnum(r, 40);
              return new Secret(".dockerconfigjson: eyJhdXRocyI6" + s, List.of(s));
            }));
  }

  @TestFactory
  @DisplayName(
      "no secret, or more than 4 characters of one, reaches a Slack answer or the terminal")
  Stream<DynamicTest> secretsNeverShown() {
    Random random = new Random(12);
    List<DynamicTest> tests = new ArrayList<>();
    for (Kind kind : kinds()) {
      Secret secret = kind.make().apply(random);
      tests.add(
          DynamicTest.dynamicTest(
              kind.name(),
              () -> {
                for (int offset = 0; offset <= MAX_OFFSET; offset += STEP) {
                  for (String error : ERRORS) {
                    String pad = filler(offset);
                    check(kind, secret, pad + " " + secret.pasted() + " " + error);
                    check(kind, secret, error + " " + pad + " " + secret.pasted() + " end");
                  }
                }
              }));
    }
    return tests.stream();
  }

  /** Words before the secret, {@code n} characters in all. */
  private static String filler(int n) {
    StringBuilder sb = new StringBuilder();
    while (sb.length() < n) {
      sb.append("pod web-7f9 event ");
    }
    return sb.substring(0, n);
  }

  private static void check(Kind kind, Secret secret, String paste) {
    // The error must be recognised, or nothing would be shown and nothing proven.
    assertThat(SERVICE.diagnose(paste).confident()).as("recognised: %s", paste).isNotEmpty();
    List<String> shown = shown(paste);
    String blank = paste.replace(secret.pasted(), "x".repeat(secret.pasted().length()));
    Set<String> already = new HashSet<>();
    shown(blank).forEach(t -> already.addAll(grams(t)));
    for (String part : secret.parts()) {
      for (String gram : grams(part)) {
        if (already.contains(gram)) {
          continue;
        }
        for (String text : shown) {
          assertThat(text)
              .as("%s: '%s' of the secret shown for paste [%s]", kind.name(), gram, paste)
              .doesNotContain(gram);
        }
      }
    }
  }

  private static Set<String> grams(String s) {
    Set<String> out = new HashSet<>();
    for (int i = 0; i + 5 <= s.length(); i++) {
      out.add(s.substring(i, i + 5));
    }
    return out;
  }

  /** Everything shown for a paste: the Slack answer's strings and the terminal's report. */
  private static List<String> shown(String paste) {
    Diagnosis d = SERVICE.diagnose(paste);
    List<String> out = new ArrayList<>();
    for (Language l : Language.values()) {
      StringWriter terminal = new StringWriter();
      new TerminalReport(l).print(d, paste, new PrintWriter(terminal));
      out.add(terminal.toString());
      out.add(JsonOutput.ask(d, l).toString());
      SlackMessage m =
          d.confident().isEmpty()
              ? RENDERER.noMatch(d, paste, l)
              : RENDERER.answer(
                  Answer.of(d, l),
                  AnswerOptions.ephemeral(AnswerRef.of("ref", Answer.of(d, l), "fp"), true));
      out.add(m.text());
      strings(JsonParser.parseString(m.blocksJson()), out);
    }
    return out;
  }

  private static void strings(JsonElement e, List<String> out) {
    if (e.isJsonPrimitive()) {
      out.add(e.getAsString());
    } else if (e.isJsonArray()) {
      e.getAsJsonArray().forEach(x -> strings(x, out));
    } else if (e.isJsonObject()) {
      e.getAsJsonObject().entrySet().forEach(x -> strings(x.getValue(), out));
    }
  }
}

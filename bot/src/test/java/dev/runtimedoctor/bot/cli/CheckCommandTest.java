package dev.runtimedoctor.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.runtimedoctor.bot.cluster.LoopbackApiServer;
import dev.runtimedoctor.bot.cluster.MockCluster;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** {@code check} and {@code ask --check} against the mock cluster, through a kubeconfig file. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CheckCommandTest {
  private static final String IP_ERROR =
      "failed to allocate for range 0: no IP addresses available in range set:"
          + " 10.48.131.1-10.48.131.62";

  private MockCluster cluster;
  private Map<String, String> env;

  @BeforeAll
  void start(@TempDir Path dir) {
    cluster = MockCluster.crud("gke-cluster.yaml", "default-pool-pods.yaml");
    env = cluster.env(dir);
  }

  @AfterAll
  void stop() {
    cluster.close();
  }

  @Test
  @DisplayName("check --json prints the context and one result per check of every entry")
  void checkJson() {
    Run run = run(env, "check", "--json");
    assertThat(run.code()).isZero();
    JsonObject o = JsonParser.parseString(run.out()).getAsJsonObject();
    assertThat(o.get("context").getAsString()).isEqualTo(MockCluster.CONTEXT);
    JsonArray results = o.getAsJsonArray("results");
    assertThat(results).hasSize(28);
    JsonObject first = results.get(0).getAsJsonObject();
    assertThat(first.keySet()).containsExactly("entry", "check", "verdict", "summary", "evidence");
    assertThat(verdict(results, "pod-ip-exhaustion", "pods-per-node")).isEqualTo("confirmed");
    assertThat(verdict(results, "windows-attach-after-restart", "node-version"))
        .isEqualTo("confirmed");
    assertThat(verdict(results, "nap-docker-only", "node-version")).isEqualTo("not-affected");
  }

  @Test
  @DisplayName("check --entry … --namespace prints one verdict per line")
  void checkText() {
    Run run =
        run(
            env,
            "check",
            "--entry",
            "private-registry-x509",
            "--entry",
            "pod-ip-exhaustion",
            "--namespace",
            "payments");
    assertThat(run.code()).isZero();
    List<String> verdicts = run.out().lines().filter(l -> !l.startsWith(" ")).skip(1).toList();
    assertThat(verdicts)
        .hasSize(4)
        .satisfiesExactly(
            l -> assertThat(l).startsWith("confirmed     private-registry-x509 event: "),
            l -> assertThat(l).startsWith("confirmed     pod-ip-exhaustion node-version: "),
            l -> assertThat(l).startsWith("confirmed     pod-ip-exhaustion pods-per-node: "),
            l ->
                assertThat(l)
                    .startsWith(
                        "inconclusive  pod-ip-exhaustion event: no recent event in"
                            + " namespace payments"));
    assertThat(run.out()).startsWith("cluster checks on context " + MockCluster.CONTEXT);
  }

  @Test
  @DisplayName(
      "check --lang it says the summaries in Italian; codes, ids and --json stay as they are")
  void checkItalian() {
    Run run =
        run(
            env,
            "check",
            "--lang",
            "it",
            "--entry",
            "pod-ip-exhaustion",
            "--namespace",
            "payments");
    assertThat(run.code()).isZero();
    assertThat(run.out())
        .startsWith("controlli sul cluster nel contesto " + MockCluster.CONTEXT)
        .contains(
            "inconclusive  pod-ip-exhaustion event: nessun evento recente in namespace payments")
        .contains("confirmed     pod-ip-exhaustion node-version: ")
        .doesNotContain("carries the error", "an affected version");
    Run json = run(env, "check", "--lang", "it", "--entry", "pod-ip-exhaustion", "--json");
    assertThat(json.out()).contains("\"summary\":\"").doesNotContain("nessun");
  }

  @Test
  @DisplayName("an unknown --entry is a usage error with a suggestion")
  void unknownEntry() {
    Run run = run(env, "check", "--entry", "pod-ip-exhaustoin");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("did you mean 'pod-ip-exhaustion'");
  }

  @Test
  @DisplayName("ask --check --json adds the top match's verdicts under 'checks'")
  void askCheckJson() {
    Run run = run(env, "ask", "--check", "--json", IP_ERROR);
    assertThat(run.code()).isZero();
    JsonObject o = JsonParser.parseString(run.out()).getAsJsonObject();
    assertThat(o.getAsJsonArray("matches").get(0).getAsJsonObject().get("id").getAsString())
        .isEqualTo("pod-ip-exhaustion");
    JsonObject checks = o.getAsJsonObject("checks");
    assertThat(checks.get("context").getAsString()).isEqualTo(MockCluster.CONTEXT);
    assertThat(stream(checks.getAsJsonArray("results")))
        .extracting(r -> r.getAsJsonObject().get("verdict").getAsString())
        .containsExactly("confirmed", "confirmed", "confirmed");
  }

  @Test
  @DisplayName("ask --check prints the answer, then the verdicts")
  void askCheckText() {
    Run run = run(env, "ask", "--check", "--lang", "en", IP_ERROR);
    assertThat(run.code()).isZero();
    int answer = run.out().indexOf("pod-ip-exhaustion  confidence");
    int checks = run.out().indexOf("cluster checks on context");
    assertThat(answer).isNotNegative();
    assertThat(checks).isGreaterThan(answer);
    assertThat(run.out()).contains("confirmed     pod-ip-exhaustion event:");
  }

  @Test
  @DisplayName("a cluster that is down never stops the answer")
  void askWithClusterDown(@TempDir Path dir) {
    Path kubeconfig = MockCluster.writeKubeconfig(dir, "http://localhost:1");
    Run run =
        run(Map.of("KUBECONFIG", kubeconfig.toString()), "ask", "--check", "--json", IP_ERROR);
    assertThat(run.code()).isZero();
    JsonObject o = JsonParser.parseString(run.out()).getAsJsonObject();
    assertThat(o.get("reply").getAsBoolean()).isTrue();
    assertThat(stream(o.getAsJsonObject("checks").getAsJsonArray("results")))
        .allSatisfy(
            r -> {
              assertThat(r.getAsJsonObject().get("verdict").getAsString()).isEqualTo("unavailable");
              assertThat(r.getAsJsonObject().get("summary").getAsString())
                  .contains("cannot reach the API server");
            });
  }

  @Test
  @DisplayName("ask --check without a match runs no check and says why")
  void askCheckNoMatch() {
    Run run = run(Map.of(), "ask", "--check", "--json", "the weather is lovely today");
    assertThat(run.code()).isZero();
    JsonObject checks =
        JsonParser.parseString(run.out()).getAsJsonObject().getAsJsonObject("checks");
    assertThat(checks.getAsJsonArray("results")).isEmpty();
    assertThat(checks.get("note").getAsString()).isEqualTo("no known issue recognised");
  }

  @Test
  @DisplayName("check with no cluster configured says what to set up in one line, exit 3")
  void noCluster(@TempDir Path home) {
    Run run = run(Map.of("HOME", home.toString()), "check");

    assertThat(run.code()).isEqualTo(3);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines())
        .singleElement()
        .asString()
        .startsWith("no cluster checks ran: no cluster configured: set KUBECONFIG");
  }

  @Test
  @DisplayName("a malformed kubeconfig is one line with the file and the line, no YAML trace")
  void brokenKubeconfig(@TempDir Path dir) throws Exception {
    Path kubeconfig = dir.resolve("config");
    java.nio.file.Files.writeString(kubeconfig, "apiVersion: v1\nclusters: [\n  - name: x\n::\n");

    Run text = run(Map.of("KUBECONFIG", kubeconfig.toString()), "check");
    Run json = run(Map.of("KUBECONFIG", kubeconfig.toString()), "check", "--json");

    assertThat(text.code()).isEqualTo(3);
    assertThat(text.out()).isEmpty();
    assertThat(text.err().lines())
        .singleElement()
        .asString()
        .startsWith("no cluster checks ran: the kubeconfig " + kubeconfig + " is not valid YAML")
        .contains("at line 3")
        .endsWith("fix it, or point KUBECONFIG at another file");
    assertThat(json.code()).isEqualTo(3);
    assertThat(json.err()).isEqualTo(text.err());
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(
      delimiter = '|',
      value = {
        "apiVersion: v1\\nkind: Config\\nclusters: []\\ncontexts: []\\nusers: []\\n|has no contexts",
        "apiVersion: v1\\nkind: Config\\nclusters:\\n- name: c\\n  cluster: {server: 'https://127.0.0.1:1'}"
            + "\\ncontexts:\\n- name: ctx\\n  context: {cluster: c, user: u}\\nusers:\\n- name: u"
            + "\\n  user: {token: abc}\\n|sets no current-context",
        "apiVersion: v1\\nkind: Config\\nclusters:\\n- name: c\\n  cluster: {server: 'https://127.0.0.1:1'}"
            + "\\ncontexts:\\n- name: ctx\\n  context: {cluster: c, user: u}\\nusers:\\n- name: u"
            + "\\n  user: {token: abc}\\ncurrent-context: nope\\n|names no context in it (it has: ctx)"
      })
  @DisplayName(
      "a kubeconfig with no context to use says so in one line, exit 3, not the in-cluster"
          + " address")
  void kubeconfigWithoutAContext(String yaml, String said, @TempDir Path dir) throws Exception {
    Path kubeconfig = dir.resolve("config");
    java.nio.file.Files.writeString(kubeconfig, yaml.replace("\\n", "\n"));

    Run run = run(Map.of("KUBECONFIG", kubeconfig.toString()), "check");

    assertThat(run.code()).isEqualTo(3);
    assertThat(run.err().lines())
        .singleElement()
        .asString()
        .contains(said.startsWith("names") ? kubeconfig + " " : kubeconfig + " " + said)
        .contains(said)
        .doesNotContain("kubernetes.default.svc");
  }

  @Test
  @DisplayName("an unreachable API server is said once, not once per check, exit 3")
  void unreachableCluster(@TempDir Path dir) {
    Path kubeconfig = MockCluster.writeKubeconfig(dir, "http://localhost:1");

    Run run = run(Map.of("KUBECONFIG", kubeconfig.toString()), "check");

    assertThat(run.code()).isEqualTo(3);
    assertThat(run.err().lines())
        .singleElement()
        .asString()
        .startsWith("no cluster checks ran on context ")
        .contains("cannot reach the API server");
  }

  @Test
  @DisplayName(
      "every check refused (403, 404) is one line naming each refused resource and its grant,"
          + " exit 3")
  void everyCheckRefused(@TempDir Path dir) {
    try (MockCluster refusing =
        MockCluster.crud("gke-cluster.yaml")
            .refuse(403, "nodes", "pods", "events", "namespaces")
            .refuse(404, "mutatingwebhookconfigurations", "validatingwebhookconfigurations")) {
      Map<String, String> refusingEnv = refusing.env(dir);

      Run run = run(refusingEnv, "check");
      Run italian = run(refusingEnv, "check", "--lang", "it");

      assertThat(run.code()).isEqualTo(3);
      assertThat(run.out()).isEmpty();
      assertThat(run.err().lines())
          .singleElement()
          .asString()
          .startsWith(
              "no cluster checks ran on context "
                  + MockCluster.CONTEXT
                  + ": the API server answered none of the checks: 403 Forbidden for ")
          .contains(
              "nodes",
              "pods",
              "events",
              " as system:serviceaccount:runtime-doctor:runtime-doctor: grant ",
              "get/list on nodes",
              "list on pods",
              "list on events",
              "; the API server does not serve"
                  + " mutatingwebhookconfigurations.admissionregistration.k8s.io (404)",
              "docs/cluster-checks.md");
      assertThat(italian.code()).isEqualTo(3);
      assertThat(italian.err().lines())
          .singleElement()
          .asString()
          .startsWith("nessun controllo sul cluster eseguito nel contesto ")
          .contains("l'API server non ha risposto a nessuno dei controlli: 403 Forbidden per ");
    }
  }

  @Test
  @DisplayName("when some checks are refused and others answer, every check gets its line, exit 0")
  void someChecksRefused(@TempDir Path dir) {
    try (MockCluster refusing = MockCluster.crud("gke-cluster.yaml").refuse(403, "events")) {
      Run run = run(refusing.env(dir), "check", "--entry", "pod-ip-exhaustion");

      assertThat(run.code()).isZero();
      assertThat(run.out().lines().filter(l -> !l.startsWith(" ")).skip(1))
          .hasSize(3)
          .anySatisfy(
              l ->
                  assertThat(l)
                      .startsWith("unavailable   pod-ip-exhaustion event: cannot list events")
                      .endsWith("grant list on events"))
          .anySatisfy(
              l -> assertThat(l).startsWith("confirmed     pod-ip-exhaustion node-version"));
    }
  }

  @Test
  @DisplayName("a web page where the API server should be is one plain line, exit 3")
  void htmlInsteadOfApi(@TempDir Path dir) {
    try (LoopbackApiServer proxy = LoopbackApiServer.html()) {
      Path kubeconfig = MockCluster.writeKubeconfig(dir, proxy.url("127.0.0.1"));

      Run run = run(Map.of("KUBECONFIG", kubeconfig.toString()), "check");

      assertThat(run.code()).isEqualTo(3);
      assertThat(run.out()).isEmpty();
      assertThat(run.err().lines())
          .singleElement()
          .asString()
          .isEqualTo(
              "no cluster checks ran on context "
                  + MockCluster.CONTEXT
                  + ": the server at "
                  + proxy.url("127.0.0.1")
                  + "/ did not answer as a Kubernetes API server (it answered HTML, not JSON):"
                  + " check the server address in the kubeconfig; a proxy may be answering with"
                  + " its own page");
      assertThat(proxy.methods()).isNotEmpty().containsOnly("GET");
    }
  }

  @Test
  @DisplayName("check --lang it says why no check ran in Italian: no cluster, an unreachable one")
  void nothingCheckedInItalian(@TempDir Path home) {
    Path kubeconfig = MockCluster.writeKubeconfig(home, "http://localhost:1");

    Run none = run(Map.of("HOME", home.resolve("empty").toString()), "check", "--lang", "it");
    Run down = run(Map.of("KUBECONFIG", kubeconfig.toString()), "check", "--lang", "it");

    assertThat(none.code()).isEqualTo(3);
    assertThat(none.err().lines())
        .singleElement()
        .asString()
        .startsWith(
            "nessun controllo sul cluster eseguito: nessun cluster configurato: imposta"
                + " KUBECONFIG");
    assertThat(down.code()).isEqualTo(3);
    assertThat(down.err().lines())
        .singleElement()
        .asString()
        .startsWith("nessun controllo sul cluster eseguito nel contesto " + MockCluster.CONTEXT)
        .contains("impossibile raggiungere l'API server in http://localhost:1/")
        .doesNotContain("cannot", "no cluster");
  }

  @Test
  @DisplayName("ask --check in Italian says the cluster's failures and 'no checks' in Italian")
  void askCheckInItalian(@TempDir Path dir) {
    Path kubeconfig = MockCluster.writeKubeconfig(dir, "http://localhost:1");

    Run down =
        run(
            Map.of("KUBECONFIG", kubeconfig.toString()),
            "ask",
            "--check",
            "--lang",
            "it",
            IP_ERROR);
    Run noMatch = run(Map.of(), "ask", "--check", "--lang", "it", "the weather is lovely today");

    assertThat(down.code()).isZero();
    assertThat(down.out())
        .contains("controlli sul cluster nel contesto " + MockCluster.CONTEXT)
        .contains(
            "unavailable   pod-ip-exhaustion node-version: lettura non riuscita (list nodes at"
                + " cluster scope): impossibile raggiungere l'API server")
        .doesNotContain("cannot reach");
    assertThat(noMatch.out())
        .contains("nessun controllo sul cluster: nessun problema noto riconosciuto")
        .doesNotContain("no cluster checks");
  }

  private static String verdict(JsonArray results, String entry, String check) {
    return stream(results)
        .map(JsonElement::getAsJsonObject)
        .filter(r -> r.get("entry").getAsString().equals(entry))
        .filter(r -> r.get("check").getAsString().equals(check))
        .findFirst()
        .orElseThrow()
        .get("verdict")
        .getAsString();
  }

  private static java.util.stream.Stream<JsonElement> stream(JsonArray a) {
    return StreamSupport.stream(a.spliterator(), false);
  }

  private static Run run(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            args,
            env,
            new ByteArrayInputStream(new byte[0]),
            new PrintWriter(out),
            new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  private record Run(int code, String out, String err) {}
}

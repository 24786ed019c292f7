package dev.runtimedoctor.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.runtimedoctor.bot.cluster.ClusterAccess;
import dev.runtimedoctor.bot.cluster.ClusterLocation;
import dev.runtimedoctor.bot.cluster.ClusterSettings;
import dev.runtimedoctor.bot.cluster.MockCluster;
import dev.runtimedoctor.bot.config.Environment;
import dev.runtimedoctor.bot.fake.FakeSlackApi;
import dev.runtimedoctor.bot.http.SlackHarness;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Run cluster checks" and {@code /troubleshoot check}: run for allowed users against fabric8's
 * mock API server seeded with the GKE fixture, politely refused to anyone else.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterChecksSlackTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String ALLOWED = "UALICE001";
  private static final String REFUSED = "UMALLORY1";
  private static final String THREAD = "1700007000.000100";

  private MockCluster cluster;
  private Map<String, String> kubeconfig;
  private FakeSlackApi fake;
  private SlackHarness h;

  @BeforeAll
  void seed(@TempDir Path dir) {
    cluster = MockCluster.crud("gke-cluster.yaml", "default-pool-pods.yaml");
    kubeconfig = cluster.env(dir);
  }

  @AfterAll
  void checkReadOnly() {
    // Fails unless every request the bot sent the cluster was a permitted GET.
    cluster.close();
  }

  @BeforeEach
  void start() throws Exception {
    cluster.forget();
    fake = FakeSlackApi.start();
    h =
        SlackHarness.start(
            fake,
            Map.of("CHECKS_ALLOWED_USERS", ALLOWED + ",UBOB00001"),
            ClusterAccess.open(Environment.of(kubeconfig).cluster(), ClusterSettings.DEFAULT));
  }

  @AfterEach
  void stop() {
    h.close();
    fake.close();
    cluster.assertReadOnly();
  }

  @Test
  @DisplayName("the button, allowed user → results posted in the thread and updated in place")
  void buttonAllowed() throws Exception {
    String value = answerInThread();
    click(ALLOWED, value, "b1");
    List<FakeSlackApi.Call> posts = fake.awaitPosts("CGENERAL1", 2, WAIT);
    FakeSlackApi.Call running = posts.get(1);
    assertThat(running.params()).containsEntry("thread_ts", THREAD);
    assertThat(running.params().get("blocks"))
        .contains("Cluster checks", MockCluster.CONTEXT, "of 3 done", "pods-per-node");
    String ts = fake.messages("CGENERAL1").get(1).get("ts").getAsString();
    FakeSlackApi.Call last = awaitFinal();
    assertThat(last.params()).containsEntry("ts", ts).containsEntry("channel", "CGENERAL1");
    assertThat(last.params().get("blocks"))
        .contains("all 3 done", "*confirmed* `node-version`", "*confirmed* `pods-per-node`")
        .contains("*confirmed* `event`", "61 pods", "10.48.131.0/24")
        .doesNotContain("running…");
    assertThat(fake.messages("CGENERAL1")).hasSize(2);
    assertThat(h.metric("runtime_doctor_slack_cluster_checks_total", "outcome=\"run\""))
        .isEqualTo(1);
  }

  @Test
  @DisplayName("the button, refused user → told politely who may; nothing runs, nothing is posted")
  void buttonRefused() throws Exception {
    String value = answerInThread();
    click(REFUSED, value, "b2");
    FakeSlackApi.Call reply = fake.await("/respond/b2", 1, WAIT).get(0);
    JsonObject body = reply.json();
    assertThat(body.get("response_type").getAsString()).isEqualTo("ephemeral");
    assertThat(body.get("replace_original").getAsBoolean()).isFalse();
    assertThat(body.get("text").getAsString()).contains("Sorry", "<@UALICE001>", "<@UBOB00001>");
    assertThat(fake.awaitPosts("CGENERAL1", 1, WAIT)).hasSize(1);
    assertThat(cluster.requests()).isEmpty();
    assertThat(h.metric("runtime_doctor_slack_cluster_checks_total", "outcome=\"refused\""))
        .isEqualTo(1);
  }

  @Test
  @DisplayName("/troubleshoot check <id>, allowed user → progress then results on the response_url")
  void commandAllowed() throws Exception {
    h.command("check pod-ip-exhaustion", ALLOWED, "c1");
    List<FakeSlackApi.Call> replies = awaitResponses("c1", "all 3 done");
    JsonObject first = replies.get(0).json();
    assertThat(first.get("response_type").getAsString()).isEqualTo("ephemeral");
    assertThat(first.get("replace_original").getAsBoolean()).isFalse();
    assertThat(replies.get(0).body()).contains("of 3 done");
    FakeSlackApi.Call last = replies.get(replies.size() - 1);
    assertThat(last.json().get("replace_original").getAsBoolean()).isTrue();
    assertThat(last.body()).contains("*confirmed* `pods-per-node`", MockCluster.CONTEXT);
    assertThat(replies).hasSizeLessThanOrEqualTo(5);
  }

  @Test
  @DisplayName("a user who chose Italian gets the checks' verdicts and summaries in Italian")
  void commandInItalian() throws Exception {
    h.command("lang it", ALLOWED, "i0");
    fake.await("/respond/i0", 1, WAIT);
    h.command("check pod-ip-exhaustion", ALLOWED, "i1");
    List<FakeSlackApi.Call> replies = awaitResponses("i1", "completati tutti e 3");
    assertThat(replies.get(replies.size() - 1).body())
        .contains("Controlli sul cluster", "*confermato* `pods-per-node`", "*confermato* `event`")
        .contains("una versione interessata", "pod con un IP", "riporta")
        .doesNotContain("an affected version", "pods holding an IP", "carries the error");
  }

  @Test
  @DisplayName("/troubleshoot check, refused user → told who may; a typo'd id gets did-you-mean")
  void commandRefusedAndTypo() throws Exception {
    h.command("check pod-ip-exhaustion", REFUSED, "c2");
    assertThat(fake.await("/respond/c2", 1, WAIT).get(0).json().get("text").getAsString())
        .contains("Sorry", "<@UALICE001>");
    h.command("check pod-ip-exhaustio", ALLOWED, "c3");
    assertThat(fake.await("/respond/c3", 1, WAIT).get(0).body())
        .contains("did you mean", "`pod-ip-exhaustion`");
    assertThat(cluster.requests()).isEmpty();
  }

  @Test
  @DisplayName("the button under an ephemeral answer → the results added under that answer")
  void buttonOnEphemeralAnswer() throws Exception {
    h.command(SlackHarness.IP_PASTE, ALLOWED, "e1");
    String answer = fake.await("/respond/e1", 1, WAIT).get(0).json().get("blocks").toString();
    h.interactive(
        SlackPayloads.click(
            SlackSurface.ACTION_RUN_CHECKS,
            SlackPayloads.buttonValue(answer, SlackSurface.ACTION_RUN_CHECKS),
            ALLOWED,
            "CGENERAL1",
            fake.responseUrl("e2"),
            Optional.empty(),
            Optional.empty()));
    List<FakeSlackApi.Call> replies = awaitResponses("e2", "all 3 done");
    assertThat(replies)
        .allSatisfy(r -> assertThat(r.json().get("replace_original").getAsBoolean()).isTrue());
    assertThat(replies.get(replies.size() - 1).body())
        .contains("Resolution", "*confirmed* `node-version`", SlackSurface.ACTION_SHARE);
  }

  @Test
  @DisplayName("no cluster configured → the bot still answers, and says checks are unavailable")
  void noCluster() throws Exception {
    try (SlackHarness bare =
        SlackHarness.start(
            fake,
            Map.of("CHECKS_ALLOWED_USERS", ALLOWED),
            ClusterAccess.open(ClusterLocation.NONE, ClusterSettings.DEFAULT))) {
      bare.command("check", ALLOWED, "n1");
      assertThat(fake.await("/respond/n1", 1, WAIT).get(0).body())
          .contains("Cluster checks unavailable: no cluster configured");
    }
  }

  @Test
  @DisplayName(
      "no cluster configured, an Italian Slack locale → why checks are unavailable, in Italian")
  void noClusterInItalian() throws Exception {
    try (SlackHarness bare =
        SlackHarness.start(
            fake,
            Map.of("CHECKS_ALLOWED_USERS", ALLOWED),
            ClusterAccess.open(ClusterLocation.NONE, ClusterSettings.DEFAULT))) {
      fake.locale(ALLOWED, "it-IT");
      bare.command("check", ALLOWED, "n2");
      assertThat(fake.await("/respond/n2", 1, WAIT).get(0).body())
          .contains("nessun cluster configurato")
          .doesNotContain("no cluster configured");
    }
  }

  /** A paste answered in a thread of CGENERAL1; returns its "Run cluster checks" value. */
  private String answerInThread() throws Exception {
    h.event(SlackPayloads.message("CGENERAL1", "UCAROL001", THREAD, SlackHarness.IP_PASTE));
    FakeSlackApi.Call answer = fake.awaitPosts("CGENERAL1", 1, WAIT).get(0);
    return SlackPayloads.buttonValue(answer.params().get("blocks"), SlackSurface.ACTION_RUN_CHECKS);
  }

  private void click(String user, String value, String responseId) throws Exception {
    String answerTs = fake.messages("CGENERAL1").get(0).get("ts").getAsString();
    h.interactive(
        SlackPayloads.click(
            SlackSurface.ACTION_RUN_CHECKS,
            value,
            user,
            "CGENERAL1",
            fake.responseUrl(responseId),
            Optional.of(answerTs),
            Optional.of(THREAD)));
  }

  /** Waits for the chat.update that shows every check done. */
  private FakeSlackApi.Call awaitFinal() throws InterruptedException {
    return fake.await(
            c ->
                c.method().equals("chat.update") && c.params().get("blocks").contains("all 3 done"),
            "final update",
            1,
            WAIT)
        .get(0);
  }

  /** Waits for the response_url post containing {@code last}; returns every post so far. */
  private List<FakeSlackApi.Call> awaitResponses(String id, String last)
      throws InterruptedException {
    fake.await(
        c -> c.path().equals("/respond/" + id) && c.body().contains(last), "final post", 1, WAIT);
    return fake.calls("/respond/" + id);
  }
}

package dev.runtimedoctor.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.runtimedoctor.bot.cluster.ClusterAccess;
import dev.runtimedoctor.bot.cluster.ClusterLocation;
import dev.runtimedoctor.bot.cluster.ClusterSettings;
import dev.runtimedoctor.bot.fake.FakeSlackApi;
import dev.runtimedoctor.bot.http.SlackHarness;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Two instances of the bot behind one Slack app (one fake Web API) answer a message once. */
class ReplicasTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String THREAD = "1700006000.000100";

  private FakeSlackApi fake;
  private SlackHarness a;
  private SlackHarness b;

  @BeforeEach
  void start() throws Exception {
    fake = FakeSlackApi.start();
    a =
        SlackHarness.start(
            fake, Map.of(), ClusterAccess.open(ClusterLocation.NONE, ClusterSettings.DEFAULT));
    b =
        SlackHarness.start(
            fake, Map.of(), ClusterAccess.open(ClusterLocation.NONE, ClusterSettings.DEFAULT));
  }

  @AfterEach
  void stop() {
    a.close();
    b.close();
    fake.close();
  }

  @Test
  @DisplayName("the same event delivered to two replicas, one after the other → one answer")
  void retryOnAnotherReplica() throws Exception {
    JsonObject paste =
        SlackPayloads.message("CGENERAL1", "UALICE001", THREAD, SlackHarness.IP_PASTE);
    a.event(paste, "EvReplica1", Map.of());
    fake.awaitPosts("CGENERAL1", 1, WAIT);
    b.event(
        paste,
        "EvReplica1",
        Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"));
    marker(b, 1);
    assertThat(
            fake.calls(
                c ->
                    c.method().equals("chat.postMessage")
                        && "CGENERAL1".equals(c.params().get("channel"))))
        .hasSize(1);
    assertThat(answersInThread()).hasSize(1);
    assertThat(b.metric("runtime_doctor_slack_dropped_total", "reason=\"already_answered\""))
        .isEqualTo(1);
  }

  @Test
  @DisplayName("the same event delivered to two replicas at once → one answer stays in the thread")
  void sameMomentOnTwoReplicas() throws Exception {
    JsonObject paste =
        SlackPayloads.message("CGENERAL1", "UALICE001", THREAD, SlackHarness.X509_PASTE);
    CompletableFuture<?> toA = CompletableFuture.runAsync(() -> send(a, paste));
    CompletableFuture<?> toB = CompletableFuture.runAsync(() -> send(b, paste));
    CompletableFuture.allOf(toA, toB).join();
    marker(a, 1);
    marker(b, 2);
    List<JsonObject> answers = answersInThread();
    assertThat(answers).hasSize(1);
    assertThat(answers.get(0).get("blocks").toString()).contains("private-registry-x509");
    // Either the second one never posted, or it withdrew its answer.
    int posts =
        fake.calls(
                c ->
                    c.method().equals("chat.postMessage")
                        && "CGENERAL1".equals(c.params().get("channel")))
            .size();
    assertThat(fake.calls("chat.delete")).hasSize(posts - 1);
  }

  @Test
  @DisplayName("a mention delivered to both replicas is answered once")
  void mentionOnTwoReplicas() throws Exception {
    JsonObject mention =
        SlackPayloads.mention(
            "CGENERAL1",
            "UALICE001",
            THREAD,
            "<@" + FakeSlackApi.BOT_USER + "> " + SlackHarness.IP_PASTE);
    a.event(mention, "EvMention1", Map.of());
    fake.awaitPosts("CGENERAL1", 1, WAIT);
    b.event(mention, "EvMention1", Map.of("X-Slack-Retry-Num", "1"));
    marker(b, 1);
    assertThat(answersInThread()).hasSize(1);
  }

  private List<JsonObject> answersInThread() {
    return fake.messages("CGENERAL1").stream()
        .filter(m -> m.has("thread_ts") && m.get("thread_ts").getAsString().equals(THREAD))
        .toList();
  }

  private static void send(SlackHarness h, JsonObject event) {
    try {
      h.event(event, "EvSame1", Map.of());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A paste in another channel answered by {@code h}: everything sent to it before is handled. */
  private void marker(SlackHarness h, int n) throws Exception {
    h.event(
        SlackPayloads.message(
            "CMARKER01", "UALICE001", "17000069" + n + "0.000100", SlackHarness.X509_PASTE));
    fake.awaitPosts("CMARKER01", n, WAIT);
  }
}

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

/** Incident channels: joined when created, one digest instead of a reply per paste. */
class IncidentChannelTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Map<String, String> ENV = Map.of("INCIDENT_CHANNEL_PATTERN", "^inc-");
  private static final String INCIDENT = "CINC00001";

  private SlackHarness h;

  @BeforeEach
  void start() throws Exception {
    h = SlackHarness.start(ENV);
    h.fake.channel(INCIDENT, "inc-2024-03-04-checkout");
    h.fake.channel("CMARKER01", "general");
  }

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  @DisplayName("channel_created with a matching name → conversations.join; other names are left")
  void joinsCreatedIncidentChannels() throws Exception {
    h.event(SlackPayloads.channelCreated("CRANDOM01", "random-chat"));
    h.event(SlackPayloads.channelCreated("CINC00002", "inc-2024-03-05-db"));
    FakeSlackApi.Call join = h.fake.await("conversations.join", 1, WAIT).get(0);
    assertThat(join.params()).containsEntry("channel", "CINC00002");
    assertThat(join.authorization()).isEqualTo("Bearer xoxb-test-token");
    // With one worker, a marker answered means the first event was handled too.
    marker();
    assertThat(h.fake.calls("conversations.join")).hasSize(1);
  }

  @Test
  @DisplayName("being added to a channel looks up its name; others joining are ignored")
  void learnsInvitedChannels() throws Exception {
    h.event(SlackPayloads.memberJoined(INCIDENT, "UALICE001"));
    h.event(SlackPayloads.memberJoined(INCIDENT, FakeSlackApi.BOT_USER));
    FakeSlackApi.Call info = h.fake.await("conversations.info", 1, WAIT).get(0);
    assertThat(info.params()).containsEntry("channel", INCIDENT);
    // The name is cached: a paste there needs no second look-up.
    h.event(
        SlackPayloads.message(INCIDENT, "UALICE001", "1700001000.000100", SlackHarness.IP_PASTE));
    h.fake.await("chat.postMessage", 1, WAIT);
    assertThat(h.fake.calls("conversations.info")).hasSize(1);
  }

  @Test
  @DisplayName(
      "two known errors in an incident channel → one digest, updated once; the same error again →"
          + " no update, and no reply in threads")
  void oneDigestPerChannel() throws Exception {
    h.event(
        SlackPayloads.message(INCIDENT, "UALICE001", "1700001000.000100", SlackHarness.IP_PASTE));
    FakeSlackApi.Call posted = h.fake.await("chat.postMessage", 1, WAIT).get(0);
    assertThat(posted.params()).containsEntry("channel", INCIDENT).doesNotContainKey("thread_ts");
    assertThat(posted.params().get("blocks"))
        .contains(
            "pod-ip-exhaustion",
            "https://fake.slack.com/archives/CINC00001/p1700001000000100",
            "rd-digest");

    h.event(
        SlackPayloads.reply(
            INCIDENT,
            "UBRUNO001",
            "1700001001.000100",
            "1700001000.000100",
            SlackHarness.X509_PASTE));
    FakeSlackApi.Call updated = h.fake.await("chat.update", 1, WAIT).get(0);
    assertThat(updated.params()).containsEntry("channel", INCIDENT);
    assertThat(updated.params().get("ts"))
        .isEqualTo(h.fake.messages(INCIDENT).get(0).get("ts").getAsString());
    assertThat(updated.params().get("blocks"))
        .contains("pod-ip-exhaustion", "private-registry-x509", "p1700001001000100");

    h.event(
        SlackPayloads.message(
            INCIDENT, "UCAROL001", "1700001002.000100", "again:\n" + SlackHarness.IP_PASTE));
    marker();
    assertThat(h.fake.calls("chat.update")).hasSize(1);
    assertThat(h.fake.awaitPosts(INCIDENT, 1, WAIT)).hasSize(1);
    assertThat(h.fake.messages(INCIDENT)).hasSize(1);
    assertThat(
            h.metric("runtime_doctor_incident_digest_total", "action=\"posted\"")
                + h.metric("runtime_doctor_incident_digest_total", "action=\"updated\""))
        .isEqualTo(2);
  }

  @Test
  @DisplayName("a mention in an incident channel is answered in its thread, and feeds the digest")
  void mentionAnswered() throws Exception {
    h.event(
        SlackPayloads.mention(
            INCIDENT,
            "UALICE001",
            "1700001100.000100",
            "<@" + FakeSlackApi.BOT_USER + "> " + SlackHarness.X509_PASTE));
    List<FakeSlackApi.Call> posts = h.fake.await("chat.postMessage", 2, WAIT);
    assertThat(posts)
        .extracting(c -> c.params().getOrDefault("thread_ts", "-"))
        .containsExactlyInAnyOrder("-", "1700001100.000100");
  }

  @Test
  @DisplayName("a restarted bot (or another replica) adds to the digest already in the channel")
  void digestFoundAgain() throws Exception {
    h.event(
        SlackPayloads.message(INCIDENT, "UALICE001", "1700001200.000100", SlackHarness.IP_PASTE));
    h.fake.await("chat.postMessage", 1, WAIT);
    try (SlackHarness other =
        SlackHarness.start(
            h.fake, ENV, ClusterAccess.open(ClusterLocation.NONE, ClusterSettings.DEFAULT))) {
      other.event(
          SlackPayloads.message(INCIDENT, "UBRUNO001", "1700001201.000100", SlackHarness.IP_PASTE));
      other.event(
          SlackPayloads.message(
              INCIDENT, "UBRUNO001", "1700001202.000100", SlackHarness.X509_PASTE));
      FakeSlackApi.Call updated = h.fake.await("chat.update", 1, WAIT).get(0);
      assertThat(updated.params().get("blocks"))
          .contains("pod-ip-exhaustion", "private-registry-x509");
    }
    assertThat(h.fake.messages(INCIDENT)).hasSize(1);
  }

  @Test
  @DisplayName("two replicas seeing a channel's first issue at the same moment leave one digest")
  void firstIssueOnTwoReplicasAtOnce() throws Exception {
    try (SlackHarness other =
        SlackHarness.start(
            h.fake, ENV, ClusterAccess.open(ClusterLocation.NONE, ClusterSettings.DEFAULT))) {
      CompletableFuture<?> toH =
          CompletableFuture.runAsync(
              () ->
                  send(
                      h,
                      SlackPayloads.message(
                          INCIDENT, "UALICE001", "1700001300.000100", SlackHarness.IP_PASTE)));
      CompletableFuture<?> toOther =
          CompletableFuture.runAsync(
              () ->
                  send(
                      other,
                      SlackPayloads.message(
                          INCIDENT, "UBRUNO001", "1700001301.000100", SlackHarness.X509_PASTE)));
      CompletableFuture.allOf(toH, toOther).join();
      // Each instance has handled its paste once it answers a later one elsewhere.
      marker();
      other.event(
          SlackPayloads.message(
              "CMARKER02", "UALICE001", "1700001399.000100", SlackHarness.X509_PASTE));
      h.fake.awaitPosts("CMARKER02", 1, WAIT);
    }
    // Whether the two posted at once (one then merged and withdrew) or one after the other.
    int posts =
        h.fake
            .calls(
                c ->
                    c.method().equals("chat.postMessage")
                        && INCIDENT.equals(c.params().get("channel")))
            .size();
    assertThat(h.fake.calls("chat.delete")).hasSize(posts - 1);
    List<JsonObject> digests = h.fake.messages(INCIDENT);
    assertThat(digests).hasSize(1);
    assertThat(digests.get(0).get("blocks").toString())
        .contains("pod-ip-exhaustion", "private-registry-x509");
  }

  private static void send(SlackHarness harness, JsonObject event) {
    try {
      harness.event(event);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private int markers;

  /** A paste answered in another channel: with one worker, everything sent before is handled. */
  private void marker() throws Exception {
    markers++;
    h.event(
        SlackPayloads.message(
            "CMARKER01", "UALICE001", "17000019" + markers + "0.000100", SlackHarness.X509_PASTE));
    h.fake.awaitPosts("CMARKER01", markers, WAIT);
  }
}

package dev.runtimedoctor.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.runtimedoctor.bot.fake.FakeSlackApi;
import dev.runtimedoctor.bot.http.SlackHarness;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Mentions, the message shortcut and pasted files, through the real Bolt app. */
class MentionShortcutFileTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private SlackHarness h;

  @BeforeEach
  void start() throws Exception {
    h = SlackHarness.start();
  }

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  @DisplayName("a bare mention in a thread → the thread's parent read and diagnosed")
  void bareMentionDiagnosesParent() throws Exception {
    h.fake.threadParent("1700003000.000100", SlackHarness.X509_PASTE);
    JsonObject mention =
        SlackPayloads.mention(
            "CGENERAL1", "UALICE001", "1700003005.000100", "<@" + FakeSlackApi.BOT_USER + ">");
    mention.addProperty("thread_ts", "1700003000.000100");
    h.event(mention);
    FakeSlackApi.Call post = h.fake.awaitPosts("CGENERAL1", 1, WAIT).get(0);
    assertThat(h.fake.calls("conversations.replies").get(0).params())
        .containsEntry("channel", "CGENERAL1")
        .containsEntry("ts", "1700003000.000100");
    assertThat(post.params()).containsEntry("thread_ts", "1700003000.000100");
    assertThat(post.params().get("blocks"))
        .contains("private-registry-x509", "rd-answer|private-registry-x509|1700003005.000100");
  }

  @Test
  @DisplayName("a mention with text diagnoses the text, not the parent")
  void mentionWithText() throws Exception {
    h.fake.threadParent("1700003100.000100", SlackHarness.X509_PASTE);
    JsonObject m =
        SlackPayloads.mention(
            "CGENERAL1",
            "UALICE001",
            "1700003101.000100",
            "<@" + FakeSlackApi.BOT_USER + "> what about this? " + SlackHarness.IP_PASTE);
    m.addProperty("thread_ts", "1700003100.000100");
    h.event(m);
    FakeSlackApi.Call post = h.fake.awaitPosts("CGENERAL1", 1, WAIT).get(0);
    assertThat(post.params().get("blocks"))
        .contains("pod-ip-exhaustion")
        .doesNotContain("private-registry-x509");
  }

  @Test
  @DisplayName("the shortcut → an ephemeral answer to the person who used it, with its buttons")
  void shortcutAnswersEphemerally() throws Exception {
    h.interactive(
        SlackPayloads.shortcut(
            "UALICE001", "CGENERAL1", SlackHarness.IP_PASTE, h.fake.responseUrl("sc1")));
    FakeSlackApi.Call reply = h.fake.await("/respond/sc1", 1, WAIT).get(0);
    JsonObject body = reply.json();
    assertThat(body.get("response_type").getAsString()).isEqualTo("ephemeral");
    assertThat(body.get("replace_original").getAsBoolean()).isFalse();
    assertThat(body.get("blocks").toString())
        .contains(
            "pod-ip-exhaustion",
            SlackSurface.ACTION_SHARE,
            SlackSurface.ACTION_HELPFUL,
            SlackSurface.ACTION_NOT_IT,
            SlackSurface.ACTION_OTHER_LANGUAGE);
    assertThat(h.fake.calls("chat.postMessage")).isEmpty();
    assertThat(h.metric("runtime_doctor_slack_requests_total", "kind=\"shortcut\"")).isEqualTo(1);
  }

  @Test
  @DisplayName("file_share → the file fetched with the bearer token and diagnosed")
  void fileShareDiagnosed() throws Exception {
    h.fake.file("F1", "kubelet journal\n" + SlackHarness.IP_PASTE + "\nmore journal");
    h.event(SlackPayloads.fileShare("CGENERAL1", "1700003200.000100", "F1", h.fake.fileUrl("F1")));
    FakeSlackApi.Call post = h.fake.awaitPosts("CGENERAL1", 1, WAIT).get(0);
    assertThat(post.params()).containsEntry("thread_ts", "1700003200.000100");
    assertThat(post.params().get("blocks")).contains("pod-ip-exhaustion");
    assertThat(h.fake.calls("/files/F1")).hasSize(1);
    assertThat(h.fake.calls("/files/F1").get(0).authorization())
        .isEqualTo("Bearer xoxb-test-token");
  }

  @Test
  @DisplayName("a shared file the event names only by id is looked up with files.info, then read")
  void fileShareByIdOnly() throws Exception {
    h.fake.file("F2", SlackHarness.X509_PASTE);
    h.event(SlackPayloads.fileShare("CGENERAL1", "1700003300.000100", "F2", null));
    FakeSlackApi.Call post = h.fake.awaitPosts("CGENERAL1", 1, WAIT).get(0);
    assertThat(h.fake.calls("files.info").get(0).params()).containsEntry("file", "F2");
    assertThat(h.fake.calls("/files/F2").get(0).authorization())
        .isEqualTo("Bearer xoxb-test-token");
    assertThat(post.params().get("blocks")).contains("private-registry-x509");
  }

  @Test
  @DisplayName("an HTML page instead of the file (no files:read) → a clear message in the thread")
  void htmlInsteadOfFile() throws Exception {
    h.fake.file("F3", "<!DOCTYPE html><html><body>Sign in to Slack</body></html>");
    h.event(SlackPayloads.fileShare("CGENERAL1", "1700003400.000100", "F3", h.fake.fileUrl("F3")));
    FakeSlackApi.Call post = h.fake.awaitPosts("CGENERAL1", 1, WAIT).get(0);
    assertThat(post.params()).containsEntry("thread_ts", "1700003400.000100");
    assertThat(post.params().get("blocks"))
        .contains("`kubelet.log`", "sign-in page", "`files:read`")
        .doesNotContain("Sign in to Slack");
    assertThat(
            h.metric(
                "runtime_doctor_slack_api_errors_total",
                "error=\"missing_scope\",method=\"files.download\""))
        .isEqualTo(1);
    // Once per channel for a while: a second such file is not announced again.
    h.event(SlackPayloads.fileShare("CGENERAL1", "1700003401.000100", "F3", h.fake.fileUrl("F3")));
    h.event(
        SlackPayloads.message(
            "CMARKER01", "UALICE001", "1700003402.000100", SlackHarness.IP_PASTE));
    h.fake.awaitPosts("CMARKER01", 1, WAIT);
    assertThat(h.fake.calls("/files/F3")).hasSize(2);
    assertThat(h.fake.awaitPosts("CGENERAL1", 1, WAIT)).hasSize(1);
  }
}

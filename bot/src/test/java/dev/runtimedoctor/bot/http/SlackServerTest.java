package dev.runtimedoctor.bot.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.google.gson.JsonObject;
import dev.runtimedoctor.bot.fake.FakeSlackApi;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The bot in HTTP mode, end to end: signed requests in, Web API calls out, through real Bolt. */
class SlackServerTest {
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
  @DisplayName(
      "/troubleshoot with a paste is acknowledged at once and answered with the right entry")
  void slashCommandAnswered() throws Exception {
    HttpResponse<String> ack = h.command(SlackHarness.IP_PASTE, "UALICE001", "c1");
    assertThat(ack.statusCode()).isEqualTo(200);
    assertThat(ack.body()).isEmpty();
    FakeSlackApi.Call answer = h.fake.await("/respond/c1", 1, WAIT).get(0);
    JsonObject body = answer.json();
    assertThat(body.get("response_type").getAsString()).isEqualTo("ephemeral");
    assertThat(body.get("blocks").toString())
        .contains("`pod-ip-exhaustion`", "Resolution", "share_answer", "10.48.131.1-10.48.131.62");
    // Counted once Slack accepted the post: just after the fake answered it.
    assertThat(
            h.awaitMetric(
                "runtime_doctor_slack_answers_total",
                "entry=\"pod-ip-exhaustion\",surface=\"command\"",
                1,
                WAIT))
        .isEqualTo(1);
  }

  @Test
  @DisplayName("help, list, show, lang and a misspelt subcommand get their replies")
  void subcommands() throws Exception {
    h.command("help", "UALICE001", "help");
    h.command("list", "UALICE001", "list");
    h.command("show private-registry-x509", "UALICE001", "show");
    h.command("lsit", "UALICE001", "typo");
    h.command("show pod-ip-exhaustio", "UALICE001", "near");
    assertThat(h.fake.await("/respond/help", 1, WAIT).get(0).body())
        .contains("recognises known GKE");
    assertThat(h.fake.await("/respond/list", 1, WAIT).get(0).body())
        .contains("pod-ip-exhaustion", "cni-config-uninitialized");
    assertThat(h.fake.await("/respond/show", 1, WAIT).get(0).body())
        .contains("x509: certificate signed by unknown authority");
    assertThat(h.fake.await("/respond/typo", 1, WAIT).get(0).body())
        .contains("did you mean", "/troubleshoot list");
    assertThat(h.fake.await("/respond/near", 1, WAIT).get(0).body())
        .contains("did you mean", "`pod-ip-exhaustion`");
  }

  @Test
  @DisplayName("lang it makes the next answers Italian; the Slack locale decides otherwise")
  void answerLanguage() throws Exception {
    h.fake.locale("UBRUNO001", "it-IT");
    h.command(SlackHarness.X509_PASTE, "UBRUNO001", "locale");
    assertThat(h.fake.await("/respond/locale", 1, WAIT).get(0).body()).contains("Risoluzione");
    h.command("lang en", "UBRUNO001", "lang");
    assertThat(h.fake.await("/respond/lang", 1, WAIT).get(0).body()).contains("in English");
    h.command(SlackHarness.X509_PASTE, "UBRUNO001", "after");
    assertThat(h.fake.await("/respond/after", 1, WAIT).get(0).body())
        .contains("Resolution")
        .doesNotContain("Risoluzione");
    // The locale was asked once and cached.
    assertThat(h.fake.calls("users.info")).hasSize(1);
  }

  @Test
  @DisplayName("text that matches nothing gets an honest answer with what to collect next")
  void noKnownIssue() throws Exception {
    h.command("the deploy is slow today, any idea?", "UALICE001", "none");
    assertThat(h.fake.await("/respond/none", 1, WAIT).get(0).body())
        .contains("No known issue", "kubectl describe pod");
  }

  @Test
  @DisplayName(
      "a channel paste is answered in its thread, once; Slack's retry is not answered again")
  void channelPasteAnsweredOnceInThread() throws Exception {
    JsonObject msg =
        SlackHarness.message("CINCIDENT", "UALICE001", "1700000100.000100", SlackHarness.IP_PASTE);
    assertThat(h.event(msg, "EvPaste1", Map.of()).statusCode()).isEqualTo(200);
    FakeSlackApi.Call post = h.fake.await("chat.postMessage", 1, WAIT).get(0);
    assertThat(post.params())
        .containsEntry("channel", "CINCIDENT")
        .containsEntry("thread_ts", "1700000100.000100");
    assertThat(post.params().get("blocks")).contains("pod-ip-exhaustion");

    HttpResponse<String> retry =
        h.event(
            msg,
            "EvPaste1",
            Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"));
    assertThat(retry.statusCode()).isEqualTo(200);
    // Signed within the same second, the retry's signature equals the first one's: it is then
    // dropped as a replay before the event's id is looked at. Either way it is dropped once.
    assertThat(
            h.metric("runtime_doctor_slack_dropped_total", "reason=\"duplicate\"")
                + h.metric("runtime_doctor_slack_dropped_total", "reason=\"replay\""))
        .isEqualTo(1);
    // The same error pasted again in the thread is not answered twice either.
    h.event(
        SlackHarness.message(
            "CINCIDENT", "UBRUNO001", "1700000101.000200", SlackHarness.IP_PASTE + " again"),
        "EvPaste2",
        Map.of());
    h.event(
        threadReply(
            SlackHarness.message(
                "CINCIDENT", "UBRUNO001", "1700000102.000300", SlackHarness.IP_PASTE),
            "1700000100.000100"),
        "EvPaste3",
        Map.of());
    // A marker in another channel: with one worker, once it is answered the others were handled.
    h.event(
        SlackHarness.message(
            "CMARKER01", "UALICE001", "1700000103.000400", SlackHarness.X509_PASTE),
        "EvMarker",
        Map.of());
    h.fake.await("chat.postMessage", 3, WAIT);
    List<FakeSlackApi.Call> posts = h.fake.calls("chat.postMessage");
    assertThat(posts)
        .extracting(c -> c.params().get("thread_ts"))
        .containsExactly("1700000100.000100", "1700000101.000200", "1700000103.000400");
  }

  @Test
  @DisplayName("chatter, bot messages and the bot's own messages get no answer")
  void silence() throws Exception {
    h.event(
        SlackHarness.message(
            "CGENERAL1",
            "UALICE001",
            "1700000200.000100",
            "anyone up for lunch? the build is green again"));
    JsonObject bot =
        SlackHarness.message("CGENERAL1", "", "1700000201.000100", SlackHarness.IP_PASTE);
    bot.remove("user");
    bot.addProperty("subtype", "bot_message");
    bot.addProperty("bot_id", "BOTHER001");
    h.event(bot);
    JsonObject botWithUser =
        SlackHarness.message("CGENERAL1", "UOTHERBOT", "1700000202.000100", SlackHarness.IP_PASTE);
    botWithUser.addProperty("bot_id", "BOTHER002");
    h.event(botWithUser);
    JsonObject own =
        SlackHarness.message(
            "CGENERAL1", FakeSlackApi.BOT_USER, "1700000203.000100", SlackHarness.IP_PASTE);
    own.addProperty("bot_id", FakeSlackApi.BOT_ID);
    h.event(own);
    h.event(
        SlackHarness.message(
            "CMARKER01", "UALICE001", "1700000204.000100", SlackHarness.X509_PASTE));
    h.fake.await("chat.postMessage", 1, WAIT);
    assertThat(h.fake.calls("chat.postMessage"))
        .extracting(c -> c.params().get("channel"))
        .containsExactly("CMARKER01");
    assertThat(h.metric("runtime_doctor_slack_dropped_total", "reason=\"bot\"")).isEqualTo(3);
  }

  @Test
  @DisplayName("a direct message is a question: answered in the conversation, even with no match")
  void directMessage() throws Exception {
    JsonObject dm =
        SlackHarness.message(
            "DALICE001", "UALICE001", "1700000250.000100", "hello, what can you do for me?");
    dm.addProperty("channel_type", "im");
    h.event(dm);
    FakeSlackApi.Call post = h.fake.await("chat.postMessage", 1, WAIT).get(0);
    assertThat(post.params()).containsEntry("channel", "DALICE001").doesNotContainKey("thread_ts");
    assertThat(post.params().get("blocks")).contains("kubectl describe pod");
  }

  @Test
  @DisplayName("an edit that adds an error is read again, once")
  void messageChanged() throws Exception {
    h.event(
        SlackHarness.message(
            "CGENERAL1", "UALICE001", "1700000300.000100", "pods stuck, log follows"));
    h.event(
        changed(
            "1700000300.000100",
            "pods stuck, log follows",
            "pods stuck:\n" + SlackHarness.IP_PASTE));
    h.event(
        changed(
            "1700000300.000100",
            "pods stuck:\n" + SlackHarness.IP_PASTE,
            "pods stuck:\n" + SlackHarness.X509_PASTE));
    h.event(
        SlackHarness.message(
            "CMARKER01", "UALICE001", "1700000301.000100", SlackHarness.X509_PASTE));
    h.fake.await("chat.postMessage", 2, WAIT);
    List<FakeSlackApi.Call> posts = h.fake.calls("chat.postMessage");
    assertThat(posts).hasSize(2);
    assertThat(posts.get(0).params())
        .containsEntry("channel", "CGENERAL1")
        .containsEntry("thread_ts", "1700000300.000100");
    assertThat(posts.get(0).params().get("blocks")).contains("pod-ip-exhaustion");
    assertThat(posts.get(1).params()).containsEntry("channel", "CMARKER01");
  }

  @Test
  @DisplayName("an @-mention arriving as app_mention and as message is answered once")
  void mentionSeenTwice() throws Exception {
    String text = "<@" + FakeSlackApi.BOT_USER + "> " + SlackHarness.X509_PASTE;
    JsonObject message = SlackHarness.message("CGENERAL1", "UALICE001", "1700000400.000100", text);
    JsonObject mention = SlackHarness.message("CGENERAL1", "UALICE001", "1700000400.000100", text);
    mention.addProperty("type", "app_mention");
    mention.remove("channel_type");
    h.event(message);
    h.event(mention);
    h.event(
        SlackHarness.message("CMARKER01", "UALICE001", "1700000401.000100", SlackHarness.IP_PASTE));
    h.fake.await("chat.postMessage", 2, WAIT);
    assertThat(h.fake.calls("chat.postMessage"))
        .extracting(c -> c.params().get("channel"))
        .containsExactly("CGENERAL1", "CMARKER01");
  }

  @Test
  @DisplayName("a bare mention in a thread diagnoses the thread's first message")
  void bareMentionReadsParent() throws Exception {
    h.fake.threadParent("1700000500.000100", SlackHarness.IP_PASTE);
    JsonObject mention =
        SlackHarness.message(
            "CGENERAL1", "UALICE001", "1700000501.000100", "<@" + FakeSlackApi.BOT_USER + ">");
    mention.addProperty("type", "app_mention");
    mention.addProperty("thread_ts", "1700000500.000100");
    h.event(mention);
    FakeSlackApi.Call post = h.fake.await("chat.postMessage", 1, WAIT).get(0);
    assertThat(post.params()).containsEntry("thread_ts", "1700000500.000100");
    assertThat(post.params().get("blocks")).contains("pod-ip-exhaustion");
  }

  @Test
  @DisplayName("a long paste shared as a snippet file is read with the bot token")
  void snippetFile() throws Exception {
    h.fake.file("F1", "journal...\n" + SlackHarness.X509_PASTE + "\nmore journal");
    h.event(fileShare("CMARKER01", "1700000601.000100", "F1"));
    FakeSlackApi.Call post = h.fake.await("chat.postMessage", 1, WAIT).get(0);
    assertThat(post.params()).containsEntry("channel", "CMARKER01");
    assertThat(post.params().get("blocks")).contains("private-registry-x509");
    assertThat(h.fake.calls("/files/F1").get(0).authorization())
        .isEqualTo("Bearer xoxb-test-token");
  }

  @Test
  @DisplayName("a pasted <!channel> is echoed escaped and never pings")
  void channelMentionEscaped() throws Exception {
    String paste = SlackHarness.IP_PASTE + " &lt;!channel&gt; <!here> <@UALICE001>";
    h.event(SlackHarness.message("CGENERAL1", "UALICE001", "1700000700.000100", paste));
    FakeSlackApi.Call post = h.fake.await("chat.postMessage", 1, WAIT).get(0);
    String sent = post.params().get("blocks") + post.params().get("text");
    assertThat(sent)
        .contains("&lt;!channel&gt;")
        .doesNotContain("<!channel>", "<!here>", "<@UALICE001>");
  }

  @Test
  @DisplayName("a 429 with Retry-After is waited out and the answer arrives once")
  void rateLimitedThenAnswered() throws Exception {
    h.fake.failNext("/api/chat.postMessage", 1, 429, "1");
    long t0 = System.nanoTime();
    h.event(
        SlackHarness.message("CGENERAL1", "UALICE001", "1700000800.000100", SlackHarness.IP_PASTE));
    h.fake.await("chat.postMessage", 2, WAIT);
    assertThat(Duration.ofNanos(System.nanoTime() - t0))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    h.event(
        SlackHarness.message(
            "CMARKER01", "UALICE001", "1700000801.000100", SlackHarness.X509_PASTE));
    h.fake.await("chat.postMessage", 3, WAIT);
    assertThat(h.fake.calls("chat.postMessage"))
        .extracting(c -> c.params().get("channel"))
        .containsExactly("CGENERAL1", "CGENERAL1", "CMARKER01");
    assertThat(h.metric("runtime_doctor_slack_api_retries_total", "method=\"chat.postMessage\""))
        .isEqualTo(1);
    assertThat(
            h.metric(
                "runtime_doctor_slack_api_errors_total",
                "error=\"http_429\",method=\"chat.postMessage\""))
        .isZero();
  }

  @Test
  @DisplayName(
      "a Web API failing with 500 every time: the failure is logged, the bot stays healthy")
  void webApiDown() throws Exception {
    Logger logger =
        (Logger) LoggerFactory.getLogger("dev.runtimedoctor.bot.slack.handler.CommandHandler");
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    logger.addAppender(logs);
    try {
      h.fake.failAlways("/respond/", 500);
      assertThat(h.command(SlackHarness.IP_PASTE, "UALICE001", "down").statusCode()).isEqualTo(200);
      h.fake.await("/respond/down", 3, WAIT);
      h.command("help", "UALICE001", "down2");
      h.fake.await("/respond/down2", 3, WAIT);
      assertThat(
              h.awaitMetric(
                  "runtime_doctor_slack_api_errors_total",
                  "error=\"http_500\",method=\"response_url\"",
                  2,
                  WAIT))
          .isEqualTo(2);
      assertThat(logs.list)
          .anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("error=http_500"));
      assertThat(logs.list).noneSatisfy(e -> assertThat(e.getFormattedMessage()).contains("xoxb-"));
      assertThat(h.get("/healthz").statusCode()).isEqualTo(200);
      assertThat(h.get("/readyz").statusCode()).isEqualTo(200);
    } finally {
      logger.detachAppender(logs);
    }
  }

  @Test
  @DisplayName("Share in channel posts the answer for everyone and removes the ephemeral copy")
  void share() throws Exception {
    h.command(SlackHarness.IP_PASTE, "UALICE001", "eph");
    String value = h.fake.await("/respond/eph", 1, WAIT).get(0).body();
    String shareValue = value.replaceAll("(?s).*\"value\":\"([^\"]+)\".*", "$1");
    JsonObject payload = new JsonObject();
    payload.addProperty("type", "block_actions");
    JsonObject user = new JsonObject();
    user.addProperty("id", "UALICE001");
    payload.add("user", user);
    JsonObject channel = new JsonObject();
    channel.addProperty("id", "CGENERAL1");
    payload.add("channel", channel);
    JsonObject team = new JsonObject();
    team.addProperty("id", FakeSlackApi.TEAM);
    payload.add("team", team);
    payload.addProperty("api_app_id", "ATEST0001");
    payload.addProperty("response_url", h.fake.responseUrl("share"));
    payload.addProperty("trigger_id", "1.2.3");
    com.google.gson.JsonArray actions = new com.google.gson.JsonArray();
    JsonObject action = new JsonObject();
    action.addProperty("type", "button");
    action.addProperty("action_id", "share_answer");
    action.addProperty("block_id", "b1");
    action.addProperty("value", shareValue);
    action.addProperty("action_ts", "1700000900.000100");
    actions.add(action);
    payload.add("actions", actions);
    assertThat(h.interactive(payload).statusCode()).isEqualTo(200);
    List<FakeSlackApi.Call> calls = h.fake.await("/respond/share", 2, WAIT);
    assertThat(calls.get(0).json().get("response_type").getAsString()).isEqualTo("in_channel");
    assertThat(calls.get(0).body())
        .contains("UALICE001", "pod-ip-exhaustion", "10.48.131.1")
        .doesNotContain("share_answer");
    assertThat(calls.get(1).json().get("delete_original").getAsBoolean()).isTrue();
  }

  private static JsonObject threadReply(JsonObject message, String threadTs) {
    message.addProperty("thread_ts", threadTs);
    return message;
  }

  private static JsonObject changed(String ts, String before, String after) {
    JsonObject e = new JsonObject();
    e.addProperty("type", "message");
    e.addProperty("subtype", "message_changed");
    e.addProperty("channel", "CGENERAL1");
    e.addProperty("channel_type", "channel");
    e.addProperty("hidden", true);
    e.addProperty("ts", "1700009999.000" + after.length());
    e.addProperty("event_ts", "1700009999.000" + after.length());
    e.add("message", SlackHarness.message("CGENERAL1", "UALICE001", ts, after));
    e.add("previous_message", SlackHarness.message("CGENERAL1", "UALICE001", ts, before));
    return e;
  }

  JsonObject fileShare(String channel, String ts, String fileId) {
    JsonObject e = SlackHarness.message(channel, "UALICE001", ts, "here is the log");
    e.addProperty("subtype", "file_share");
    com.google.gson.JsonArray files = new com.google.gson.JsonArray();
    JsonObject f = new JsonObject();
    f.addProperty("id", fileId);
    f.addProperty("name", "kubelet.log");
    f.addProperty("mimetype", "text/plain");
    f.addProperty("filetype", "text");
    f.addProperty("size", 2048);
    f.addProperty("url_private_download", h.fake.fileUrl(fileId));
    files.add(f);
    e.add("files", files);
    return e;
  }
}

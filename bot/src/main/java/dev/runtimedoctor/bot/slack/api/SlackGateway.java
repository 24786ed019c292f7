package dev.runtimedoctor.bot.slack.api;

import com.google.gson.JsonObject;
import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.request.chat.ChatDeleteRequest;
import com.slack.api.methods.request.chat.ChatGetPermalinkRequest;
import com.slack.api.methods.request.chat.ChatPostEphemeralRequest;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.request.chat.ChatUpdateRequest;
import com.slack.api.methods.request.conversations.ConversationsHistoryRequest;
import com.slack.api.methods.request.conversations.ConversationsInfoRequest;
import com.slack.api.methods.request.conversations.ConversationsJoinRequest;
import com.slack.api.methods.request.conversations.ConversationsRepliesRequest;
import com.slack.api.methods.request.files.FilesInfoRequest;
import com.slack.api.methods.request.users.UsersInfoRequest;
import com.slack.api.methods.request.views.ViewsPublishRequest;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.methods.response.conversations.ConversationsInfoResponse;
import com.slack.api.methods.response.conversations.ConversationsRepliesResponse;
import com.slack.api.methods.response.files.FilesInfoResponse;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.File;
import com.slack.api.model.Message;
import dev.runtimedoctor.bot.slack.SlackMetrics;
import dev.runtimedoctor.bot.slack.SlackTuning;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import okhttp3.HttpUrl;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every call the bot makes to Slack, retried the way Slack asks: after a 429 it waits the {@code
 * Retry-After} it was given (the SDK's client does not), after a 5xx or a network error it backs
 * off exponentially; other errors fail at once. Failures are counted and logged without tokens or
 * text.
 */
public final class SlackGateway {
  private static final Logger log = LoggerFactory.getLogger(SlackGateway.class);

  /** Thread messages read at once: answers to look for sit near a thread's start. */
  private static final int THREAD_PAGE = 200;

  /** Channel messages read to find a post that timed out: it is among the latest. */
  private static final int LANDED_PAGE = 20;

  /** The metadata event type marking the bot's posts, and the key naming each one. */
  private static final String POST_EVENT = "runtime_doctor_post";

  private static final String POST_KEY = "key";

  private final Slack slack;
  private final MethodsClient methods;
  private final String botToken;
  private final SlackTuning tuning;
  private final SlackMetrics metrics;

  public SlackGateway(Slack slack, String botToken, SlackTuning tuning, SlackMetrics metrics) {
    this.slack = slack;
    this.methods = slack.methods(botToken);
    this.botToken = botToken;
    this.tuning = tuning;
    this.metrics = metrics;
  }

  /** {@code auth.test}, once: the boot loop decides when to try again. */
  public AuthTestResponse authTest() throws SlackCallException {
    return call("auth.test", 1, () -> methods.authTest(r -> r));
  }

  /**
   * Posts {@code message} in {@code channel}, in the thread of {@code threadTs} when given, exactly
   * once: a post that timed out or failed with a 5xx may still have landed, so before trying again
   * the thread (or the channel's latest messages) is read for the post's key, sent as message
   * metadata, and a post found there is taken as done.
   *
   * @return the new message's {@code ts}
   */
  public String postMessage(String channel, Optional<String> threadTs, SlackMessage message)
      throws SlackCallException {
    String key = UUID.randomUUID().toString();
    ChatPostMessageRequest req =
        ChatPostMessageRequest.builder()
            .channel(channel)
            .threadTs(threadTs.orElse(null))
            .text(message.text())
            .blocksAsString(message.blocksJson())
            .metadata(new Message.Metadata(POST_EVENT, Map.of(POST_KEY, key)))
            .unfurlLinks(false)
            .unfurlMedia(false)
            .build();
    return call(
            "chat.postMessage",
            tuning.retryAttempts(),
            () -> methods.chatPostMessage(req),
            () -> landed(channel, threadTs, key).map(ts -> posted(channel, ts)))
        .getTs();
  }

  /** The ts of the bot's message carrying {@code key} in the thread or the channel, if any. */
  private Optional<String> landed(String channel, Optional<String> threadTs, String key) {
    try {
      List<Message> recent =
          threadTs.isPresent()
              ? replies(channel, threadTs.get(), true)
              : history(channel, Optional.empty(), LANDED_PAGE, true);
      return recent.stream()
          .filter(m -> m.getMetadata() != null && POST_EVENT.equals(m.getMetadata().getEventType()))
          .filter(
              m ->
                  m.getMetadata().getEventPayload() != null
                      && key.equals(m.getMetadata().getEventPayload().get(POST_KEY)))
          .map(Message::getTs)
          .findFirst();
    } catch (SlackCallException e) {
      // Unknown: posting again risks a duplicate, not posting risks no answer at all.
      return Optional.empty();
    }
  }

  private static ChatPostMessageResponse posted(String channel, String ts) {
    ChatPostMessageResponse r = new ChatPostMessageResponse();
    r.setOk(true);
    r.setChannel(channel);
    r.setTs(ts);
    return r;
  }

  /** Posts {@code message} in {@code channel} for {@code user}'s eyes only. */
  public void postEphemeral(String channel, String user, SlackMessage message)
      throws SlackCallException {
    ChatPostEphemeralRequest req =
        ChatPostEphemeralRequest.builder()
            .channel(channel)
            .user(user)
            .text(message.text())
            .blocksAsString(message.blocksJson())
            .build();
    call("chat.postEphemeral", tuning.retryAttempts(), () -> methods.chatPostEphemeral(req));
  }

  /** Whether {@code url} can be posted to: an absolute http(s) URL, as Slack's response_url is. */
  public static boolean usableUrl(String url) {
    return url != null && HttpUrl.parse(url) != null;
  }

  /** Replaces the text and blocks of the bot's message {@code ts} in {@code channel}. */
  public void updateMessage(String channel, String ts, SlackMessage message)
      throws SlackCallException {
    ChatUpdateRequest req =
        ChatUpdateRequest.builder()
            .channel(channel)
            .ts(ts)
            .text(message.text())
            .blocksAsString(message.blocksJson())
            .build();
    call("chat.update", tuning.retryAttempts(), () -> methods.chatUpdate(req));
  }

  /** Deletes the bot's message {@code ts} in {@code channel}. */
  public void deleteMessage(String channel, String ts) throws SlackCallException {
    ChatDeleteRequest req = ChatDeleteRequest.builder().channel(channel).ts(ts).build();
    call("chat.delete", tuning.retryAttempts(), () -> methods.chatDelete(req));
  }

  /** A link to message {@code ts} in {@code channel} that opens it in Slack. */
  public String permalink(String channel, String ts) throws SlackCallException {
    ChatGetPermalinkRequest req =
        ChatGetPermalinkRequest.builder().channel(channel).messageTs(ts).build();
    return call("chat.getPermalink", tuning.retryAttempts(), () -> methods.chatGetPermalink(req))
        .getPermalink();
  }

  /** Joins a public channel ({@code channels:join}). */
  public void joinChannel(String channel) throws SlackCallException {
    ConversationsJoinRequest req = ConversationsJoinRequest.builder().channel(channel).build();
    call("conversations.join", tuning.retryAttempts(), () -> methods.conversationsJoin(req));
  }

  /** The name of a channel, without the {@code #}. */
  public Optional<String> channelName(String channel) throws SlackCallException {
    ConversationsInfoRequest req = ConversationsInfoRequest.builder().channel(channel).build();
    ConversationsInfoResponse r =
        call("conversations.info", tuning.retryAttempts(), () -> methods.conversationsInfo(req));
    return Optional.ofNullable(r.getChannel()).map(c -> c.getName());
  }

  /** Publishes {@code viewJson} as {@code user}'s Home tab. */
  public void publishHome(String user, String viewJson) throws SlackCallException {
    ViewsPublishRequest req =
        ViewsPublishRequest.builder().userId(user).viewAsString(viewJson).build();
    call("views.publish", tuning.retryAttempts(), () -> methods.viewsPublish(req));
  }

  /** Posts {@code message} to a {@code response_url}, shown as {@code mode} says. */
  public void respond(String responseUrl, SlackMessage message, ResponseMode mode)
      throws SlackCallException {
    JsonObject body = message.toJson();
    mode.writeTo(body);
    post(responseUrl, body);
  }

  /** Deletes the message a {@code response_url} belongs to (an ephemeral answer once shared). */
  public void deleteOriginal(String responseUrl) throws SlackCallException {
    JsonObject body = new JsonObject();
    body.addProperty("delete_original", true);
    post(responseUrl, body);
  }

  /** The locale a user set in Slack ({@code it-IT}), tried once: it only picks a language. */
  public Optional<String> userLocale(String userId) throws SlackCallException {
    UsersInfoRequest req = UsersInfoRequest.builder().user(userId).includeLocale(true).build();
    UsersInfoResponse r = call("users.info", 1, () -> methods.usersInfo(req));
    return Optional.ofNullable(r.getUser()).map(u -> u.getLocale());
  }

  /**
   * A thread's messages, the parent first: up to 200, enough to see the bot's answers, which come
   * early in a thread.
   */
  public List<Message> thread(String channel, String threadTs) throws SlackCallException {
    return replies(channel, threadTs, false);
  }

  private List<Message> replies(String channel, String threadTs, boolean metadata)
      throws SlackCallException {
    ConversationsRepliesRequest req =
        ConversationsRepliesRequest.builder()
            .channel(channel)
            .ts(threadTs)
            .limit(THREAD_PAGE)
            .inclusive(true)
            .includeAllMetadata(metadata)
            .build();
    ConversationsRepliesResponse r =
        call(
            "conversations.replies",
            tuning.retryAttempts(),
            () -> methods.conversationsReplies(req));
    return r.getMessages() == null ? List.of() : r.getMessages();
  }

  /** A thread's first message. */
  public Optional<Message> threadParent(String channel, String threadTs) throws SlackCallException {
    return thread(channel, threadTs).stream().findFirst();
  }

  /**
   * The latest top-level messages of {@code channel}, newest first; with {@code latest}, those at
   * or before that ts.
   */
  public List<Message> history(String channel, Optional<String> latest, int limit)
      throws SlackCallException {
    return history(channel, latest, limit, false);
  }

  private List<Message> history(
      String channel, Optional<String> latest, int limit, boolean metadata)
      throws SlackCallException {
    ConversationsHistoryRequest req =
        ConversationsHistoryRequest.builder()
            .channel(channel)
            .latest(latest.orElse(null))
            .inclusive(latest.isPresent())
            .limit(limit)
            .includeAllMetadata(metadata)
            .build();
    ConversationsHistoryResponse r =
        call(
            "conversations.history",
            tuning.retryAttempts(),
            () -> methods.conversationsHistory(req));
    return r.getMessages() == null ? List.of() : r.getMessages();
  }

  /** A file's details, for a share event that carries only the file's id. */
  public Optional<File> fileInfo(String fileId) throws SlackCallException {
    FilesInfoRequest req = FilesInfoRequest.builder().file(fileId).build();
    FilesInfoResponse r = call("files.info", tuning.retryAttempts(), () -> methods.filesInfo(req));
    return Optional.ofNullable(r.getFile());
  }

  /**
   * Downloads a text file shared in Slack with the bot token, at most {@code maxBytes}.
   *
   * @throws SlackCallException {@code missing_scope} when Slack answers with its sign-in page, as
   *     it does with status 200 when the app lacks {@code files:read}
   */
  public String downloadText(String url, int maxBytes) throws SlackCallException {
    try (Response r = slack.getHttpClient().get(url, Map.of(), botToken)) {
      if (!r.isSuccessful()) {
        throw failed("files.download", "http_" + r.code(), null);
      }
      ResponseBody body = r.body();
      String type = r.header("Content-Type", "").toLowerCase(Locale.ROOT);
      if (body == null) {
        return "";
      }
      byte[] bytes;
      try (InputStream in = body.byteStream()) {
        bytes = in.readNBytes(maxBytes);
      }
      String text = new String(bytes, StandardCharsets.UTF_8);
      String head = text.stripLeading().toLowerCase(Locale.ROOT);
      if (type.startsWith("text/html")
          || head.startsWith("<!doctype html")
          || head.startsWith("<html")) {
        throw failed("files.download", "missing_scope", null);
      }
      return text;
    } catch (IOException e) {
      throw failed("files.download", "io", e);
    }
  }

  private void post(String url, JsonObject body) throws SlackCallException {
    String method = "response_url";
    if (!usableUrl(url)) {
      throw failed(method, "bad_url", null);
    }
    for (int attempt = 1; ; attempt++) {
      Duration wait;
      String error;
      try (Response r = slack.getHttpClient().postJsonBody(url, body)) {
        if (r.isSuccessful()) {
          return;
        }
        error = "http_" + r.code();
        if (!retryable(r.code()) || attempt >= tuning.retryAttempts()) {
          throw failed(method, error, null);
        }
        wait = waitFor(r.code(), r.header("Retry-After"), attempt);
      } catch (IOException e) {
        error = "io";
        if (attempt >= tuning.retryAttempts()) {
          throw failed(method, error, e);
        }
        wait = backoff(attempt);
      }
      pause(method, error, wait);
    }
  }

  /** One Web API call. */
  private interface ApiCall<T extends SlackApiTextResponse> {
    T run() throws IOException, SlackApiException;
  }

  /** What a call that failed may have done all the same: its result if so, found another way. */
  private interface Recovery<T> {
    Optional<T> check();
  }

  private <T extends SlackApiTextResponse> T call(String method, int attempts, ApiCall<T> c)
      throws SlackCallException {
    return call(method, attempts, c, Optional::empty);
  }

  /**
   * @param recovery asked after a failure that may have taken effect (a network error or a timeout,
   *     a 5xx) before it is retried or given up
   */
  private <T extends SlackApiTextResponse> T call(
      String method, int attempts, ApiCall<T> c, Recovery<T> recovery) throws SlackCallException {
    for (int attempt = 1; ; attempt++) {
      Duration wait;
      String error;
      try {
        T r = c.run();
        if (r.isOk()) {
          return r;
        }
        error = r.getError() == null ? "unknown" : r.getError();
        if (!"ratelimited".equals(error) || attempt >= attempts) {
          throw failed(method, error, null);
        }
        wait = backoff(attempt);
      } catch (SlackApiException e) {
        int code = e.getResponse().code();
        error = "http_" + code;
        Optional<T> done = code >= 500 ? recovery.check() : Optional.empty();
        if (done.isPresent()) {
          log.info("slack call landed after all method={} error={}", method, error);
          return done.get();
        }
        if (!retryable(code) || attempt >= attempts) {
          throw failed(method, error, e);
        }
        wait = waitFor(code, e.getResponse().header("Retry-After"), attempt);
      } catch (IOException e) {
        error = "io";
        Optional<T> done = recovery.check();
        if (done.isPresent()) {
          log.info("slack call landed after all method={} error={}", method, error);
          return done.get();
        }
        if (attempt >= attempts) {
          throw failed(method, error, e);
        }
        wait = backoff(attempt);
      }
      pause(method, error, wait);
    }
  }

  private static boolean retryable(int status) {
    return status == 429 || status >= 500;
  }

  /** Slack's {@code Retry-After} (seconds) when given, capped; else exponential backoff. */
  private Duration waitFor(int status, String retryAfter, int attempt) {
    if (status == 429 && retryAfter != null) {
      try {
        Duration d = Duration.ofSeconds(Long.parseLong(retryAfter.strip()));
        return d.compareTo(tuning.retryMax()) > 0 ? tuning.retryMax() : d;
      } catch (NumberFormatException e) {
        // an HTTP date or garbage: back off as for a 5xx
      }
    }
    return backoff(attempt);
  }

  private Duration backoff(int attempt) {
    Duration d = tuning.retryBase().multipliedBy(1L << Math.min(attempt - 1, 10));
    return d.compareTo(tuning.retryMax()) > 0 ? tuning.retryMax() : d;
  }

  private void pause(String method, String error, Duration wait) throws SlackCallException {
    metrics.apiRetry(method);
    log.info("slack call retry method={} error={} wait_ms={}", method, error, wait.toMillis());
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failed(method, "interrupted", e);
    }
  }

  private SlackCallException failed(String method, String error, Throwable cause) {
    metrics.apiError(method, error);
    return new SlackCallException(method, error, cause);
  }
}

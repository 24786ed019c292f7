package dev.runtimedoctor.bot.slack;

import com.google.gson.JsonObject;
import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.request.chat.ChatDeleteRequest;
import com.slack.api.methods.request.chat.ChatGetPermalinkRequest;
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
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.methods.response.conversations.ConversationsInfoResponse;
import com.slack.api.methods.response.conversations.ConversationsRepliesResponse;
import com.slack.api.methods.response.files.FilesInfoResponse;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.File;
import com.slack.api.model.Message;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
   * Posts {@code message} in {@code channel}, in the thread of {@code threadTs} when given.
   *
   * @return the new message's {@code ts}
   */
  public String postMessage(String channel, Optional<String> threadTs, SlackMessage message)
      throws SlackCallException {
    ChatPostMessageRequest req =
        ChatPostMessageRequest.builder()
            .channel(channel)
            .threadTs(threadTs.orElse(null))
            .text(message.text())
            .blocksAsString(message.blocksJson())
            .unfurlLinks(false)
            .unfurlMedia(false)
            .build();
    return call("chat.postMessage", tuning.retryAttempts(), () -> methods.chatPostMessage(req))
        .getTs();
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

  /** Posts to a {@code response_url}; {@code flags} such as response_type are added to the body. */
  public void respond(String responseUrl, SlackMessage message, Map<String, Object> flags)
      throws SlackCallException {
    JsonObject body = message.toJson();
    flags.forEach(
        (k, v) -> {
          if (v instanceof Boolean b) {
            body.addProperty(k, b);
          } else {
            body.addProperty(k, String.valueOf(v));
          }
        });
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
    ConversationsRepliesRequest req =
        ConversationsRepliesRequest.builder()
            .channel(channel)
            .ts(threadTs)
            .limit(THREAD_PAGE)
            .inclusive(true)
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
    ConversationsHistoryRequest req =
        ConversationsHistoryRequest.builder()
            .channel(channel)
            .latest(latest.orElse(null))
            .inclusive(latest.isPresent())
            .limit(limit)
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

  private <T extends SlackApiTextResponse> T call(String method, int attempts, ApiCall<T> c)
      throws SlackCallException {
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
        if (!retryable(code) || attempt >= attempts) {
          throw failed(method, error, e);
        }
        wait = waitFor(code, e.getResponse().header("Retry-After"), attempt);
      } catch (IOException e) {
        error = "io";
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

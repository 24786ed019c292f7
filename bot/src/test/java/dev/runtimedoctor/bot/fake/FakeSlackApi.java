package dev.runtimedoctor.bot.fake;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A stand-in for Slack's Web API on the loopback interface, for tests and the Slack benchmark: it
 * answers the methods the bot calls, receives {@code response_url} posts and serves files, and
 * records every call. Failures (a 429 with {@code Retry-After}, a 500) can be scripted per path.
 *
 * <p>It also keeps the messages the bot posts, updates and deletes, so that {@code
 * conversations.replies} and {@code conversations.history} show them back: several bot instances
 * pointed at one fake see each other's answers, as replicas of one Slack app do.
 */
public final class FakeSlackApi implements AutoCloseable {
  /** The bot user the fake's {@code auth.test} reports. */
  public static final String BOT_USER = "UBOT0001";

  public static final String BOT_ID = "BBOT0001";
  public static final String TEAM = "T0000001";

  /** One request the fake received. */
  public record Call(String path, Map<String, String> params, String body, String authorization) {
    /** The Web API method ({@code chat.postMessage}) or the path for other endpoints. */
    public String method() {
      return path.startsWith("/api/") ? path.substring(5) : path;
    }

    /** The body as JSON, for {@code response_url} posts. */
    public JsonObject json() {
      return JsonParser.parseString(body).getAsJsonObject();
    }
  }

  /** A scripted answer: status, extra headers, body. */
  private record Failure(int status, Map<String, String> headers) {}

  private final HttpServer server;
  private final ExecutorService executor;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Map<String, Deque<Failure>> scripted = new ConcurrentHashMap<>();
  private final Map<String, Integer> alwaysFail = new ConcurrentHashMap<>();
  private final Map<String, Duration> delays = new ConcurrentHashMap<>();
  private final Map<String, String> locales = new ConcurrentHashMap<>();
  private final Map<String, String> files = new ConcurrentHashMap<>();
  private final Map<String, String> threadParents = new ConcurrentHashMap<>();
  private final Map<String, String> channelNames = new ConcurrentHashMap<>();
  private final List<JsonObject> messages = new ArrayList<>();
  private final AtomicInteger ts = new AtomicInteger();
  private volatile String socketUrl = "";

  private FakeSlackApi(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts the fake on 127.0.0.1 and a free port. */
  public static FakeSlackApi start() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
    AtomicInteger n = new AtomicInteger();
    ExecutorService executor =
        Executors.newFixedThreadPool(
            8,
            r -> {
              Thread t = new Thread(r, "fake-slack-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    FakeSlackApi fake = new FakeSlackApi(server, executor);
    server.createContext("/", fake::handle);
    server.setExecutor(executor);
    server.start();
    return fake;
  }

  /** The base URL to set as {@code SLACK_API_URL}. */
  public String apiUrl() {
    return base() + "/api/";
  }

  /** A {@code response_url} for one request. */
  public String responseUrl(String id) {
    return base() + "/respond/" + id;
  }

  /** The URL a shared file is served at. */
  public String fileUrl(String id) {
    return base() + "/files/" + id;
  }

  private String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** What {@code apps.connections.open} hands out (a local WebSocket server in tests). */
  public void socketUrl(String url) {
    this.socketUrl = url;
  }

  /** The locale {@code users.info} reports for {@code user}; {@code en-US} otherwise. */
  public void locale(String user, String locale) {
    locales.put(user, locale);
  }

  /** The content served for a file id (an HTML page imitates a missing {@code files:read}). */
  public void file(String id, String content) {
    files.put(id, content);
  }

  /** The text of a thread's first message, for {@code conversations.replies}. */
  public void threadParent(String threadTs, String text) {
    threadParents.put(threadTs, text);
  }

  /** A channel {@code conversations.info} knows, with its name. */
  public void channel(String id, String name) {
    channelNames.put(id, name);
  }

  /**
   * The bot's messages now in {@code channel} (posted, as last updated, not deleted), oldest first;
   * each has {@code ts}, {@code text}, {@code blocks} and, in a thread, {@code thread_ts}.
   */
  public List<JsonObject> messages(String channel) {
    synchronized (messages) {
      return messages.stream()
          .filter(m -> m.get("channel").getAsString().equals(channel))
          .map(JsonObject::deepCopy)
          .toList();
    }
  }

  /**
   * The next {@code times} calls whose path starts with {@code pathPrefix} fail with {@code
   * status}; {@code retryAfter} sets the header when not null.
   */
  public void failNext(String pathPrefix, int times, int status, String retryAfter) {
    Deque<Failure> q = scripted.computeIfAbsent(pathPrefix, k -> new ArrayDeque<>());
    synchronized (q) {
      for (int i = 0; i < times; i++) {
        q.add(
            new Failure(status, retryAfter == null ? Map.of() : Map.of("Retry-After", retryAfter)));
      }
    }
  }

  /** Every call whose path starts with {@code pathPrefix} fails with {@code status}. */
  public void failAlways(String pathPrefix, int status) {
    alwaysFail.put(pathPrefix, status);
  }

  /**
   * Calls whose path starts with {@code pathPrefix} take effect at once but are answered only after
   * {@code delay}: a Slack that is slow to answer (a client with a shorter timeout gives up on a
   * call that landed). {@link Duration#ZERO} ends it.
   */
  public void delay(String pathPrefix, Duration delay) {
    if (delay.isZero()) {
      delays.remove(pathPrefix);
    } else {
      delays.put(pathPrefix, delay);
    }
  }

  /** Every call so far. */
  public List<Call> calls() {
    return List.copyOf(calls);
  }

  /** The calls so far to {@code method} (a Web API method or a path prefix such as /respond/). */
  public List<Call> calls(String method) {
    return calls.stream().filter(c -> c.method().startsWith(method)).toList();
  }

  /** The calls so far that match. */
  public List<Call> calls(Predicate<Call> which) {
    return calls.stream().filter(which).toList();
  }

  /**
   * Waits until at least {@code count} calls to {@code method} arrived; returns them.
   *
   * @throws AssertionError when {@code timeout} passes first
   */
  public List<Call> await(String method, int count, Duration timeout) throws InterruptedException {
    return await(c -> c.method().startsWith(method), "calls to " + method, count, timeout);
  }

  /**
   * Waits until at least {@code count} calls that match arrived; returns them.
   *
   * @param what names the calls in the failure message
   * @throws AssertionError when {@code timeout} passes first
   */
  public List<Call> await(Predicate<Call> which, String what, int count, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<Call> got = calls(which);
      if (got.size() >= count) {
        return got;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "expected " + count + " " + what + " within " + timeout + ", got " + got.size());
      }
      synchronized (calls) {
        calls.wait(20);
      }
    }
  }

  /** Waits for {@code count} messages posted in {@code channel}; returns them. */
  public List<Call> awaitPosts(String channel, int count, Duration timeout)
      throws InterruptedException {
    return await(
        c -> c.method().equals("chat.postMessage") && channel.equals(c.params().get("channel")),
        "posts in " + channel,
        count,
        timeout);
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      String body;
      try (InputStream in = ex.getRequestBody()) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      Map<String, String> params = new LinkedHashMap<>(form(ex.getRequestURI().getRawQuery()));
      String type = ex.getRequestHeaders().getFirst("Content-Type");
      if (type != null
          && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
        params.putAll(form(body));
      }
      Call call = new Call(path, params, body, ex.getRequestHeaders().getFirst("Authorization"));
      Failure failure = failure(path);
      if (failure != null) {
        failure.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        send(ex, failure.status(), "{\"ok\":false,\"error\":\"fake_failure\"}");
        record(call);
        return;
      }
      if (path.startsWith("/api/")) {
        // Answered before it is recorded: a test that sees the call sees its effect too.
        String answer = api(call.method(), params).toString();
        record(call);
        if (delayed(path)) {
          try {
            send(ex, 200, answer);
          } catch (IOException e) {
            // The client gave up waiting, as it was meant to.
          }
          return;
        }
        send(ex, 200, answer);
        return;
      }
      record(call);
      if (path.startsWith("/respond/")) {
        send(ex, 200, "ok");
      } else if (path.startsWith("/files/")) {
        String content = files.get(path.substring("/files/".length()));
        if (content == null) {
          send(ex, 404, "not found");
        } else {
          boolean html = content.stripLeading().startsWith("<!DOCTYPE html");
          ex.getResponseHeaders().add("Content-Type", html ? "text/html" : "text/plain");
          send(ex, 200, content);
        }
      } else {
        send(ex, 404, "not found");
      }
    }
  }

  /** Waits out a scripted delay for {@code path}; true when there was one. */
  private boolean delayed(String path) {
    for (Map.Entry<String, Duration> e : delays.entrySet()) {
      if (path.startsWith(e.getKey())) {
        try {
          Thread.sleep(e.getValue().toMillis());
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
        }
        return true;
      }
    }
    return false;
  }

  private void record(Call call) {
    calls.add(call);
    synchronized (calls) {
      calls.notifyAll();
    }
  }

  private Failure failure(String path) {
    for (Map.Entry<String, Deque<Failure>> e : scripted.entrySet()) {
      if (path.startsWith(e.getKey())) {
        Deque<Failure> q = e.getValue();
        synchronized (q) {
          if (!q.isEmpty()) {
            return q.poll();
          }
        }
      }
    }
    for (Map.Entry<String, Integer> e : alwaysFail.entrySet()) {
      if (path.startsWith(e.getKey())) {
        return new Failure(e.getValue(), Map.of());
      }
    }
    return null;
  }

  private JsonObject api(String method, Map<String, String> params) {
    JsonObject o = new JsonObject();
    o.addProperty("ok", true);
    switch (method) {
      case "auth.test" -> {
        o.addProperty("user_id", BOT_USER);
        o.addProperty("bot_id", BOT_ID);
        o.addProperty("team_id", TEAM);
        o.addProperty("user", "runtime-doctor");
        o.addProperty("team", "fake");
        o.addProperty("url", "https://fake.slack.com/");
      }
      case "apps.connections.open" -> o.addProperty("url", socketUrl);
      case "chat.postMessage" -> {
        JsonObject m = store(params);
        o.addProperty("channel", m.get("channel").getAsString());
        o.addProperty("ts", m.get("ts").getAsString());
        o.add("message", m);
      }
      case "chat.postEphemeral" -> {
        o.addProperty("channel", params.getOrDefault("channel", ""));
        o.addProperty("message_ts", nextTs());
      }
      case "chat.update" -> {
        if (!update(params)) {
          return error("message_not_found");
        }
        o.addProperty("channel", params.getOrDefault("channel", ""));
        o.addProperty("ts", params.getOrDefault("ts", ""));
      }
      case "chat.delete" -> {
        if (!delete(params.getOrDefault("channel", ""), params.getOrDefault("ts", ""))) {
          return error("message_not_found");
        }
        o.addProperty("channel", params.getOrDefault("channel", ""));
        o.addProperty("ts", params.getOrDefault("ts", ""));
      }
      case "chat.getPermalink" -> {
        String channel = params.getOrDefault("channel", "");
        o.addProperty("channel", channel);
        o.addProperty(
            "permalink",
            "https://fake.slack.com/archives/"
                + channel
                + "/p"
                + params.getOrDefault("message_ts", "").replace(".", ""));
      }
      case "conversations.info" -> {
        String id = params.getOrDefault("channel", "");
        String name = channelNames.get(id);
        if (name == null) {
          return error("channel_not_found");
        }
        JsonObject channel = new JsonObject();
        channel.addProperty("id", id);
        channel.addProperty("name", name);
        channel.addProperty("is_channel", true);
        o.add("channel", channel);
      }
      case "conversations.join" -> {
        JsonObject channel = new JsonObject();
        channel.addProperty("id", params.getOrDefault("channel", ""));
        o.add("channel", channel);
      }
      case "conversations.history" -> o.add("messages", history(params));
      case "views.publish" -> {
        JsonObject view =
            JsonParser.parseString(params.getOrDefault("view", "{}")).getAsJsonObject();
        view.addProperty("id", "VHOME" + params.getOrDefault("user_id", ""));
        o.add("view", view);
      }
      case "files.info" -> {
        String id = params.getOrDefault("file", "");
        if (!files.containsKey(id)) {
          return error("file_not_found");
        }
        JsonObject file = new JsonObject();
        file.addProperty("id", id);
        file.addProperty("name", id + ".log");
        file.addProperty("mimetype", "text/plain");
        file.addProperty("filetype", "text");
        file.addProperty("size", files.get(id).length());
        file.addProperty("url_private_download", fileUrl(id));
        o.add("file", file);
      }
      case "users.info" -> {
        JsonObject user = new JsonObject();
        String id = params.getOrDefault("user", "");
        user.addProperty("id", id);
        user.addProperty("locale", locales.getOrDefault(id, "en-US"));
        o.add("user", user);
      }
      case "conversations.replies" -> o.add("messages", replies(params));
      default -> {
        // Methods the bot does not use answer ok with nothing else.
      }
    }
    return o;
  }

  private static JsonObject error(String code) {
    JsonObject o = new JsonObject();
    o.addProperty("ok", false);
    o.addProperty("error", code);
    return o;
  }

  private String nextTs() {
    return "1700000000." + String.format(Locale.ROOT, "%06d", ts.incrementAndGet());
  }

  /** Keeps a posted message as Slack shows it back: by the bot, with its blocks. */
  private JsonObject store(Map<String, String> params) {
    JsonObject m = new JsonObject();
    m.addProperty("type", "message");
    m.addProperty("channel", params.getOrDefault("channel", ""));
    m.addProperty("user", BOT_USER);
    m.addProperty("bot_id", BOT_ID);
    m.addProperty("text", params.getOrDefault("text", ""));
    m.add("blocks", blocks(params));
    if (params.containsKey("thread_ts") && !params.get("thread_ts").isEmpty()) {
      m.addProperty("thread_ts", params.get("thread_ts"));
    }
    if (params.containsKey("metadata") && !params.get("metadata").isEmpty()) {
      m.add("metadata", JsonParser.parseString(params.get("metadata")));
    }
    synchronized (messages) {
      // Assigned under the lock so that the store stays in ts order.
      m.addProperty("ts", nextTs());
      messages.add(m);
    }
    return m.deepCopy();
  }

  private boolean update(Map<String, String> params) {
    synchronized (messages) {
      for (JsonObject m : messages) {
        if (m.get("channel").getAsString().equals(params.getOrDefault("channel", ""))
            && m.get("ts").getAsString().equals(params.getOrDefault("ts", ""))) {
          m.addProperty("text", params.getOrDefault("text", ""));
          m.add("blocks", blocks(params));
          return true;
        }
      }
    }
    return false;
  }

  private boolean delete(String channel, String messageTs) {
    synchronized (messages) {
      return messages.removeIf(
          m ->
              m.get("channel").getAsString().equals(channel)
                  && m.get("ts").getAsString().equals(messageTs));
    }
  }

  private static JsonArray blocks(Map<String, String> params) {
    String blocks = params.get("blocks");
    return blocks == null || blocks.isEmpty()
        ? new JsonArray()
        : JsonParser.parseString(blocks).getAsJsonArray();
  }

  /** A stored message as Slack shows it: its metadata only when asked for. */
  private static JsonObject shown(JsonObject m, Map<String, String> params) {
    JsonObject copy = m.deepCopy();
    String all = params.getOrDefault("include_all_metadata", "");
    if (!all.equals("true") && !all.equals("1")) {
      copy.remove("metadata");
    }
    return copy;
  }

  /**
   * A thread: its seeded parent, then the bot's messages in it (the parent, if it is the bot's).
   */
  private JsonArray replies(Map<String, String> params) {
    String channel = params.getOrDefault("channel", "");
    String thread = params.getOrDefault("ts", "");
    JsonArray out = new JsonArray();
    String parent = threadParents.get(thread);
    if (parent != null) {
      JsonObject m = new JsonObject();
      m.addProperty("type", "message");
      m.addProperty("user", "UPARENT01");
      m.addProperty("text", parent);
      m.addProperty("ts", thread);
      out.add(m);
    }
    synchronized (messages) {
      for (JsonObject m : messages) {
        boolean inChannel = m.get("channel").getAsString().equals(channel);
        boolean inThread =
            m.get("ts").getAsString().equals(thread)
                || (m.has("thread_ts") && m.get("thread_ts").getAsString().equals(thread));
        if (inChannel && inThread) {
          out.add(shown(m, params));
        }
      }
    }
    return out;
  }

  /** The bot's top-level messages in a channel, newest first, at or before {@code latest}. */
  private JsonArray history(Map<String, String> params) {
    String channel = params.getOrDefault("channel", "");
    BigDecimal latest = params.containsKey("latest") ? new BigDecimal(params.get("latest")) : null;
    boolean inclusive =
        "true".equals(params.get("inclusive")) || "1".equals(params.get("inclusive"));
    int limit = Integer.parseInt(params.getOrDefault("limit", "100"));
    List<JsonObject> found = new ArrayList<>();
    synchronized (messages) {
      for (JsonObject m : messages) {
        BigDecimal at = new BigDecimal(m.get("ts").getAsString());
        boolean before =
            latest == null || at.compareTo(latest) < 0 || (inclusive && at.compareTo(latest) == 0);
        if (m.get("channel").getAsString().equals(channel) && !m.has("thread_ts") && before) {
          found.add(shown(m, params));
        }
      }
    }
    JsonArray out = new JsonArray();
    for (int i = found.size() - 1; i >= 0 && out.size() < limit; i--) {
      out.add(found.get(i));
    }
    return out;
  }

  private static Map<String, String> form(String raw) {
    Map<String, String> out = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      out.put(
          URLDecoder.decode(k, StandardCharsets.UTF_8),
          URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return out;
  }

  private static void send(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    if (!ex.getResponseHeaders().containsKey("Content-Type")) {
      ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    }
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  /** A list of the calls' methods, for failure messages. */
  public List<String> methods() {
    List<String> out = new ArrayList<>();
    calls.forEach(c -> out.add(c.method()));
    return out;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}

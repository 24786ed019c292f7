package dev.runtimedoctor.bot.fake;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
  private final Map<String, String> locales = new ConcurrentHashMap<>();
  private final Map<String, String> files = new ConcurrentHashMap<>();
  private final Map<String, String> threadParents = new ConcurrentHashMap<>();
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
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<Call> got = calls(method);
      if (got.size() >= count) {
        return got;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "expected "
                + count
                + " calls to "
                + method
                + " within "
                + timeout
                + ", got "
                + got.size());
      }
      synchronized (calls) {
        calls.wait(20);
      }
    }
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
      } else if (path.startsWith("/api/")) {
        send(ex, 200, api(call.method(), params).toString());
      } else {
        send(ex, 404, "not found");
      }
    }
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
      case "chat.postMessage", "chat.postEphemeral", "chat.update" -> {
        o.addProperty("channel", params.getOrDefault("channel", ""));
        o.addProperty(
            "ts", "1700000000." + String.format(Locale.ROOT, "%06d", ts.incrementAndGet()));
      }
      case "users.info" -> {
        JsonObject user = new JsonObject();
        String id = params.getOrDefault("user", "");
        user.addProperty("id", id);
        user.addProperty("locale", locales.getOrDefault(id, "en-US"));
        o.add("user", user);
      }
      case "conversations.replies" -> {
        com.google.gson.JsonArray messages = new com.google.gson.JsonArray();
        String parent = threadParents.get(params.getOrDefault("ts", ""));
        if (parent != null) {
          JsonObject m = new JsonObject();
          m.addProperty("type", "message");
          m.addProperty("text", parent);
          m.addProperty("ts", params.get("ts"));
          messages.add(m);
        }
        o.add("messages", messages);
      }
      default -> {
        // Methods the bot does not use answer ok with nothing else.
      }
    }
    return o;
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

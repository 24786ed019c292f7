package dev.runtimedoctor.bot.http;

import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.util.QueryStringParser;
import com.slack.api.bolt.util.SlackRequestParser;
import dev.runtimedoctor.bot.slack.SlackBodyShape;
import dev.runtimedoctor.bot.slack.SlackMetrics;
import dev.runtimedoctor.bot.slack.SlackSurface;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.thread.Invocable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's HTTP surface on Jetty 12's core API (no servlets): {@code POST /slack/events} handed to
 * the Bolt app — after the signature is checked over the raw bytes — and {@code /healthz}, {@code
 * /readyz}, {@code /metrics}. A small port of what bolt-jetty does on Jetty 9.4, which is end of
 * life.
 */
public final class SlackHttpHandler extends Handler.Abstract {
  private static final Logger log = LoggerFactory.getLogger(SlackHttpHandler.class);

  /** The largest request body read; Slack's payloads are far smaller. */
  static final int MAX_BODY = 1 << 20;

  private static final String TEXT = "text/plain; charset=utf-8";
  private static final String JSON = "application/json; charset=utf-8";

  private final Supplier<Optional<BoltEndpoint>> bolt;
  private final Optional<SignatureVerifier> verifier;
  private final BooleanSupplier ready;
  private final SlackMetrics metrics;
  private final RecentSignatures recentSignatures =
      new RecentSignatures(SignatureVerifier.MAX_SKEW);

  /**
   * @param bolt the Bolt app once it has started; empty before, and always in Socket Mode
   * @param verifier present in HTTP mode, where {@code /slack/events} is served
   */
  public SlackHttpHandler(
      Supplier<Optional<BoltEndpoint>> bolt,
      Optional<SignatureVerifier> verifier,
      BooleanSupplier ready,
      SlackMetrics metrics) {
    this.bolt = bolt;
    this.verifier = verifier;
    this.ready = ready;
    this.metrics = metrics;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String path = Request.getPathInContext(request);
    String method = request.getMethod();
    if ("GET".equals(method) && "/healthz".equals(path)) {
      write(response, callback, 200, TEXT, "ok\n");
    } else if ("GET".equals(method) && "/readyz".equals(path)) {
      boolean r = ready.getAsBoolean();
      write(response, callback, r ? 200 : 503, TEXT, r ? "ready\n" : "not ready\n");
    } else if ("GET".equals(method) && "/metrics".equals(path)) {
      write(response, callback, 200, SlackMetrics.contentType(), metrics.scrape());
    } else if ("POST".equals(method)
        && SlackSurface.EVENTS_PATH.equals(path)
        && verifier.isPresent()) {
      if (request.getLength() > MAX_BODY) {
        // Refused before reading: answering from asByteArrayAsync's failure callback completes
        // the exchange while Jetty still fails the request's content, which hits a recycled
        // channel (a NullPointerException in Jetty's SerializedInvoker).
        write(response, callback, 413, TEXT, "request too large\n");
        return true;
      }
      // The continuation runs Bolt: BLOCKING tells Jetty to run it on a pool thread.
      Content.Source.asByteArrayAsync(
          request,
          MAX_BODY,
          Promise.Invocable.from(
              Invocable.InvocationType.BLOCKING,
              bytes -> slack(request, response, callback, bytes),
              error -> write(response, callback, 413, TEXT, "request too large or unreadable\n")));
    } else {
      write(response, callback, 404, TEXT, "not found\n");
    }
    return true;
  }

  private void slack(Request request, Response response, Callback callback, byte[] body) {
    Optional<BoltEndpoint> endpoint = bolt.get();
    if (endpoint.isEmpty() || !ready.getAsBoolean()) {
      // Slack retries what it could not deliver; refusing before boot loses nothing.
      write(response, callback, 503, TEXT, "starting\n");
      return;
    }
    String timestamp = request.getHeaders().get("X-Slack-Request-Timestamp");
    String signature = request.getHeaders().get("X-Slack-Signature");
    SignatureVerifier.Result check = verifier.orElseThrow().verify(timestamp, signature, body);
    if (check != SignatureVerifier.Result.VALID) {
      metrics.request("refused");
      log.warn("request refused reason={} remote={}", check, Request.getRemoteAddr(request));
      write(response, callback, 401, JSON, "{\"error\":\"invalid request\"}");
      return;
    }
    String text = new String(body, StandardCharsets.UTF_8);
    Optional<String> problem =
        SlackBodyShape.problem(request.getHeaders().get("Content-Type"), text);
    if (problem.isPresent()) {
      malformed(request, response, callback, problem.get());
      return;
    }
    if (!recentSignatures.firstTime(signature.strip())) {
      // The same signature again within the five minutes it is valid, after it was accepted:
      // a replay. Acknowledged, so that the sender learns nothing.
      metrics.dropped("replay");
      log.warn("request replayed remote={}", Request.getRemoteAddr(request));
      write(response, callback, 200, TEXT, "");
      return;
    }
    try {
      SlackRequestParser.HttpRequest raw =
          SlackRequestParser.HttpRequest.builder()
              .requestUri(Request.getPathInContext(request))
              .queryString(QueryStringParser.toMap(request.getHttpURI().getQuery()))
              .headers(new RequestHeaders(headers(request)))
              .requestBody(text)
              .remoteAddress(Request.getRemoteAddr(request))
              .build();
      com.slack.api.bolt.request.Request<?> slackRequest = endpoint.get().parser().parse(raw);
      if (slackRequest == null) {
        write(response, callback, 400, TEXT, "not a Slack request\n");
        return;
      }
      com.slack.api.bolt.response.Response r = endpoint.get().app().run(slackRequest);
      if (r.getStatusCode() / 100 != 2) {
        // Refused (the bot is busy): Slack's retry of it, however it is signed, must get through.
        recentSignatures.forget(signature.strip());
      }
      for (Map.Entry<String, List<String>> h : r.getHeaders().entrySet()) {
        for (String v : h.getValue()) {
          response.getHeaders().add(h.getKey(), v);
        }
      }
      String type = r.getContentType() == null ? TEXT : r.getContentType();
      write(response, callback, r.getStatusCode(), type, r.getBody() == null ? "" : r.getBody());
    } catch (Exception e) {
      // Bolt's parsers throw on shapes the check above does not know, with messages that quote
      // the body: the log gets the exception's type and where it was thrown, never its message.
      malformed(request, response, callback, e.getClass().getSimpleName() + " at " + origin(e));
    }
  }

  private void malformed(Request request, Response response, Callback callback, String reason) {
    metrics.request("malformed");
    log.warn("request malformed reason={} remote={}", reason, Request.getRemoteAddr(request));
    write(response, callback, 400, JSON, "{\"error\":\"malformed request\"}");
  }

  private static String origin(Throwable e) {
    StackTraceElement[] trace = e.getStackTrace();
    return trace.length == 0
        ? "?"
        : trace[0].getClassName() + "." + trace[0].getMethodName() + ":" + trace[0].getLineNumber();
  }

  private static Map<String, List<String>> headers(Request request) {
    Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (HttpField f : request.getHeaders()) {
      map.computeIfAbsent(f.getName(), k -> new ArrayList<>()).add(f.getValue());
    }
    return map;
  }

  private static void write(
      Response response, Callback callback, int status, String contentType, String body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
    Content.Sink.write(response, true, body, callback);
  }
}

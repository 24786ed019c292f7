package dev.runtimedoctor.bot.cluster;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A loopback HTTP server that is not a Kubernetes API server, for the failures fabric8's mock
 * server cannot play: a proxy's HTML page, a server that accepts and never answers, TLS with a
 * certificate the client does not trust. It records the method of every request it got, so a test
 * can hold the checks to GET.
 *
 * <p>The TLS certificate is {@code src/test/resources/cluster/tls/localhost.p12} (password {@code
 * test-only}, made with {@code keytool -genkeypair -keyalg EC -dname CN=localhost -ext
 * SAN=dns:localhost -validity 36500}), self-signed and valid for {@code localhost} only; {@code
 * localhost.crt} is its certificate.
 */
public final class LoopbackApiServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;
  private final CountDownLatch closing = new CountDownLatch(1);
  private final List<String> methods = new CopyOnWriteArrayList<>();

  private LoopbackApiServer(HttpServer server, Answer answer) {
    this.server = server;
    this.executor = Executors.newCachedThreadPool();
    server.setExecutor(executor);
    server.createContext("/", handler(answer));
    server.start();
  }

  private enum Answer {
    HTML,
    NOT_FOUND,
    NOTHING
  }

  /** Answers every request 200 with a login page, as a proxy in front of the wrong address does. */
  public static LoopbackApiServer html() {
    return new LoopbackApiServer(http(), Answer.HTML);
  }

  /** Answers every request 404 with a plain web page, as a static file server does. */
  public static LoopbackApiServer notFound() {
    return new LoopbackApiServer(http(), Answer.NOT_FOUND);
  }

  /** Accepts every request and never answers it (until closed). */
  public static LoopbackApiServer silent() {
    return new LoopbackApiServer(http(), Answer.NOTHING);
  }

  /** HTTPS with the self-signed {@code localhost} certificate, for the client to refuse. */
  public static LoopbackApiServer tls() {
    try {
      HttpsServer s =
          HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      s.setHttpsConfigurator(new HttpsConfigurator(sslContext()));
      // Never reached: the client refuses the certificate first (the tests check no request came).
      return new LoopbackApiServer(s, Answer.HTML);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The server's URL through {@code host} ({@code localhost}, {@code 127.0.0.1}). */
  public String url(String host) {
    String scheme = server instanceof HttpsServer ? "https" : "http";
    return scheme + "://" + host + ":" + server.getAddress().getPort();
  }

  /** The method of every request answered or held so far. */
  public List<String> methods() {
    return List.copyOf(methods);
  }

  /** The PEM certificate of {@link #tls()}, for a kubeconfig's certificate-authority-data. */
  public static byte[] certificate() {
    try (InputStream in = resource("localhost.crt")) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    executor.shutdownNow();
  }

  private HttpHandler handler(Answer answer) {
    return exchange -> {
      methods.add(exchange.getRequestMethod());
      try (HttpExchange x = exchange) {
        switch (answer) {
          case HTML ->
              send(x, 200, "text/html", "<!DOCTYPE html><html><body>Sign in</body></html>");
          case NOT_FOUND -> send(x, 404, "text/html", "<html><body>Not Found</body></html>");
          case NOTHING -> {
            try {
              closing.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        }
      }
    };
  }

  private static void send(HttpExchange x, int code, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().set("Content-Type", type);
    x.sendResponseHeaders(code, bytes.length);
    x.getResponseBody().write(bytes);
  }

  private static HttpServer http() {
    try {
      return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static SSLContext sslContext() {
    char[] password = "test-only".toCharArray();
    try (InputStream in = resource("localhost.p12")) {
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(in, password);
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(keys, password);
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(kmf.getKeyManagers(), null, null);
      return ssl;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = LoopbackApiServer.class.getResourceAsStream("/cluster/tls/" + name);
    if (in == null) {
      throw new IllegalStateException("no fixture cluster/tls/" + name);
    }
    return in;
  }
}

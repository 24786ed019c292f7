package dev.runtimedoctor.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimedoctor.bot.fake.FakeSlackApi;
import dev.runtimedoctor.knowledge.entry.EntryLoader;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image's command line — the Dockerfile's ENTRYPOINT, CMD and ENV — run on the jar {@code mvn
 * package} built, in a JVM of its own: what the container would run, short of the container. Its
 * JVM flags must start a JVM, the shaded jar must carry what the commands need, and {@code serve}
 * must come up with the manifests' environment and stop on SIGTERM as Kubernetes asks it to.
 */
class ImageCommandIT {
  private static final Pattern SERVING = Pattern.compile("serving on port (\\d+)");

  /** ENTRYPOINT with the image's jar path pointed at the built jar, and this JVM's java. */
  private static List<String> entrypoint() {
    Dockerfile d = DockerfileTest.dockerfile();
    List<String> command = new ArrayList<>(d.last().last("ENTRYPOINT").execForm());
    command.set(0, ProcessHandle.current().info().command().orElse("java"));
    command.set(command.size() - 1, RepoFiles.path(DockerfileTest.builtJar()).toString());
    return command;
  }

  private static Map<String, String> imageEnv() {
    Map<String, String> env = new HashMap<>();
    for (Dockerfile.Instruction e : DockerfileTest.dockerfile().last().all("ENV")) {
      String[] kv = e.arguments().split("=", 2);
      env.put(kv[0], kv[1]);
    }
    return env;
  }

  private static Process start(List<String> args, Map<String, String> env, Path out, Path err)
      throws Exception {
    List<String> command = entrypoint();
    command.addAll(args);
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    pb.environment().remove("JAVA_TOOL_OPTIONS");
    pb.environment().putAll(imageEnv());
    pb.environment().putAll(env);
    return pb.start();
  }

  @Test
  @DisplayName("the image's java flags start the built jar, which prints the checked-in manifest")
  void slackManifest(@TempDir Path tmp) throws Exception {
    Process p = start(List.of("slack-manifest"), Map.of(), tmp.resolve("out"), tmp.resolve("err"));
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(tmp.resolve("err"))).isZero();
    assertThat(Files.readString(tmp.resolve("out"), StandardCharsets.UTF_8))
        .isEqualTo(RepoFiles.read("deploy/slack/manifest.yml"));
  }

  @Test
  @DisplayName(
      "serve with the Deployment's environment gets ready, serves its paths, stops on TERM")
  void serve(@TempDir Path tmp) throws Exception {
    Rendered r = Rendered.of(Rendered.HTTP);
    try (FakeSlackApi fake = FakeSlackApi.start()) {
      Map<String, String> env =
          new HashMap<>(r.environment(Rendered.FAKE_SECRETS, tmp.resolve("volumes")));
      env.put("PORT", "0");
      env.put("SLACK_API_URL", fake.apiUrl());
      Path err = tmp.resolve("err");
      Process p =
          start(
              List.of(DockerfileTest.dockerfile().last().last("CMD").execForm().get(0)),
              env,
              tmp.resolve("out"),
              err);
      try {
        int port = awaitPort(p, err);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        assertThat(awaitStatus(http, port, "/readyz", 200)).as("ready").isTrue();
        for (String path : List.of("/healthz", "/metrics")) {
          assertThat(get(http, port, path)).as(path).isEqualTo(200);
        }
        int entries =
            EntryLoader.bundled().size()
                + EntryLoader.loadDirectory(Path.of(env.get("KNOWLEDGE_DIR"))).size();
        assertThat(Files.readString(err)).contains(entries + " entries");
      } finally {
        p.destroy();
      }
      assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
    }
  }

  private static int awaitPort(Process p, Path err) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      Matcher m = SERVING.matcher(Files.readString(err));
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
      if (!p.isAlive()) {
        throw new AssertionError("serve exited " + p.exitValue() + ": " + Files.readString(err));
      }
      p.waitFor(100, TimeUnit.MILLISECONDS);
    }
    throw new AssertionError("serve did not start within 60 s: " + Files.readString(err));
  }

  private static boolean awaitStatus(HttpClient http, int port, String path, int status)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (get(http, port, path) == status) {
        return true;
      }
      TimeUnit.MILLISECONDS.sleep(100);
    }
    return false;
  }

  private static int get(HttpClient http, int port, String path) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}

package dev.runtimedoctor.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real kustomize ({@code kubectl kustomize}) against {@link Kustomize}, the renderer the other
 * deploy tests check: same objects, field for field, for both variants. kubectl's output is kept as
 * golden files under {@code src/test/resources/deploy/}: the Java build is always held to them, and
 * where kubectl 1.21 or later is on the PATH (kustomize 4+; Debian's kubernetes-client is 1.20,
 * whose kustomize 2.0.3 builds neither directories in {@code resources} nor {@code patches}) the
 * live kubectl is held to them too, so they cannot drift from what kustomize really does. {@code
 * -Dgolden.update=true} rewrites them from the live kubectl.
 */
class KubectlKustomizeTest {
  private static final Pattern VERSION = Pattern.compile("v(\\d+)\\.(\\d+)");
  private static Path kubectl;

  /**
   * Why kubectl cannot be used here, if it cannot: the Java build is then held to the golden files
   * alone.
   */
  private static Optional<String> unusable;

  @BeforeAll
  static void findKubectl() throws Exception {
    Optional<Path> found = onPath("kubectl");
    if (found.isEmpty()) {
      unusable = Optional.of("no kubectl on PATH: the Java build is not cross-checked");
      return;
    }
    kubectl = found.get();
    Result v = run(List.of(kubectl.toString(), "version", "--client", "-o", "json"), null);
    if (v.code() != 0) {
      unusable = Optional.of("kubectl version failed: " + v.err());
      return;
    }
    String git =
        JsonParser.parseString(v.out())
            .getAsJsonObject()
            .getAsJsonObject("clientVersion")
            .get("gitVersion")
            .getAsString();
    Matcher m = VERSION.matcher(git);
    boolean recent =
        m.find() && (Integer.parseInt(m.group(1)) > 1 || Integer.parseInt(m.group(2)) >= 21);
    unusable =
        recent
            ? Optional.empty()
            : Optional.of(
                "kubectl " + git + " is older than 1.21: its kustomize cannot build these");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {Rendered.HTTP, Rendered.SOCKET})
  @DisplayName("the Java renderer builds each variant as kubectl kustomize did (golden file)")
  void sameAsKubectl(String dir) throws Exception {
    Path root = RepoFiles.path(dir);
    Set<String> generated = Kustomize.generatedConfigMapNames(root);
    String variant = dir.equals(Rendered.HTTP) ? "http" : "socket-mode";
    Path golden = RepoFiles.path("bot/src/test/resources/deploy/kustomize-" + variant + ".yaml");
    if (unusable.isEmpty()) {
      Result r = run(List.of(kubectl.toString(), "kustomize", root.toString()), null);
      assertThat(r.code()).as("kubectl kustomize %s: %s", root, r.err()).isZero();
      assertThat(r.err()).as("warnings (deprecated fields?)").isBlank();
      if (Boolean.getBoolean("golden.update")) {
        Files.writeString(golden, r.out(), StandardCharsets.UTF_8);
      }
      assertThat(byName(RepoFiles.yamlDocuments(r.out()), generated))
          .as("live kubectl against %s (regenerate with -Dgolden.update=true)", golden)
          .isEqualTo(byName(RepoFiles.yamlDocuments(Files.readString(golden)), generated));
    }
    List<Map<String, Object>> expected = RepoFiles.yamlDocuments(Files.readString(golden));
    assertThat(expected).isNotEmpty();
    assertThat(byName(Kustomize.build(root), generated)).isEqualTo(byName(expected, generated));
  }

  @Test
  @DisplayName("an overlay setting namespace, image and a setting builds alike, binding included")
  void readmeOverlay(@TempDir Path tmp) throws Exception {
    Path base = RepoFiles.path(Rendered.HTTP);
    Files.writeString(
        tmp.resolve("kustomization.yaml"),
        String.join(
            "\n",
            "apiVersion: kustomize.config.k8s.io/v1beta1",
            "kind: Kustomization",
            "namespace: runtime-doctor",
            "resources:",
            "  - " + tmp.relativize(base),
            "images:",
            "  - name: runtime-doctor",
            "    newName: europe-west1-docker.pkg.dev/acme/tools/runtime-doctor",
            "    newTag: 0.2.0",
            "configMapGenerator:",
            "  - name: runtime-doctor-settings",
            "    behavior: merge",
            "    literals:",
            "      - BOT_LANGUAGE=en",
            ""),
        StandardCharsets.UTF_8);
    List<Map<String, Object>> built =
        unusable.isEmpty()
            ? assertSameBuild(tmp, Kustomize.generatedConfigMapNames(base))
            : Kustomize.build(tmp);
    Map<String, Object> binding =
        built.stream().filter(o -> "ClusterRoleBinding".equals(o.get("kind"))).findFirst().get();
    assertThat(Yamls.get(binding, "subjects", "0", "namespace")).isEqualTo("runtime-doctor");
    Map<String, Object> deployment =
        built.stream().filter(o -> "Deployment".equals(o.get("kind"))).findFirst().get();
    assertThat(Yamls.get(deployment, "spec", "template", "spec", "containers", "0", "image"))
        .isEqualTo("europe-west1-docker.pkg.dev/acme/tools/runtime-doctor:0.2.0");
  }

  /** Builds {@code dir} both ways and asserts the same objects; returns kubectl's. */
  private static List<Map<String, Object>> assertSameBuild(Path dir, Set<String> generated)
      throws Exception {
    Result r = run(List.of(kubectl.toString(), "kustomize", dir.toString()), null);
    assertThat(r.code()).as("kubectl kustomize %s: %s", dir, r.err()).isZero();
    assertThat(r.err()).as("warnings (deprecated fields?)").isBlank();
    List<Map<String, Object>> expected = RepoFiles.yamlDocuments(r.out());
    assertThat(byName(Kustomize.build(dir), generated)).isEqualTo(byName(expected, generated));
    return expected;
  }

  /**
   * Objects by kind, namespace and name, with generated ConfigMap names stripped of their hash: the
   * two renderers hash differently, and kustomize's own hash differs between its versions.
   */
  private static Map<String, Object> byName(
      List<Map<String, Object>> objects, Set<String> generated) {
    Map<String, Object> out = new TreeMap<>();
    for (Map<String, Object> o : objects) {
      Object normal = unhash(o, generated);
      out.put(
          o.get("kind")
              + "/"
              + Yamls.get(normal, "metadata", "namespace")
              + "/"
              + Yamls.get(normal, "metadata", "name"),
          normal);
    }
    return out;
  }

  private static Object unhash(Object node, Set<String> generated) {
    if (node instanceof Map<?, ?> m) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      m.forEach((k, v) -> copy.put(k, unhash(v, generated)));
      return copy;
    }
    if (node instanceof List<?> l) {
      List<Object> copy = new ArrayList<>();
      l.forEach(v -> copy.add(unhash(v, generated)));
      return copy;
    }
    if (node instanceof String s) {
      for (String name : generated) {
        if (s.matches(Pattern.quote(name) + "-[a-z0-9]{10}")) {
          return name;
        }
      }
    }
    return node;
  }

  private static Optional<Path> onPath(String command) {
    String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir, command);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private record Result(int code, String out, String err) {}

  private static Result run(List<String> command, Path dir)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile("kubectl", ".out");
    Path err = Files.createTempFile("kubectl", ".err");
    try {
      ProcessBuilder pb =
          new ProcessBuilder(command)
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      if (dir != null) {
        pb.directory(dir.toFile());
      }
      Process p = pb.start();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError(command + " did not finish within 60 s");
      }
      return new Result(
          p.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}

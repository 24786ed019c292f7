package dev.runtimedoctor.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimedoctor.bot.config.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code deploy/Dockerfile}, read statically (no Docker engine runs here): a Maven build stage, a
 * Java 17 JRE runtime running the jar the build really produces, as a numeric non-root user, in
 * UTF-8, with a heap sized from the container, on the port the bot and the manifests use. {@code
 * ImageCommandIT} runs its command line on the built jar.
 */
class DockerfileTest {
  static final String FILE = "deploy/Dockerfile";

  static Dockerfile dockerfile() {
    return Dockerfile.parse(RepoFiles.read(FILE));
  }

  /** Where the build leaves the shaded jar: bot/pom.xml's shade finalName. */
  static String builtJar() {
    Matcher m =
        Pattern.compile("<finalName>([^<]+)</finalName>").matcher(RepoFiles.read("bot/pom.xml"));
    assertThat(m.find()).as("shade finalName in bot/pom.xml").isTrue();
    return "bot/target/" + m.group(1) + ".jar";
  }

  @Test
  @DisplayName("two stages: a Maven + JDK 17 build, then a Java 17 JRE runtime")
  void stages() {
    Dockerfile d = dockerfile();
    assertThat(d.stages()).hasSize(2);
    Dockerfile.Stage build = d.stages().get(0);
    assertThat(build.image()).startsWith("maven:").contains("temurin-17");
    assertThat(build.name()).isPresent();
    assertThat(d.last().image()).matches("eclipse-temurin:17-jre.*");
  }

  @Test
  @DisplayName("the build stage gets every module and runs the package build")
  void buildStage() {
    Dockerfile.Stage build = dockerfile().stages().get(0);
    List<String> copied = new ArrayList<>();
    build.all("COPY").forEach(c -> copied.add(c.words().get(0)));
    List<String> needed = new ArrayList<>(List.of("pom.xml"));
    Matcher modules =
        Pattern.compile("<module>([^<]+)</module>").matcher(RepoFiles.read("pom.xml"));
    while (modules.find()) {
      needed.add(modules.group(1) + "/");
    }
    assertThat(copied).containsExactlyInAnyOrderElementsOf(needed);
    assertThat(build.last("RUN").arguments()).contains("mvn ", " package").contains("-DskipTests");
  }

  @Test
  @DisplayName("the runtime stage copies the jar the build produces and runs it")
  void runsTheBuiltJar() {
    Dockerfile d = dockerfile();
    Dockerfile.Stage build = d.stages().get(0);
    Dockerfile.Instruction copy = d.last().last("COPY");
    List<String> words = copy.words();
    assertThat(words.get(0)).isEqualTo("--from=" + build.name().orElseThrow());
    String workdir = build.last("WORKDIR").arguments();
    assertThat(words.get(1)).isEqualTo(workdir + "/" + builtJar());
    String jar = words.get(2);
    List<String> entrypoint = d.last().last("ENTRYPOINT").execForm();
    assertThat(entrypoint.get(0)).isEqualTo("java");
    assertThat(entrypoint.subList(entrypoint.size() - 2, entrypoint.size()))
        .containsExactly("-jar", jar);
    assertThat(d.last().last("CMD").execForm()).containsExactly("serve");
  }

  @Test
  @DisplayName("UTF-8 default charset, and a heap that is a share of the container's memory")
  void jvmSettings() {
    Dockerfile.Stage runtime = dockerfile().last();
    List<String> entrypoint = runtime.last("ENTRYPOINT").execForm();
    assertThat(entrypoint).contains("-Dfile.encoding=UTF-8");
    assertThat(runtime.all("ENV"))
        .anySatisfy(e -> assertThat(e.arguments()).contains("LANG=C.UTF-8"));
    int percent = maxRamPercentage(entrypoint);
    assertThat(percent).isBetween(40, 80);
    // What the heap leaves of the Deployment's limit: metaspace, code cache, threads, buffers.
    Rendered r = Rendered.of(Rendered.HTTP);
    long limit = mebibytes((String) Yamls.get(r.container(), "resources", "limits", "memory"));
    assertThat(limit - limit * percent / 100)
        .as("MiB outside the heap")
        .isGreaterThanOrEqualTo(150);
  }

  @Test
  @DisplayName("a numeric non-root USER, the one the Deployment runs as")
  void nonRootUser() {
    String user = dockerfile().last().last("USER").arguments();
    assertThat(user).matches("[0-9]+(:[0-9]+)?");
    String[] ids = user.split(":");
    assertThat(Integer.parseInt(ids[0])).isPositive();
    Map<String, Object> pod = Rendered.of(Rendered.HTTP).podSpec();
    assertThat(Yamls.get(pod, "securityContext", "runAsUser")).isEqualTo(Integer.parseInt(ids[0]));
    if (ids.length == 2) {
      assertThat(Yamls.get(pod, "securityContext", "runAsGroup"))
          .isEqualTo(Integer.parseInt(ids[1]));
    }
  }

  @Test
  @DisplayName("EXPOSE is the bot's default PORT and the manifests' container port")
  void port() {
    String exposed = dockerfile().last().last("EXPOSE").arguments();
    assertThat(Integer.parseInt(exposed)).isEqualTo(Config.DEFAULT_PORT);
    assertThat(Rendered.of(Rendered.HTTP).httpPort()).isEqualTo(Config.DEFAULT_PORT);
  }

  @Test
  @DisplayName(".dockerignore keeps local build output out of the context")
  void dockerignore() {
    assertThat(RepoFiles.read(".dockerignore").lines().map(String::strip))
        .contains("**/target/", ".git/");
  }

  static int maxRamPercentage(List<String> entrypoint) {
    return entrypoint.stream()
        .filter(a -> a.startsWith("-XX:MaxRAMPercentage="))
        .map(a -> (int) Double.parseDouble(a.substring(a.indexOf('=') + 1)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no -XX:MaxRAMPercentage in " + entrypoint));
  }

  private static long mebibytes(String quantity) {
    if (quantity.endsWith("Gi")) {
      return Long.parseLong(quantity.substring(0, quantity.length() - 2)) * 1024;
    }
    assertThat(quantity).endsWith("Mi");
    return Long.parseLong(quantity.substring(0, quantity.length() - 2));
  }
}

package dev.runtimedoctor.bot.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimedoctor.bot.config.Environment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the checks connect, decided from the given environment only. */
class ClusterTargetTest {
  @TempDir Path dir;

  @Test
  @DisplayName("KUBECONFIG wins; of a list, the first readable file is used")
  void kubeconfigList() throws IOException {
    Path second = Files.writeString(dir.resolve("b"), "apiVersion: v1\nkind: Config\n");
    String list = dir.resolve("missing") + java.io.File.pathSeparator + second;
    ClusterTarget t =
        ClusterTarget.resolve(location(Map.of("KUBECONFIG", list)), Optional.of("ctx"), dir);
    assertThat(t).isEqualTo(new ClusterTarget.Kubeconfig(second, Optional.of("ctx")));
  }

  @Test
  @DisplayName("a KUBECONFIG naming no readable file is reported, not skipped")
  void kubeconfigMissing() {
    ClusterTarget t =
        ClusterTarget.resolve(
            location(Map.of("KUBECONFIG", "/nope/config")), Optional.empty(), dir);
    assertThat(t)
        .isInstanceOf(ClusterTarget.Missing.class)
        .extracting(m -> ((ClusterTarget.Missing) m).reason())
        .isEqualTo("KUBECONFIG names no readable file: /nope/config");
  }

  @Test
  @DisplayName("without KUBECONFIG, $HOME/.kube/config")
  void homeConfig() throws IOException {
    Path file = dir.resolve(".kube").resolve("config");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "apiVersion: v1\n");
    ClusterTarget t =
        ClusterTarget.resolve(location(Map.of("HOME", dir.toString())), Optional.empty(), dir);
    assertThat(t).isEqualTo(new ClusterTarget.Kubeconfig(file, Optional.empty()));
  }

  @Test
  @DisplayName("in a pod, the service account; --context there is a mistake worth a message")
  void inCluster() throws IOException {
    Files.writeString(dir.resolve("token"), "t");
    Map<String, String> env =
        Map.of("KUBERNETES_SERVICE_HOST", "10.0.0.1", "KUBERNETES_SERVICE_PORT", "443");
    assertThat(ClusterTarget.resolve(location(env), Optional.empty(), dir))
        .isEqualTo(new ClusterTarget.InCluster("10.0.0.1", "443", dir));
    assertThat(ClusterTarget.resolve(location(env), Optional.of("prod"), dir))
        .isInstanceOf(ClusterTarget.Missing.class)
        .extracting(t -> ((ClusterTarget.Missing) t).reason())
        .asString()
        .startsWith("--context prod needs a kubeconfig");
  }

  @Test
  @DisplayName("nothing configured says what to set up")
  void nothing() {
    assertThat(ClusterTarget.resolve(location(Map.of()), Optional.empty(), dir))
        .isInstanceOf(ClusterTarget.Missing.class);
  }

  /** The location the environment names, read as the bot reads it. */
  private static ClusterLocation location(Map<String, String> env) {
    return Environment.of(env).cluster();
  }
}

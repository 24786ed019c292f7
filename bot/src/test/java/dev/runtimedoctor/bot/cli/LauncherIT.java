package dev.runtimedoctor.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/runtime-doctor} on the jar and class-data sharing archive {@code mvn package} built,
 * in processes of their own: what a person types, pipes and redirects.
 */
class LauncherIT {
  private static final String POD_IP =
      "failed to allocate for range 0: no IP addresses available in range set:"
          + " 10.48.131.1-10.48.131.62";

  @TempDir Path tmp;

  @Test
  @DisplayName("a bare call prints one hint and exits 2")
  void bareCall() throws Exception {
    Run r = run(Map.of(), List.of(launcher().toString()));

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines()).containsExactly(Main.HINT);
  }

  @Test
  @DisplayName("the hint an answer prints runs as printed, through the launcher on the PATH")
  void hintsRunAsPrinted() throws Exception {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    // Installed the way the image does it: a symlink in a directory on the PATH.
    Files.createSymbolicLink(bin.resolve("runtime-doctor"), launcher());
    Map<String, String> env = Map.of("PATH", bin + File.pathSeparator + System.getenv("PATH"));

    Run answer = sh(env, "runtime-doctor ask --lang en '" + POD_IP + "'");
    Matcher hint = Pattern.compile("runtime-doctor show \\S+ --lang en").matcher(answer.out());
    assertThat(answer.code()).as(answer.err()).isZero();
    assertThat(hint.find()).as(answer.out()).isTrue();
    Run shown = sh(env, hint.group());

    assertThat(shown.code()).as(shown.err()).isZero();
    assertThat(shown.out()).startsWith("Pods fail to start").contains("## Resolution");
  }

  @Test
  @DisplayName("list and batch into a full device exit 1 with one line on stderr")
  void fullDevice() throws Exception {
    Run list = sh(Map.of(), launcher() + " list > /dev/full");
    Run batch =
        sh(
            Map.of(),
            "printf '{\"id\":\"a\",\"text\":\"cni config uninitialized\"}\\n' | "
                + launcher()
                + " batch > /dev/full");

    for (Run r : List.of(list, batch)) {
      assertThat(r.code()).isEqualTo(1);
      assertThat(r.err().lines())
          .singleElement()
          .asString()
          .startsWith("runtime-doctor: cannot write the output");
    }
  }

  @Test
  @DisplayName("a reader that stops early (| head -1) gets its line and no error message")
  void pipeClosedEarly() throws Exception {
    Run r = sh(Map.of(), launcher() + " show pod-ip-exhaustion --lang en | head -1");

    assertThat(r.out().lines())
        .containsExactly(
            "Pods fail to start: \"no IP addresses available in range set\" (pod IPs leaked on the"
                + " node)");
    assertThat(r.err()).isEmpty();
  }

  @Test
  @DisplayName("the build's class-data sharing archive is used: the CLI's classes come from it")
  void classDataSharingArchiveIsUsed() throws Exception {
    Path log = tmp.resolve("classes.log");
    Run r =
        run(
            Map.of("JAVA_OPTS", "-Xlog:class+load=info:file=" + log),
            List.of(launcher().toString(), "ask", "--json", POD_IP));

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.readString(log))
        .containsPattern("dev\\.runtimedoctor\\.bot\\.cli\\.Main source: shared objects file");
  }

  @Test
  @DisplayName(
      "ask on the bundled knowledge reads the build's index snapshot and parses no entry file;"
          + " --packs builds the index as before")
  void bundledKnowledgeComesFromTheSnapshot() throws Exception {
    Path bundled = tmp.resolve("bundled.log");
    Path subset = tmp.resolve("subset.log");

    Run fromSnapshot =
        run(
            Map.of("JAVA_OPTS", "-Xlog:class+load=info:file=" + bundled),
            List.of(launcher().toString(), "ask", "--json", POD_IP));
    Run built =
        run(
            Map.of("JAVA_OPTS", "-Xlog:class+load=info:file=" + subset),
            List.of(launcher().toString(), "ask", "--packs", "gke-runtime", "--json", POD_IP));

    assertThat(fromSnapshot.code()).as(fromSnapshot.err()).isZero();
    assertThat(fromSnapshot.out()).contains("\"pod-ip-exhaustion\"");
    assertThat(Files.readString(bundled))
        .contains("dev.runtimedoctor.knowledge.index.IndexSnapshot ")
        .doesNotContain("dev.runtimedoctor.knowledge.entry.EntryParser ");
    assertThat(built.code()).as(built.err()).isZero();
    assertThat(built.out()).contains("\"pod-ip-exhaustion\"");
    assertThat(Files.readString(subset))
        .contains("dev.runtimedoctor.knowledge.entry.EntryParser ")
        .doesNotContain("dev.runtimedoctor.knowledge.index.IndexSnapshot ");
  }

  @Test
  @DisplayName("the completion script loads in bash and completes the commands")
  void completionLoadsInBash() throws Exception {
    Path script = tmp.resolve("completion.bash");
    Run made = run(Map.of(), List.of(launcher().toString(), "completion"));
    Files.writeString(script, made.out());

    Run bash =
        run(
            Map.of(),
            List.of(
                "bash",
                "-c",
                "source "
                    + script
                    + " && COMP_WORDS=(runtime-doctor ch) COMP_CWORD=1"
                    + " COMP_LINE='runtime-doctor ch' COMP_POINT=17"
                    + " && _complete_runtime-doctor && printf '%s\\n' \"${COMPREPLY[@]}\""));

    assertThat(made.code()).isZero();
    assertThat(bash.code()).as(bash.err()).isZero();
    assertThat(bash.out().lines()).contains("check");
  }

  @Test
  @DisplayName(
      "check through a kubeconfig whose auth plugin fails says so in one line, exit 3, without"
          + " the plugin's output or a stack trace")
  void failingAuthPluginIsOneLine() throws Exception {
    Path plugin = tmp.resolve("auth-plugin.sh");
    Files.writeString(
        plugin,
        "#!/bin/sh\necho 'error: token ya29.a0AfH6SMBxFAKEFAKEFAKE0123456789 expired' >&2\n"
            + "echo 'F1201 cred.go:145] print credential failed: gcloud: exit status 1'\nexit 1\n");
    plugin.toFile().setExecutable(true);
    Path kubeconfig = tmp.resolve("kubeconfig");
    Files.writeString(
        kubeconfig,
        String.join(
            "\n",
            "apiVersion: v1",
            "kind: Config",
            "clusters:",
            "- name: c",
            "  cluster: {server: 'https://127.0.0.1:1', insecure-skip-tls-verify: true}",
            "contexts:",
            "- name: ctx",
            "  context: {cluster: c, user: u}",
            "current-context: ctx",
            "users:",
            "- name: u",
            "  user:",
            "    exec: {apiVersion: client.authentication.k8s.io/v1beta1, command: " + plugin + "}",
            ""));

    Run check =
        run(Map.of("KUBECONFIG", kubeconfig.toString()), List.of(launcher().toString(), "check"));

    assertThat(check.code()).as(check.err()).isEqualTo(3);
    assertThat(check.err().strip().lines()).as(check.err()).hasSize(1);
    assertThat(check.err())
        .doesNotContain("ya29")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  private static Path launcher() {
    Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.isExecutable(p.resolve("bin/runtime-doctor"))) {
        return p.resolve("bin/runtime-doctor");
      }
    }
    throw new AssertionError("no bin/runtime-doctor above " + dir);
  }

  private Run sh(Map<String, String> env, String script) throws Exception {
    return run(env, List.of("sh", "-c", script));
  }

  private Run run(Map<String, String> env, List<String> command) throws Exception {
    Path out = tmp.resolve("out-" + System.nanoTime());
    Path err = tmp.resolve("err-" + System.nanoTime());
    ProcessBuilder pb =
        new ProcessBuilder(new ArrayList<>(command))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    pb.environment().remove("JAVA_TOOL_OPTIONS");
    pb.environment().remove("RUNTIME_DOCTOR_JAR");
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    pb.environment().putAll(env);
    Process p = pb.start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("timed out: " + command);
    }
    return new Run(p.exitValue(), read(out), read(err));
  }

  private static String read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private record Run(int code, String out, String err) {}
}

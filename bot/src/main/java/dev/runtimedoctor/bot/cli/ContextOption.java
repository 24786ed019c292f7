package dev.runtimedoctor.bot.cli;

import dev.runtimedoctor.bot.cluster.ClusterChecks;
import dev.runtimedoctor.bot.cluster.ClusterSettings;
import dev.runtimedoctor.bot.cluster.ClusterTarget;
import dev.runtimedoctor.bot.config.Environment;
import dev.runtimedoctor.bot.text.Message;
import dev.runtimedoctor.bot.text.Msg;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import picocli.CommandLine.Option;

/** The {@code --context} option of the commands that read a cluster. */
final class ContextOption {
  @Option(
      names = "--context",
      paramLabel = "CONTEXT",
      description = "Kubeconfig context (default: the current one; in a pod: its service account).")
  String context;

  ClusterChecks connect(Environment env) {
    return ClusterChecks.connect(
        env.cluster(), Optional.ofNullable(context), ClusterSettings.DEFAULT);
  }

  /**
   * Why no check could run, decided before connecting, in one line that says what to fix: no
   * cluster configured, or a kubeconfig that is not YAML. Empty when the checks may try.
   */
  Optional<Message> unusable(Environment env) {
    ClusterTarget target = ClusterTarget.resolve(env.cluster(), Optional.ofNullable(context));
    if (target instanceof ClusterTarget.Missing missing) {
      return Optional.of(missing.said());
    }
    if (target instanceof ClusterTarget.Kubeconfig k) {
      return kubeconfigProblem(k);
    }
    return Optional.empty();
  }

  /** Reads the file's YAML structure only: fabric8's own parse error is a multi-line trace. */
  private static Optional<Message> kubeconfigProblem(ClusterTarget.Kubeconfig k) {
    String file = k.file().toString();
    Node root;
    try (Reader r = Files.newBufferedReader(k.file(), StandardCharsets.UTF_8)) {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(r);
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String problem = String.valueOf(e.getProblem());
      return Optional.of(
          mark == null
              ? Message.of(Msg.KC_NOT_YAML, file, problem)
              : Message.of(Msg.KC_NOT_YAML_AT, file, mark.getLine() + 1, problem));
    } catch (YAMLException | IOException e) {
      return Optional.of(Message.of(Msg.KC_UNREADABLE, file));
    }
    if (!(root instanceof MappingNode)) {
      return Optional.of(Message.of(Msg.KC_NOT_KUBECONFIG, file));
    }
    return Optional.empty();
  }
}

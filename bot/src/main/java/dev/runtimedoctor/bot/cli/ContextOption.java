package dev.runtimedoctor.bot.cli;

import dev.runtimedoctor.bot.cluster.ClusterChecks;
import dev.runtimedoctor.bot.cluster.ClusterSettings;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The {@code --context} option of the commands that read a cluster. */
final class ContextOption {
  @Option(
      names = "--context",
      paramLabel = "CONTEXT",
      description = "Kubeconfig context (default: the current one; in a pod: its service account).")
  String context;

  ClusterChecks connect(Map<String, String> env) {
    return ClusterChecks.connect(env, Optional.ofNullable(context), ClusterSettings.DEFAULT);
  }
}

package dev.runtimedoctor.bot.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code completion}: the bash/zsh completion script for every command and option, made by picocli
 * from the same command model that parses the arguments, so it cannot fall behind.
 */
@Command(
    name = "completion",
    description = {
      "Print the bash/zsh completion script of every command and option.",
      "bash: source <(runtime-doctor completion)   (or save it in"
          + " /etc/bash_completion.d/runtime-doctor)",
      "zsh:  autoload -U +X bashcompinit && bashcompinit && source <(runtime-doctor completion)"
    })
final class CompletionCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Spec CommandSpec spec;

  CompletionCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    ctx.out().print(AutoComplete.bash("runtime-doctor", spec.root().commandLine()));
    ctx.out().flush();
    return ExitCodes.OK;
  }
}

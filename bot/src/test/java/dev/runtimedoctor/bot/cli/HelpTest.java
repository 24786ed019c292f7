package dev.runtimedoctor.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimedoctor.bot.config.Environment;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;

/** Every command explains itself: {@code --help}, {@code -h}, {@code help COMMAND}, exit codes. */
class HelpTest {
  /** Every command but {@code help}, read from the same wiring the CLI uses. */
  static Stream<String> commands() {
    return Main.commandLine(context()).getSubcommands().keySet().stream()
        .filter(c -> !c.equals("help"));
  }

  @ParameterizedTest(name = "{0} --help")
  @MethodSource("commands")
  @DisplayName("COMMAND --help, -h and help COMMAND print the same usage to stdout and exit 0")
  void helpOfEveryCommand(String command) {
    var longForm = CliRunner.run(command, "--help");
    var shortForm = CliRunner.run(command, "-h");
    var helpCommand = CliRunner.run("help", command);

    assertThat(longForm.code()).isZero();
    assertThat(longForm.err()).isEmpty();
    assertThat(longForm.out()).startsWith("Usage: runtime-doctor " + command).contains("--help");
    assertThat(shortForm.out()).isEqualTo(longForm.out());
    assertThat(helpCommand.code()).isZero();
    assertThat(helpCommand.out()).isEqualTo(longForm.out());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  @DisplayName("every option and parameter of every command is described")
  void everyOptionDescribed(String command) {
    CommandLine cl = Main.commandLine(context()).getSubcommands().get(command);
    List<ArgSpec> args = cl.getCommandSpec().args();

    assertThat(cl.getCommandSpec().usageMessage().description()).as(command).isNotEmpty();
    assertThat(args)
        .allSatisfy(
            a ->
                assertThat(String.join(" ", a.description()))
                    .as(command + " " + a.paramLabel())
                    .isNotBlank());
  }

  @Test
  @DisplayName("a bare call prints one line saying how to get help, exit 2")
  void bareCall() {
    var r = CliRunner.run();

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines()).containsExactly(Main.HINT);
  }

  @Test
  @DisplayName("--help lists every command and the exit codes")
  void topLevelHelp() {
    var r = CliRunner.run("--help");

    assertThat(r.code()).isZero();
    commands().forEach(c -> assertThat(r.out()).contains("  " + c));
    assertThat(r.out()).contains("Exit codes: 0 done").contains("3 (check)");
  }

  @Test
  @DisplayName("an unknown command or option is one line with a suggestion, exit 2")
  void unknownCommandAndOption() {
    var command = CliRunner.run("aks", "x");
    var option = CliRunner.run("eval", "--mises", "cases.jsonl");
    var help = CliRunner.run("help", "shwo");

    assertThat(command.code()).isEqualTo(2);
    assertThat(command.err().strip())
        .isEqualTo("unknown command 'aks', did you mean 'ask'? (see 'runtime-doctor --help')");
    assertThat(option.code()).isEqualTo(2);
    assertThat(option.err().strip())
        .isEqualTo(
            "unknown option '--mises', did you mean '--misses'?"
                + " (see 'runtime-doctor eval --help')");
    assertThat(help.code()).isEqualTo(2);
    assertThat(help.err().lines()).hasSize(1);
  }

  @Test
  @DisplayName("completion prints a bash script that completes every command")
  void completion() {
    var r = CliRunner.run("completion");

    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("#!/usr/bin/env bash").contains("complete -F");
    commands().forEach(c -> assertThat(r.out()).contains(c));
    assertThat(r.out()).contains("--misses").contains("--knowledge");
  }

  private static CliContext context() {
    return new CliContext(
        Environment.of(Map.of()),
        new ByteArrayInputStream(new byte[0]),
        false,
        new PrintWriter(new StringWriter()),
        new PrintWriter(new StringWriter()));
  }
}

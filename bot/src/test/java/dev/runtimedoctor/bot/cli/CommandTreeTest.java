package dev.runtimedoctor.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimedoctor.bot.config.Environment;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * A call that names a command builds that command alone under the root (a shorter cold start);
 * anything else builds every command.
 */
class CommandTreeTest {
  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.runtimedoctor.bot.cli.HelpTest#commands")
  @DisplayName(
      "a named command is built alone, under the name and with the options it has in the"
          + " full tree")
  void namedCommandAlone(String command) {
    if (Set.of("help", "completion").contains(command)) {
      return;
    }
    CommandLine full = Main.commandLine(context()).getSubcommands().get(command);

    CommandLine alone = Main.commandLine(context(), command);

    assertThat(alone.getSubcommands()).containsOnlyKeys(command);
    CommandLine sub = alone.getSubcommands().get(command);
    assertThat(sub.getCommandSpec().optionsMap().keySet())
        .isEqualTo(full.getCommandSpec().optionsMap().keySet());
    assertThat(sub.getUsageMessage()).isEqualTo(full.getUsageMessage());
  }

  @ParameterizedTest(name = "first argument ''{0}''")
  @ValueSource(strings = {"help", "completion", "--help", "-V", "ask-me", ""})
  @DisplayName("help, completion, root options and unknown words get every command")
  void everyCommandOtherwise(String first) {
    Set<String> all = Main.commandLine(context()).getSubcommands().keySet();

    assertThat(Main.commandLine(context(), first).getSubcommands().keySet()).isEqualTo(all);
  }

  @Test
  @DisplayName("a typo of a command still gets a did-you-mean from every command")
  void typoSuggestsFromEveryCommand() {
    var r = CliRunner.run("shwo", "pod-ip-exhaustion");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("unknown command 'shwo'").contains("show");
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

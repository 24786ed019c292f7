package dev.runtimedoctor.knowledge.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasteLineTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "$ kubectl exec -n db pg-0 -- ls -l /dev/pgdata",
        "  $ crictl ps -a",
        "user@bastion:~$ kubectl logs web-0",
        "jane@gke-pool-1-abcd:/var/log$ journalctl -u containerd"
      })
  @DisplayName("a line typed at a shell prompt is a command")
  void commands(String line) {
    assertThat(new PasteLine(1, line, line, line).isCommand()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "exec: \"app\": executable file not found in $PATH: unknown",
        "$PATH is empty in the container",
        "# Expected result",
        "ls: cannot access '/dev/pgdata': No such file or directory",
        "it costs $ 5 a month"
      })
  @DisplayName("errors, variables, headings and prose are not commands")
  void notCommands(String line) {
    assertThat(new PasteLine(1, line, line, line).isCommand()).isFalse();
  }
}

package dev.runtimedoctor.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code ask} answers in the language of the person's words, whatever BOT_LANGUAGE says. */
class AskLanguageTest {
  private static final String POD_IP =
      "failed to allocate for range 0: no IP addresses available in range set:"
          + " 10.48.131.1-10.48.131.62";

  @Test
  @DisplayName("an English phrase is answered in English although the default is Italian")
  void englishPhrase() {
    var r = CliRunner.run("ask", "node ran out of pod IPs but runs few pods");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("pod-ip-exhaustion", "RESOLUTION").doesNotContain("RISOLUZIONE");
  }

  @Test
  @DisplayName("small talk in English gets its honest no-match in English")
  void smallTalk() {
    assertThat(CliRunner.run("ask", "anyone up for lunch?").out())
        .contains("No known issue recognised.");
    assertThat(CliRunner.run("ask", "qualcuno viene a pranzo?").out())
        .contains("Nessun problema noto riconosciuto.");
  }

  @Test
  @DisplayName("an Italian question with an English log line is answered in Italian")
  void italianWithLog() {
    var r =
        CliRunner.run(
            new byte[0],
            Map.of("BOT_LANGUAGE", "en"),
            "ask",
            "ciao, da ieri i pod su un nodo non partono:\n" + POD_IP + "\ncosa posso fare?");
    assertThat(r.out()).contains("pod-ip-exhaustion", "RISOLUZIONE");
  }

  @Test
  @DisplayName("a 5 MB journal: its question decides; without one, BOT_LANGUAGE does")
  void hugeJournal() {
    String journal = journal(5 * 1024 * 1024);
    byte[] asked =
        (journal + POD_IP + "\nwhy does this happen on a node with 20 pods?\n")
            .getBytes(StandardCharsets.UTF_8);
    assertThat(CliRunner.run(asked, Map.of(), "ask").out()).contains("RESOLUTION");

    byte[] bare = (journal + POD_IP + "\n").getBytes(StandardCharsets.UTF_8);
    assertThat(CliRunner.run(bare, Map.of("BOT_LANGUAGE", "en"), "ask").out())
        .contains("RESOLUTION");
    assertThat(CliRunner.run(bare, Map.of(), "ask").out()).contains("RISOLUZIONE");
  }

  private static String journal(int size) {
    String[] messages = {
      "systemd[1]: Started Kubernetes kubelet.",
      "kubelet[1234]: I1127 12:00:01.000000    1234 kubelet.go:2189] \"SyncLoop (PLEG): event"
          + " for pod\" pod=\"default/web-5d9c\" event={ID:5d9c Type:ContainerStarted}",
      "containerd[987]: time=\"2026-11-27T12:00:01Z\" level=info msg=\"StartContainer for"
          + " \\\"5d9c\\\" returns successfully\"",
      "systemd[1]: kubelet.service: Main process exited, code=exited, status=1/FAILURE"
    };
    StringBuilder sb = new StringBuilder(size + 200);
    for (int i = 0; sb.length() < size; i++) {
      sb.append(String.format("Nov 27 12:%02d:%02d gke-pool-1-3f2a ", i / 60 % 60, i % 60))
          .append(messages[i % messages.length])
          .append('\n');
    }
    return sb.toString();
  }
}

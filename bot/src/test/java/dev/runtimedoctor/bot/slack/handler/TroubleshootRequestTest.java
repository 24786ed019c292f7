package dev.runtimedoctor.bot.slack.handler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimedoctor.knowledge.entry.Language;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TroubleshootRequestTest {
  @Test
  @DisplayName("subcommands are recognised, in English and Italian")
  void subcommands() {
    assertThat(TroubleshootRequest.parse("")).isInstanceOf(TroubleshootRequest.Help.class);
    assertThat(TroubleshootRequest.parse("help")).isInstanceOf(TroubleshootRequest.Help.class);
    assertThat(TroubleshootRequest.parse("elenco"))
        .isInstanceOf(TroubleshootRequest.ListEntries.class);
    assertThat(TroubleshootRequest.parse("show pod-ip-exhaustion"))
        .isEqualTo(new TroubleshootRequest.Show(Optional.of("pod-ip-exhaustion")));
    assertThat(TroubleshootRequest.parse("lang it"))
        .isEqualTo(new TroubleshootRequest.Lang(Optional.of(Language.IT)));
    assertThat(TroubleshootRequest.parse("lang fr"))
        .isEqualTo(new TroubleshootRequest.Lang(Optional.empty()));
  }

  @Test
  @DisplayName("a misspelt subcommand gets 'did you mean', swapped letters included")
  void typos() {
    assertThat(TroubleshootRequest.parse("lsit"))
        .isEqualTo(new TroubleshootRequest.DidYouMean("lsit", "list"));
    assertThat(TroubleshootRequest.parse("shw pod-ip-exhaustion"))
        .isEqualTo(new TroubleshootRequest.DidYouMean("shw", "show"));
    assertThat(TroubleshootRequest.parse("hepl"))
        .isEqualTo(new TroubleshootRequest.DidYouMean("hepl", "help"));
  }

  @Test
  @DisplayName("anything longer, or not word-like, is a paste to diagnose")
  void pastes() {
    assertThat(TroubleshootRequest.parse("x509: certificate signed by unknown authority"))
        .isInstanceOf(TroubleshootRequest.Diagnose.class);
    assertThat(TroubleshootRequest.parse("list of pods stuck in ContainerCreating"))
        .isInstanceOf(TroubleshootRequest.Diagnose.class);
    assertThat(TroubleshootRequest.parse("ErrImagePull"))
        .isInstanceOf(TroubleshootRequest.Diagnose.class);
  }
}

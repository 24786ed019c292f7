package dev.runtimedoctor.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimedoctor.bot.slack.SlackAppManifest;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SlackManifestCommandTest {
  @Test
  @DisplayName("slack-manifest prints the Socket Mode manifest, nothing else")
  void socketMode() {
    CliRunner.Result r = CliRunner.run("slack-manifest");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo(SlackAppManifest.yaml(Optional.empty()));
    assertThat(r.err()).isEmpty();
  }

  @Test
  @DisplayName("slack-manifest --public-url prints the HTTP mode manifest")
  void httpMode() {
    CliRunner.Result r = CliRunner.run("slack-manifest", "--public-url", "https://d.example.com");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .isEqualTo(SlackAppManifest.yaml(Optional.of(URI.create("https://d.example.com"))))
        .contains("request_url: https://d.example.com/slack/events");
  }

  @Test
  @DisplayName("a public URL Slack would not call is bad usage, exit 2 with one line")
  void badUrl() {
    for (String bad : new String[] {"http://d.example.com", "d.example.com", "https://"}) {
      CliRunner.Result r = CliRunner.run("slack-manifest", "--public-url", bad);
      assertThat(r.code()).as(bad).isEqualTo(2);
      assertThat(r.err()).as(bad).contains("https").hasLineCount(1);
      assertThat(r.out()).as(bad).isEmpty();
    }
  }

  @Test
  @DisplayName("a public URL with credentials is refused without echoing them")
  void urlWithCredentials() {
    for (String bad :
        new String[] {
          "https://admin:S3cretPass@d.example.com", "https://token@d.example.com/slack"
        }) {
      CliRunner.Result r = CliRunner.run("slack-manifest", "--public-url", bad);

      assertThat(r.code()).as(bad).isEqualTo(2);
      assertThat(r.err()).as(bad).contains("must not hold credentials").hasLineCount(1);
      assertThat(r.err() + r.out()).as(bad).doesNotContain("S3cretPass", "token@");
    }
  }
}
